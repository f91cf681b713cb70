/** `prometheus/rules/recording.rules.yml`: the spec's recording rules and the SLO error-ratio rules. */
import type { Artifact, ArtifactDescriptor, RecordingRule, ResolvedModel, ResolvedRecordingRule, RuleFile, RuleGroup } from '@monspec/metrics-spec';
import { ruleFileDeployment } from '../deployment.js';
import { yamlFile } from '../yaml.js';
import { recordingGroup, sloRecordingGroup } from './groups.js';

export const RECORDING_RULES_PATH = 'prometheus/rules/recording.rules.yml';

function rule(r: ResolvedRecordingRule): RecordingRule {
  return { record: r.name, expr: r.expr, ...(Object.keys(r.labels).length ? { labels: { ...r.labels } } : {}) };
}

export function recordingRulesDescriptor(model: ResolvedModel): ArtifactDescriptor {
  return {
    path: RECORDING_RULES_PATH,
    title: 'Prometheus recording rules (level:metric:operations), read by dashboards and alerts.',
    engine: 'prometheus',
    role: 'prometheus-recording-rules',
    ...ruleFileDeployment(model, 'always', 'Prometheus rule_files'),
  };
}

/** The recording-rule groups, evaluated before the alerts (the rule files and every ruler format share them). */
export function recordingRuleGroups(model: ResolvedModel): RuleGroup[] {
  const interval = model.service.alerting.evaluationInterval;
  const groups: RuleGroup[] = [];
  const spec = model.recordingRules.filter((r) => r.origin === 'spec');
  const slo = model.recordingRules.filter((r) => r.origin === 'slo');
  if (spec.length) groups.push({ name: recordingGroup(model), interval, rules: spec.map(rule) });
  if (slo.length) groups.push({ name: sloRecordingGroup(model), interval, rules: slo.map(rule) });
  return groups;
}

export function recordingRulesFile(model: ResolvedModel): Artifact {
  return { ...recordingRulesDescriptor(model), content: yamlFile({ groups: recordingRuleGroups(model) } satisfies RuleFile) };
}
