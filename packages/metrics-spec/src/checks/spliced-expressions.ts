import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { hasLineComment } from '../promql/splice.js';

const RUNBOOK = "runbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n";

export const splicedExpressions: Check = {
  id: 'spliced-expressions',
  severity: 'error',
  description:
    'Expressions monspec pastes into generated queries stay what they say: an alert expression with a condition, SLI errors/total (divided in the error-ratio rules) and log source selectors and error filters (wrapped in count_over_time) hold no # comment, which would swallow the condition or the closing brackets (the schema already keeps selectors to {...}).',
  examples: {
    valid: [{ title: 'a log source with a selector and a filter', yaml: "logs:\n  sources:\n    app: { selector: '{app=\"demo\"}', description: x, errorFilter: '|= \"error\" | json' }\n" }],
    invalid: [
      {
        title: 'a comment that would swallow the condition',
        yaml: `${RUNBOOK}alerts:\n  DemoOther:\n    severity: info\n    expr: 'job:demo_errors:ratio_rate5m # the error ratio'\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/errors\n`,
        message: 'Unexpected # comment in the expression of alert DemoOther',
      },
      {
        title: 'a comment in a log source selector (the schema only sees {...})',
        yaml: "logs:\n  sources:\n    app: { selector: '{app=\"demo\"} # }', description: x }\n",
        message: 'Unexpected # comment in the selector of log source app',
      },
    ],
  },
  run({ spec }, report) {
    const noComment = (pointer: string, language: 'promql' | 'logql', expr: string | undefined, what: string) => {
      if (expr !== undefined && hasLineComment(language, expr)) {
        report({ pointer, message: `Unexpected # comment in ${what}, expected an expression without comments (monspec appends to it, and a comment runs to the end of the line)` });
      }
    };
    for (const [name, alert] of Object.entries(spec.alerts ?? {})) {
      if (alert.condition) noComment(`/alerts/${p(name)}/expr`, alert.datasource === 'loki' ? 'logql' : 'promql', alert.expr, `the expression of alert ${name}`);
    }
    for (const [name, slo] of Object.entries(spec.slos ?? {})) {
      noComment(`/slos/${p(name)}/sli/errors`, 'promql', slo.sli?.errors, `the SLI errors of SLO ${name}`);
      noComment(`/slos/${p(name)}/sli/total`, 'promql', slo.sli?.total, `the SLI total of SLO ${name}`);
    }
    for (const [name, source] of Object.entries(spec.logs?.sources ?? {})) {
      const base = `/logs/sources/${p(name)}`;
      noComment(`${base}/selector`, 'logql', source.selector, `the selector of log source ${name}`);
      noComment(`${base}/errorFilter`, 'logql', source.errorFilter, `the error filter of log source ${name}`);
    }
  },
};
