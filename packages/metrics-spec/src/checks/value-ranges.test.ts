/** Values that passed `validate` and crashed `build` or promtool (issue #13): each is now a located finding. */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { compileSpec } from '../pipeline.js';

function lines(extra: string, replace?: [string, string]) {
  const baseText = (EXAMPLE_BASE_SPEC['base.yaml'] as string).replace(...(replace ?? ['', '']));
  const result = compileSpec([{ path: 'base.yaml', text: baseText }, ...(extra ? [{ path: 'x.yaml', text: extra }] : [])]);
  expect(result.model).toBeUndefined();
  return result.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.ruleId} ${d.message}`);
}

const slo = (objective: string, window = '30d') =>
  `slos:\n  avail:\n    description: x\n    objective: ${objective}\n    window: ${window}\n    sli: { errors: 'sum(rate(demo_errors_total[$window]))', total: 'sum(rate(demo_requests_total[$window]))' }\n    alert: { name: DemoAvailBurn, summary: x, dashboard: demo/errors }\nrunbooks:\n  DemoAvailBurn: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n`;

describe('out-of-range values are findings', () => {
  it.each(['100%', '0%', '-1%', '1', '0', '99'])('SLO objective %s', (objective) => {
    expect(lines(slo(objective))).toEqual([expect.stringMatching(/^x\.yaml:4:16 slo-objective Unexpected objective \S+ for SLO "avail"/)]);
  });

  it.each([
    ['a zero SLO window', slo('99%', '0s'), 'x.yaml:5:13 duration-syntax Unexpected duration "0s" at slos.avail.window, expected one longer than zero'],
    ['an absurd SLO window', slo('99%', '9999999999999999999999y'), 'x.yaml:5:13 duration-syntax Unexpected duration "9999999999999999999999y" at slos.avail.window, expected a duration below 292 years'],
  ])('%s', (_t, extra, line) => {
    expect(lines(extra)).toEqual([line]);
  });

  it('a zero scrape interval', () => {
    expect(lines('', ['  seriesBudget: 1000\n', '  seriesBudget: 1000\n  scrape: { interval: 0s }\n'])).toEqual([
      'base.yaml:7:23 duration-syntax Unexpected duration "0s" at service.scrape.interval, expected one longer than zero',
    ]);
  });

  it('absurd replicas and budgets are schema errors with the bound named', () => {
    expect(lines('', ['  seriesBudget: 1000\n', '  seriesBudget: 1e300\n'])).toEqual(['base.yaml:6:17 schema Unexpected number 1e+300 at service.seriesBudget, expected a number <= 1000000000']);
  });

  it('an alert name too long for a file name is refused, quoted shortened', () => {
    const name = 'Demo' + 'X'.repeat(300);
    const out = lines(`alerts:\n  ${name}:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/errors\n`);
    expect(out).toEqual([expect.stringMatching(/^x\.yaml:2:3 schema Unexpected name "DemoX+… \(304 characters\)" in alerts, expected a CamelCase alert name such as HighErrorRate \(at most 200 characters\)$/)]);
  });

  it('a metric name too long for a file name is refused', () => {
    const out = lines(`metrics:\n  demo_${'x'.repeat(250)}_total: { type: counter, unit: count, help: h, meaning: m, group: g }\n`);
    expect(out.some((l) => l.startsWith('x.yaml:2:3 schema Unexpected name "demo_xxx') && l.includes('(at most 200 characters)'))).toBe(true);
  });
});
