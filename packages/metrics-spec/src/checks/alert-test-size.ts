import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { parseDuration } from '../quantity.js';

/** More samples than any alert scenario needs; promtool and monspec's own evaluator expand every one. */
const MAX_TEST_SAMPLES = 100_000;

/** Samples a promtool values string expands to (`0+1x30` is 31, `_x5` is 5 blanks, `7` is 1). */
function countSamples(values: string): number {
  let n = 0;
  // Placeholders are numbers once rendered; a repetition count may be one too, so count it as 1.
  for (const token of values.replace(/\$\{[^}]*\}/g, '1').trim().split(/\s+/)) {
    if (token === '') continue;
    const times = /x(\d+)$/.exec(token);
    n += times ? Number(times[1]) + (token.startsWith('_') ? 0 : 1) : 1;
  }
  return n;
}

export const alertTestSize: Check = {
  id: 'alert-test-size',
  severity: 'error',
  description: `An alert test's input series expand to at most ${MAX_TEST_SAMPLES} samples each and its expectations lie within ${MAX_TEST_SAMPLES} intervals, so promtool and the build's evaluator finish.`,
  examples: {
    valid: [{ title: 'the base alert\'s tests', yaml: 'runbooks: {}\n' }],
    invalid: [
      {
        title: 'a series of a billion samples',
        yaml: "alerts:\n  DemoBig:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/errors\n    tests:\n      - name: t\n        series: { demo_errors_total: '0+1x1000000000' }\n        expect: [{ at: 1m, firing: false }]\nrunbooks:\n  DemoBig: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n",
        message: 'Unexpected 1000000001 samples in series demo_errors_total of test "t" of DemoBig, expected at most 100000',
      },
    ],
  },
  run({ spec }, report) {
    for (const [name, alert] of Object.entries(spec.alerts ?? {})) {
      (alert.tests ?? []).forEach((test, i) => {
        const base = `/alerts/${p(name)}/tests/${i}`;
        for (const [series, values] of Object.entries(test.series ?? {})) {
          const n = countSamples(values);
          if (n > MAX_TEST_SAMPLES) report({ pointer: `${base}/series/${p(series)}`, message: `Unexpected ${n} samples in series ${series.length > 80 ? series.slice(0, 80) + '…' : series} of test "${test.name}" of ${name}, expected at most ${MAX_TEST_SAMPLES}` });
        }
        const interval = parseDuration(test.interval ?? '1m');
        (test.expect ?? []).forEach((e, j) => {
          const at = parseDuration(e.at);
          if (interval > 0 && at / interval > MAX_TEST_SAMPLES) report({ pointer: `${base}/expect/${j}/at`, message: `Unexpected at ${e.at} in test "${test.name}" of ${name}, ${Math.round(at / interval)} intervals of ${test.interval ?? '1m'}, expected at most ${MAX_TEST_SAMPLES} intervals` });
        });
      });
    }
  },
};
