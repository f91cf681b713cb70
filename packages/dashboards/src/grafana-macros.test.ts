import { describe, expect, it } from 'vitest';
import { demoModel } from './test-support/specs.js';
import { buildDashboard } from './dashboard.js';
import { defaultVariableValues, expandMacros, grafanaInterval, macrosUsed, rateIntervalMs, roundInterval, unsupportedMacros, type MacroContext } from './grafana-macros.js';

const HOUR = 3_600_000;
const ctx = (over: Partial<MacroContext> = {}): MacroContext => ({ fromMs: 0, toMs: 6 * HOUR, intervalMs: 20_000, scrapeIntervalMs: 15_000, instant: false, ...over });

describe('grafana macros', () => {
  it('$__rate_interval is max($__interval + scrape interval, 4 × scrape interval)', () => {
    expect(rateIntervalMs(20_000, 15_000)).toBe(60_000);
    expect(rateIntervalMs(60_000, 15_000)).toBe(75_000);
    expect(rateIntervalMs(20_000, 1_000)).toBe(21_000);
    expect(expandMacros('rate(x[$__rate_interval])', 'prometheus', ctx())).toBe('rate(x[60s])');
    expect(expandMacros('rate(x[${__rate_interval}])', 'prometheus', ctx({ intervalMs: 1500, scrapeIntervalMs: 250 }))).toBe('rate(x[1750ms])');
  });

  it('$__range is the dashboard range in whole seconds; $__range_s and _ms likewise', () => {
    expect(expandMacros('increase(x[$__range]) $__range_s $__range_ms', 'prometheus', ctx())).toBe('increase(x[21600s]) 21600 21600000');
  });

  it('$__interval follows the range and max data points, rounded, never below the min interval', () => {
    expect(roundInterval(21_600)).toBe(20_000);
    expect(grafanaInterval(6 * HOUR, 1000, 15_000)).toBe(20_000);
    expect(grafanaInterval(5 * 60_000, 1000, 15_000)).toBe(15_000);
    expect(grafanaInterval(7 * 24 * HOUR, 1000, 15_000)).toBe(600_000);
    expect(expandMacros('x[$__interval]', 'loki', ctx())).toBe('x[20s]');
  });

  it('Loki: $__auto is the step of a range query and the range of an instant one; $__rate_interval stays as written', () => {
    expect(expandMacros('count_over_time({a="b"}[$__auto])', 'loki', ctx())).toBe('count_over_time({a="b"}[20s])');
    expect(expandMacros('count_over_time({a="b"}[$__auto])', 'loki', ctx({ instant: true }))).toBe('count_over_time({a="b"}[21600s])');
    expect(expandMacros('count_over_time({a="b"}[$__rate_interval])', 'loki', ctx())).toBe('count_over_time({a="b"}[$__rate_interval])');
    expect(unsupportedMacros('count_over_time({a="b"}[$__rate_interval])', 'loki')).toEqual(['__rate_interval']);
    expect(unsupportedMacros('rate(x[$__auto])', 'prometheus')).toEqual(['__auto']);
    expect(unsupportedMacros('rate(x[$__rate_interval]) / $__range_s', 'prometheus')).toEqual([]);
  });

  it('finds every macro syntax', () => {
    expect(macrosUsed('a[$__range] b[${__interval}] c[[__rate_interval]] $tier')).toEqual(['__interval', '__range', '__rate_interval']);
  });

  it('dashboard variables at their defaults: All becomes the all value', () => {
    const model = demoModel();
    const withVars = model.dashboards.find((d) => d.variables.length > 0);
    if (!withVars) throw new Error('the demo fixture has a dashboard with variables');
    const values = defaultVariableValues(buildDashboard(model, withVars));
    for (const v of withVars.variables) expect(values[v.name]).toBe(v.includeAll ? '.*' : v.values?.[0]);
    expect(expandMacros('x{tier=~"$tier"}', 'prometheus', ctx({ variables: values }))).toBe(`x{tier=~"${values['tier'] ?? ''}"}`);
    expect(defaultVariableValues({ templating: { list: [{ name: 'a', type: 'custom', current: { value: '$__all' }, options: [{ value: '$__all' }, { value: 'x' }, { value: 'y' }] }] } })).toEqual({ a: '(x|y)' });
  });
});
