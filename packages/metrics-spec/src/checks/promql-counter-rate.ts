import type { Check } from './types.js';
import { analyzePromql } from '../promql/analyze.js';

/** Functions that make sense on a raw counter. */
const COUNTER_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'resets', 'absent', 'absent_over_time', 'present_over_time', 'timestamp', 'count', 'group', 'changes']);

export const promqlCounterRate: Check = {
  id: 'promql-counter-rate',
  severity: 'warning',
  description: 'Counters (and histogram buckets, sums and counts) are read through rate(), irate() or increase(): a raw counter only tells how long the process has been up.',
  examples: {
    valid: [{ title: 'rate of a counter', yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n' }],
    invalid: [
      {
        title: 'sum of a raw counter',
        yaml: 'recordingRules:\n  demo:errors:sum: { expr: "sum(demo_errors_total)", description: x, unit: count }\n',
        message: 'Unexpected counter demo_errors_total outside rate()',
      },
    ],
  },
  run({ expressions, seriesOrigins }, report) {
    for (const site of expressions) {
      if (site.language !== 'promql') continue;
      const analysis = analyzePromql(site.expr);
      if (analysis.syntaxErrors.length > 0) continue;
      for (const sel of analysis.selectors) {
        const origin = seriesOrigins.get(sel.name);
        if (!origin) continue;
        const isCounter = origin.definition.type === 'counter' || ((origin.definition.type === 'histogram' || origin.definition.type === 'summary') && sel.name !== origin.metric);
        if (!isCounter) continue;
        if (sel.enclosingFunction && COUNTER_FUNCTIONS.has(sel.enclosingFunction)) continue;
        report({ pointer: site.pointer, message: `Unexpected counter ${sel.name} outside rate()/increase() in ${site.owner}, expected rate(${sel.name}[…]) or increase(${sel.name}[…])` });
      }
    }
  },
};
