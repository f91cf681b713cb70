import { describe, expect, it } from 'vitest';
import { rangeUses, variableRefs } from './scan.js';

describe('rangeUses', () => {
  it('finds the range of each rate/irate/increase, skipping label values and subquery steps', () => {
    expect(rangeUses('sum(rate(a{x="[1m]"}[$__rate_interval])) / sum(increase(b[5m])) + irate(c[10m:1m])')).toEqual([
      { fn: 'rate', range: '$__rate_interval' },
      { fn: 'increase', range: '5m' },
      { fn: 'irate', range: '10m' },
    ]);
  });
  it('ignores other functions and ranges', () => {
    expect(rangeUses('histogram_quantile(0.9, sum by (le) (x_bucket)) + max_over_time(y[1h])')).toEqual([]);
  });
});

describe('variableRefs', () => {
  it('finds $name, ${name}, ${name:format} and [[name]]', () => {
    expect(variableRefs('a{x=~"$tier", y="${user:regex}", z="[[zone]]"}[$__rate_interval]')).toEqual(['__rate_interval', 'tier', 'user', 'zone']);
  });
});
