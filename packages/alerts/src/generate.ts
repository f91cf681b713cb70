/** `generate(model)`: every alerting artifact of one environment, as data. Pure. */
import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';
import { linkAlerts } from './links.js';
import { recordingRulesFile } from './prometheus/recording-rules.js';
import { alertRulesFile } from './prometheus/alert-rules.js';
import { unitTestsFile } from './prometheus/unit-tests.js';

export interface GenerateOptions {}

export function generate(model: ResolvedModel, _options: GenerateOptions = {}): Artifact[] {
  const alerts = linkAlerts(model);
  const artifacts: Artifact[] = [recordingRulesFile(model), alertRulesFile(model, alerts), unitTestsFile(model, alerts)];
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
