import type { Check } from './types.js';
import { RECORDING_RULE_NAME } from '../conventions.js';
import { escapePointerSegment as p } from '../source-map.js';

/**
 * Whether `level` is a `_`-joined sequence of label names from `labels` (label names may contain
 * underscores themselves: `error_code_tier` is error_code + tier).
 */
function levelNamesLabels(level: string, labels: ReadonlySet<string>): boolean {
  const parts = level.split('_');
  const ok: boolean[] = new Array<boolean>(parts.length + 1).fill(false);
  ok[0] = true;
  for (let end = 1; end <= parts.length; end++) {
    for (let start = 0; start < end && !ok[end]; start++) {
      if (ok[start] && labels.has(parts.slice(start, end).join('_'))) ok[end] = true;
    }
  }
  return ok[parts.length] === true;
}

/**
 * Prometheus' naming convention for recording rules is level:metric:operations, where the level
 * "represents the aggregation level and labels of the rule output"
 * (https://prometheus.io/docs/practices/rules/#naming). A level that is not a label of the output
 * (`tunnel_tier:` for a rule that keeps `tier`) misleads whoever writes `by (...)` over it.
 */
export const recordingRuleLevel: Check = {
  id: 'recording-rule-level',
  severity: 'warning',
  description:
    'The level of a recording rule name (level:metric:operations) names labels its output keeps, joined by _ (tier:, instance_path:, job: for a sum by (job)); a service prefix is not a level.',
  examples: {
    valid: [{ title: 'level names the kept label', yaml: 'recordingRules:\n  code:demo_errors:rate5m: { expr: "sum by (code) (rate(demo_requests_total[5m]))", description: x, unit: requests_per_second }\n  job:demo_errors:rate5m: { expr: "sum by (job) (rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n' }],
    invalid: [
      {
        title: 'a service prefix as level',
        yaml: 'recordingRules:\n  demo_code:demo_requests:rate5m: { expr: "sum by (code) (rate(demo_requests_total[5m]))", description: x, unit: requests_per_second }\n',
        message: 'Unexpected level "demo_code" in recording rule "demo_code:demo_requests:rate5m"',
      },
    ],
  },
  run({ spec, seriesLabels }, report) {
    for (const name of Object.keys(spec.recordingRules ?? {})) {
      if (!RECORDING_RULE_NAME.test(name)) continue;
      const labels = seriesLabels(name);
      if (!labels) continue;
      const level = name.split(':')[0] as string;
      if (levelNamesLabels(level, labels)) continue;
      report({
        pointer: `/recordingRules/${p(name)}`,
        atKey: true,
        message: `Unexpected level "${level}" in recording rule "${name}": it is not the labels the output keeps (${[...labels].sort().join(', ') || 'none'}), expected those labels joined by _ (e.g. ${[...labels].sort().join('_') || 'job, after sum by (job)'}:...)`,
      });
    }
  },
};
