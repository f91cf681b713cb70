import type { Check } from './types.js';
import { analyzePromql } from '../promql/analyze.js';
import { excerpt } from '../diagnostics.js';
import { REMOVED_FUNCTIONS } from './prometheus3.js';

/** A call of a function Prometheus 3 removed: the 3.x grammar we parse with does not know it; `prometheus3` reports it, once. */
const REMOVED_CALL = new RegExp(`\\b(?:${Object.keys(REMOVED_FUNCTIONS).join('|')})\\s*\\(`);

export const promqlSyntax: Check = {
  id: 'promql-syntax',
  severity: 'error',
  description: 'Every PromQL expression (recording rules, alerts, SLOs, panels, runbooks) parses. Grafana variables such as $__rate_interval are replaced first.',
  examples: {
    valid: [{ title: 'a rate with a Grafana interval', yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n' }],
    invalid: [
      {
        title: 'unbalanced parenthesis',
        yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_errors_total[5m])", description: x, unit: requests_per_second }\n',
        message: 'Unexpected end of expression',
      },
    ],
  },
  run({ expressions }, report) {
    for (const site of expressions) {
      if (site.language !== 'promql' || REMOVED_CALL.test(site.expr)) continue;
      const [first] = analyzePromql(site.expr).syntaxErrors;
      if (first) report({ pointer: site.pointer, message: `${first.message} in the PromQL of ${site.owner}, expected a valid PromQL expression: ${excerpt(site.expr)}` });
    }
  },
};
