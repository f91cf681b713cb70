import { describe, expect, it } from 'vitest';
import { rankedRatios } from './analyze.js';

describe('rankedRatios', () => {
  it('finds topk/bottomk over a division at the ranked expression’s top level, Grafana variables included', () => {
    expect(rankedRatios('topk(5, sum by (tier) (rate(e{tier=~"$tier"}[$__range])) / sum by (tier) (rate(r[$__range])))')).toEqual(['topk']);
    expect(rankedRatios('bottomk by (x) (3, a / b > 0.1)')).toEqual(['bottomk']);
    expect(rankedRatios('topk(5, (a / b))')).toEqual(['topk']);
  });
  it('leaves alone a ranked count, a division inside a call, the limit and a string', () => {
    expect(rankedRatios('topk(10, sum by (user) (rate(e[5m])))')).toEqual([]);
    expect(rankedRatios('topk(5, sum(a / b))')).toEqual([]);
    expect(rankedRatios('topk(10 / 2, a)')).toEqual([]);
    expect(rankedRatios('topk(5, a{path="/x/y"})')).toEqual([]);
    expect(rankedRatios('a / b and on (user) topk(5, a)')).toEqual([]);
  });
});
