/** Rule group names, shared by the rule files and the promtool test file (group_eval_order). */
import type { ResolvedModel } from '@monspec/metrics-spec';

export function recordingGroup(model: ResolvedModel): string {
  return `${model.service.name}.recording`;
}

export function sloRecordingGroup(model: ResolvedModel): string {
  return `${model.service.name}.slo.recording`;
}

export function alertGroup(model: ResolvedModel): string {
  return `${model.service.name}.alerts`;
}

/** Groups in evaluation order: recorded series first, so alerts read this step's values. */
export function groupOrder(model: ResolvedModel): string[] {
  const out: string[] = [];
  if (model.recordingRules.some((r) => r.origin === 'spec')) out.push(recordingGroup(model));
  if (model.recordingRules.some((r) => r.origin === 'slo')) out.push(sloRecordingGroup(model));
  if (model.alerts.some((a) => a.datasource === 'prometheus')) out.push(alertGroup(model));
  return out;
}
