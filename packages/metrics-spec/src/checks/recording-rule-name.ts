import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { RECORDING_RULE_NAME } from '../conventions.js';

export const recordingRuleName: Check = {
  id: 'recording-rule-name',
  severity: 'error',
  description: 'Recording rules are named level:metric:operations (job:tunnel_requests:rate5m), so a reader knows the aggregation level, the source and what was done to it.',
  examples: {
    valid: [{ title: 'level:metric:operations', yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n' }],
    invalid: [{ title: 'a plain name', yaml: 'recordingRules:\n  demo_error_rate: { expr: "sum(rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n', message: 'Unexpected recording rule name "demo_error_rate"' }],
  },
  run({ spec }, report) {
    for (const name of Object.keys(spec.recordingRules ?? {})) {
      if (!RECORDING_RULE_NAME.test(name)) report({ pointer: `/recordingRules/${p(name)}`, atKey: true, cause: `recordingRule:${name}`, message: `Unexpected recording rule name "${name}", expected level:metric:operations (e.g. job:tunnel_requests:rate5m)` });
    }
  },
};
