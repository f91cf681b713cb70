import { describe, expect, it } from 'vitest';
import type { ResolvedThreshold } from '@monspec/metrics-spec';
import { convertValue, describeBands, thresholdSteps } from './thresholds.js';

function threshold(t: Partial<ResolvedThreshold>): ResolvedThreshold {
  return {
    name: 't',
    description: '',
    unit: 'count',
    direction: 'higher_is_worse',
    warning: undefined,
    critical: undefined,
    window: undefined,
    states: { ok: 'ok', warning: 'warning', critical: 'critical' },
    ...t,
  };
}

describe('thresholdSteps', () => {
  it('higher_is_worse: green, yellow from warning, red from critical', () => {
    expect(thresholdSteps(threshold({ warning: 500, critical: 1000 }), 'count')).toEqual([
      { value: null, color: 'green' },
      { value: 500, color: 'yellow' },
      { value: 1000, color: 'red' },
    ]);
  });

  it('lower_is_worse: red, yellow from critical, green from warning', () => {
    expect(thresholdSteps(threshold({ unit: 'ratio', direction: 'lower_is_worse', warning: 0.99, critical: 0.95 }), 'ratio')).toEqual([
      { value: null, color: 'red' },
      { value: 0.95, color: 'yellow' },
      { value: 0.99, color: 'green' },
    ]);
  });

  it('single levels give two colours', () => {
    expect(thresholdSteps(threshold({ critical: 200 }), 'count')).toEqual([{ value: null, color: 'green' }, { value: 200, color: 'red' }]);
    expect(thresholdSteps(threshold({ warning: 100 }), 'count')).toEqual([{ value: null, color: 'green' }, { value: 100, color: 'yellow' }]);
    expect(thresholdSteps(threshold({ direction: 'lower_is_worse', critical: 0.9 }), 'count')).toEqual([{ value: null, color: 'red' }, { value: 0.9, color: 'green' }]);
    expect(thresholdSteps(threshold({ direction: 'lower_is_worse', warning: 0.9 }), 'count')).toEqual([{ value: null, color: 'yellow' }, { value: 0.9, color: 'green' }]);
  });

  it('no threshold: one neutral base step (not Grafana\'s default red at 80)', () => {
    expect(thresholdSteps(undefined, 'count')).toEqual([{ value: null, color: 'green' }]);
  });

  it('converts a ratio threshold onto a percent panel and seconds onto milliseconds', () => {
    expect(thresholdSteps(threshold({ unit: 'ratio', warning: 0.75, critical: 0.9 }), 'percent').map((s) => s.value)).toEqual([null, 75, 90]);
    expect(thresholdSteps(threshold({ unit: 'seconds', critical: 0.2 }), 'milliseconds').map((s) => s.value)).toEqual([null, 200]);
    expect(convertValue(0.07, 'ratio', 'percent')).toBe(7);
    expect(convertValue(5, 'percent', 'ratio')).toBe(0.05);
    expect(convertValue(1, 'bytes', 'seconds')).toBeUndefined();
  });
});

describe('describeBands', () => {
  it('puts the bands in words in the threshold unit', () => {
    expect(describeBands(threshold({ warning: 500, critical: 1000 }))).toBe('ok below 500; warning from 500; critical from 1000');
    expect(describeBands(threshold({ unit: 'ratio', direction: 'lower_is_worse', warning: 0.99, critical: 0.95 }))).toBe('ok from 99 %; warning below 99 %; critical below 95 %');
  });
});
