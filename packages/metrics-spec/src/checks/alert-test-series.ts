import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { renderValues } from '../placeholders.js';
import { readSampleToken, readSeriesSelector } from '../promtool-series.js';

const ALERT = (series: string, values: string) =>
  `alerts:\n  DemoSeries:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/errors\n    tests:\n      - name: t\n        series: { '${series}': '${values}' }\n        expect: [{ at: 1m, firing: false }]\nrunbooks:\n  DemoSeries: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n`;

export const alertTestSeries: Check = {
  id: 'alert-test-series',
  severity: 'error',
  description:
    "Alert test input series are in promtool's notation: a selector `name{label=\"value\"}` and values such as `0+60x30 5x3 _x2 7` (after `${...}` is filled in), so build can evaluate them and promtool can load them.",
  examples: {
    valid: [{ title: 'start+increment, repetition, blanks', yaml: ALERT('demo_errors_total{code="5xx"}', '0+60x10 _x2 5x3 7') }],
    invalid: [
      { title: 'a word as a value', yaml: ALERT('demo_errors_total', '0 banana 1'), message: 'Unexpected value "banana" in test series demo_errors_total of test "t" of DemoSeries, expected' },
      { title: 'an unquoted label value', yaml: ALERT('demo_errors_total{code=5xx}', '0+1x10'), message: 'Unexpected series selector demo_errors_total{code=5xx} in test "t" of DemoSeries, expected' },
    ],
  },
  run(ctx, report) {
    for (const [name, alert] of Object.entries(ctx.spec.alerts ?? {})) {
      const scope = ctx.alertScope(name);
      (alert.tests ?? []).forEach((test, i) => {
        for (const [series, values] of Object.entries(test.series ?? {})) {
          const pointer = `/alerts/${p(name)}/tests/${i}/series/${p(series)}`;
          const shown = series.length > 80 ? `${series.slice(0, 80)}…` : series;
          if (!readSeriesSelector(series)) {
            report({ pointer, atKey: true, message: `Unexpected series selector ${shown} in test "${test.name}" of ${name}, expected metric{label="value", …} with quoted label values` });
          }
          const rendered = renderValues(values, scope);
          if (!rendered.ok) continue; // the placeholders check reports it
          const bad = rendered.text.trim().split(/\s+/).find((t) => t !== '' && !readSampleToken(t));
          if (bad !== undefined) {
            report({ pointer, message: `Unexpected value ${JSON.stringify(bad.length > 40 ? bad.slice(0, 40) + '…' : bad)} in test series ${shown} of test "${test.name}" of ${name}, expected promtool's notation: a number, start+incrementxN, valuexN, _ or _xN` });
          }
        }
      });
    }
  },
};
