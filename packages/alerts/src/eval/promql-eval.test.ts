import { describe, expect, it } from 'vitest';
import { PromqlEvaluator, UnsupportedPromql } from './promql-eval.js';
import { readSeries } from './series.js';

function evaluator(series: Array<{ series: string; values: string }>, rules: Record<string, string> = {}) {
  return new PromqlEvaluator({
    series: readSeries(series, '1m'),
    rules: new Map(Object.entries(rules).map(([k, expr]) => [k, { expr, labels: {} }])),
    evaluationInterval: 60,
  });
}

describe('PromQL evaluator (test-series subset)', () => {
  it('computes rate with Prometheus extrapolation and ratios through recording rules', () => {
    const e = evaluator(
      [
        { series: 'req_total{tier="a"}', values: '0+600x30' },
        { series: 'err_total{tier="a"}', values: '0+30x30' },
      ],
      { 'x:err:ratio': 'sum(rate(err_total[5m])) / sum(rate(req_total[5m]))' },
    );
    expect(e.vector('sum by (tier) (rate(req_total[5m]))', 600)).toEqual([{ labels: { tier: 'a' }, value: 10 }]);
    expect(e.vector('x:err:ratio > 0.01', 600)[0]?.value).toBeCloseTo(0.05, 12);
    expect(e.vector('x:err:ratio > 0.06', 600)).toEqual([]);
  });
  it('interpolates histogram_quantile inside the bucket', () => {
    const e = evaluator([
      { series: 'h_bucket{le="100"}', values: '0+500x30' },
      { series: 'h_bucket{le="200"}', values: '0+900x30' },
      { series: 'h_bucket{le="+Inf"}', values: '0+1000x30' },
    ]);
    expect(e.vector('histogram_quantile(0.5, sum by (le) (rate(h_bucket[5m])))', 600)[0]?.value).toBeCloseTo(100, 9);
    expect(e.vector('histogram_quantile(0.7, sum by (le) (rate(h_bucket[5m])))', 600)[0]?.value).toBeCloseTo(150, 9);
  });
  it('handles absent, lookback, and/or and comparisons keeping labels', () => {
    const e = evaluator([{ series: 'up{job="a", instance="i"}', values: '1+0x2 0+0x5' }]);
    expect(e.vector('absent(up{job="b"})', 60)).toEqual([{ labels: { job: 'b' }, value: 1 }]);
    expect(e.vector('up{job="a"} == 0', 240)).toEqual([{ labels: { __name__: 'up', job: 'a', instance: 'i' }, value: 0 }]);
    // The last sample is at 8m; it stays visible for 5 minutes.
    expect(e.vector('up', 13 * 60 - 1)).toHaveLength(1);
    expect(e.vector('up', 13 * 60)).toHaveLength(0);
    expect(e.vector('(max(up) == 0 and max(up) < 1) or vector(5)', 300)).toEqual([{ labels: {}, value: 0 }]);
  });
  it('throws on what it does not support', () => {
    expect(() => evaluator([]).vector('topk(3, up)', 0)).toThrow(UnsupportedPromql);
  });
});

describe('label names that match JavaScript built-ins (issue #13)', () => {
  it('an absent label named constructor or toString matches "" as in Prometheus', () => {
    const e = evaluator([{ series: 'up{job="a"}', values: '1+0x5' }]);
    expect(e.vector('up{constructor=""}', 60)).toHaveLength(1);
    expect(e.vector('up{toString=""}', 60)).toHaveLength(1);
    expect(e.vector('up{constructor!=""}', 60)).toHaveLength(0);
  });
});
