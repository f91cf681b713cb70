import type { Check } from './types.js';
import { analyzePromql, type LabelMatcher } from '../promql/analyze.js';
import { didYouMean } from '../did-you-mean.js';
import { escapePointerSegment as p } from '../source-map.js';

/** Whether a PromQL regex matcher (fully anchored, RE2) can match `value`; undefined when JavaScript cannot read it. */
function regexMatches(pattern: string, value: string): boolean | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return undefined;
  }
}

export const promqlLabelValue: Check = {
  id: 'promql-label-value',
  severity: 'error',
  description:
    'A matcher on a label with declared values uses one of them: code="500" where the metric declares 2xx…5xx is an error (it matches nothing), and a regex that matches none of the declared values is a warning. Recording rules carry the values of the labels they keep; alert test series are checked too.',
  examples: {
    valid: [
      { title: 'a declared value, and a regex matching one', yaml: 'recordingRules:\n  demo:e:rate5m: { expr: "sum(rate(demo_requests_total{code=\\"5xx\\"}[5m])) / sum(rate(demo_requests_total{code=~\\"2..|5..\\"}[5m]))", description: x, unit: ratio }\n' },
      { title: 'a Grafana variable in the value', yaml: 'recordingRules:\n  demo:e:rate5m: { expr: "sum(rate(demo_requests_total{code=~\\"$code\\"}[5m]))", description: x, unit: requests_per_second }\n' },
    ],
    invalid: [
      {
        title: 'an HTTP status where the metric declares status classes',
        yaml: 'recordingRules:\n  demo:e:rate5m: { expr: "sum(rate(demo_requests_total{code=\\"500\\"}[5m]))", description: x, unit: requests_per_second }\n',
        message: 'Unexpected code="500" on demo_requests_total in recording rule demo:e:rate5m, expected one of 2xx, 5xx',
      },
      {
        title: 'a value through a recording rule that keeps the label',
        yaml: 'recordingRules:\n  demo:e:rate5m: { expr: "code:demo_requests:rate5m{code=\\"5XX\\"}", description: x, unit: requests_per_second }\n',
        message: 'Unexpected code="5XX" on code:demo_requests:rate5m in recording rule demo:e:rate5m, expected one of 2xx, 5xx; did you mean "5xx"?',
      },
      {
        title: 'a regex that matches no declared value',
        yaml: 'recordingRules:\n  demo:e:rate5m: { expr: "sum(rate(demo_requests_total{code=~\\"5[0-9]{2}\\"}[5m]))", description: x, unit: requests_per_second }\n',
        message: 'Unexpected code=~"5[0-9]{2}" on demo_requests_total in recording rule demo:e:rate5m, expected a regex matching at least one of 2xx, 5xx',
      },
      {
        title: 'an alert test series with an undeclared value',
        yaml: "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/errors\n    tests:\n      - name: t\n        series:\n          'demo_requests_total{code=\"200\"}': '0+1x10'\n        expect: [{ at: 5m, firing: false }]\nrunbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n",
        message: 'Unexpected code="200" on demo_requests_total in test "t" of alert DemoOther, expected one of 2xx, 5xx',
      },
    ],
  },
  run({ spec, expressions, seriesLabelValues }, report) {
    const checkMatchers = (name: string, matchers: readonly LabelMatcher[], where: string, pointer: string, atKey: boolean) => {
      for (const m of matchers) {
        if (m.value.includes('$')) continue; // a Grafana or template variable
        const values = seriesLabelValues(name, m.label);
        if (!values || values.size === 0) continue;
        const list = [...values].join(', ');
        if (m.op === '=' && m.value !== '' && !values.has(m.value)) {
          report({ pointer, atKey, message: `Unexpected ${m.label}="${m.value}" on ${name} in ${where}, expected one of ${list}${didYouMean(m.value, values)}` });
        }
        if (m.op === '=~' && [...values].every((v) => regexMatches(m.value, v) === false) && regexMatches(m.value, '') !== true) {
          report({ pointer, atKey, severity: 'warning', message: `Unexpected ${m.label}=~"${m.value}" on ${name} in ${where}, expected a regex matching at least one of ${list}` });
        }
      }
    };
    for (const site of expressions) {
      if (site.language !== 'promql') continue;
      const analysis = analyzePromql(site.expr);
      if (analysis.syntaxErrors.length > 0) continue;
      for (const sel of analysis.selectors) checkMatchers(sel.name, sel.matchers, site.owner, site.pointer, false);
    }
    const tests = [
      ...Object.entries(spec.alerts ?? {}).map(([name, a]) => ({ base: `/alerts/${p(name)}`, name, tests: a.tests })),
      ...Object.entries(spec.slos ?? {}).map(([name, s]) => ({ base: `/slos/${p(name)}/alert`, name: s.alert?.name ?? name, tests: s.alert?.tests })),
    ];
    for (const { base, name, tests: list } of tests) {
      (list ?? []).forEach((test, i) => {
        for (const series of Object.keys(test.series ?? {})) {
          const analysis = analyzePromql(series);
          if (analysis.syntaxErrors.length > 0) continue;
          for (const sel of analysis.selectors) checkMatchers(sel.name, sel.matchers, `test "${test.name}" of alert ${name}`, `${base}/tests/${i}/series/${p(series)}`, true);
        }
      });
    }
  },
};
