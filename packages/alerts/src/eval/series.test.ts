import { describe, expect, it } from 'vitest';
import { expandValues, parseSeriesSelector } from './series.js';

describe('promtool series notation', () => {
  it('reads names and labels', () => {
    expect(parseSeriesSelector('up{job="a", instance="b:1"}')).toEqual({ __name__: 'up', job: 'a', instance: 'b:1' });
  });
  it('expands a+bxN, axN, blanks and plain samples', () => {
    expect(expandValues('0+2x2 _ 7 1x1', 60)).toEqual([
      { t: 0, v: 0 },
      { t: 60, v: 2 },
      { t: 120, v: 4 },
      { t: 240, v: 7 },
      { t: 300, v: 1 },
      { t: 360, v: 1 },
    ]);
    expect(expandValues('10-1x2', 60).map((p) => p.v)).toEqual([10, 9, 8]);
  });
});
