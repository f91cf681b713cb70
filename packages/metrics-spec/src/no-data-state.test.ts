import { describe, expect, it } from 'vitest';
import { compileSpecDir } from './node.js';
import { defaultNoDataState } from './no-data-state.js';

describe('defaultNoDataState', () => {
  it.each([
    ['sum(rate(x_errors_total[5m])) / sum(rate(x_requests_total[5m])) > 0.05', 'OK'],
    ['sum(increase(x_violations_total[5m])) > 100', 'OK'],
    ['tunnel_instance:connection_pool:utilization > 0.9', 'OK'],
    ['absent(up{job="x"}) == 1', 'OK'],
    ['absent_over_time(x_requests_total[10m])', 'OK'],
    ['up{job="x"} == 0', 'Alerting'],
    ['max(up{job="x"}) == 0', 'Alerting'],
  ] as const)('%s → %s', (expr, state) => {
    expect(defaultNoDataState('prometheus', expr)).toBe(state);
  });

  it('LogQL counts → OK', () => {
    expect(defaultNoDataState('loki', 'sum(count_over_time({app="x"} |= "error" [5m])) > 10')).toBe('OK');
  });

  it('the embedded spec: no alert is left at NoData unless it says so, and presence checks alert', () => {
    const { model } = compileSpecDir();
    if (!model) throw new Error('the embedded spec does not compile');
    for (const a of model.alerts) {
      expect(a.noDataState, a.id).not.toBe('NoData');
      if (/\bup\b/.test(a.query) && !/absent/.test(a.query)) expect(a.noDataState, a.id).toBe('Alerting');
    }
  });
});
