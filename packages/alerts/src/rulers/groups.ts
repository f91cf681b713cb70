/** The Prometheus-side rule groups every ruler format carries: the same groups as prometheus/rules, in evaluation order. */
import type { ResolvedModel, RuleGroup } from '@monspec/metrics-spec';
import { prometheusEvaluates } from '../deployment.js';
import type { LinkedAlert } from '../links.js';
import { alertRuleGroups } from '../prometheus/alert-rules.js';
import { recordingRuleGroups } from '../prometheus/recording-rules.js';

/** The alert group only when Prometheus-side rulers evaluate this environment's alerts (not with engine grafana). */
export function prometheusRuleGroups(model: ResolvedModel, alerts: readonly LinkedAlert[]): RuleGroup[] {
  return [...recordingRuleGroups(model), ...(prometheusEvaluates(model.service.alerting.engine) ? alertRuleGroups(model, alerts) : [])];
}
