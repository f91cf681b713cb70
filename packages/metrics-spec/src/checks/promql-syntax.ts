import type { Check } from './types.js';
import { analyzePromql } from '../promql/analyze.js';
import { analyzeLogql } from '../promql/logql.js';

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
      if (site.language !== 'promql') continue;
      const [first] = analyzePromql(site.expr).syntaxErrors;
      if (first) report({ pointer: site.pointer, message: `${first.message} in the PromQL of ${site.owner}, expected a valid PromQL expression: ${site.expr}` });
    }
  },
};

export const logqlSyntax: Check = {
  id: 'logql-syntax',
  severity: 'error',
  description: 'Every LogQL expression (Loki alerts, log panels, runbooks, log sources) parses with the LogQL grammar.',
  examples: {
    valid: [{ title: 'a log source with an error filter', yaml: 'logs:\n  sources:\n    app: { selector: \'{app="demo"}\', description: x, errorFilter: \'| json | level="error"\' }\n' }],
    invalid: [
      {
        title: 'a filter without a string',
        yaml: 'logs:\n  sources:\n    app: { selector: \'{app="demo"}\', description: x, errorFilter: "|= error" }\n',
        message: 'expected a valid LogQL expression',
      },
    ],
  },
  run({ expressions }, report) {
    for (const site of expressions) {
      if (site.language !== 'logql') continue;
      const [first] = analyzeLogql(site.expr).syntaxErrors;
      if (first) report({ pointer: site.pointer, message: `${first.message} in the LogQL of ${site.owner}, expected a valid LogQL expression: ${site.expr}` });
    }
  },
};
