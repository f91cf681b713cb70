import { describe, expect, it } from 'vitest';
import { PROFILES } from './scenarios.js';
import { request, TIERS } from './traffic.js';

function sample(profile: (typeof PROFILES)[keyof typeof PROFILES], n = 6000) {
  return Array.from({ length: n }, (_, i) => request(i, profile));
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(q * sorted.length) - 1] ?? NaN;
}

describe('traffic', () => {
  it('is deterministic and spreads requests evenly over the tiers', () => {
    expect(request(123, PROFILES.healthy)).toEqual(request(123, PROFILES.healthy));
    const reqs = sample(PROFILES.healthy);
    for (const tier of TIERS) expect(reqs.filter((r) => r.tier === tier).length).toBe(2000);
  });

  it('fails 0.5 % of requests when healthy, 10 % in an error spike and 50 % in a storm, in every tier', () => {
    expect(sample(PROFILES.healthy).filter((r) => r.error).length / 6000).toBeCloseTo(0.005, 4);
    const spike = sample(PROFILES['error-spike']);
    expect(spike.filter((r) => r.error).length / 6000).toBeCloseTo(0.1, 4);
    for (const tier of TIERS) expect(spike.filter((r) => r.tier === tier && r.error).length).toBe(200);
    const storm = sample(PROFILES['error-storm']);
    for (const tier of TIERS) expect(storm.filter((r) => r.tier === tier && r.error).length).toBe(1000);
    expect(new Set(storm.filter((r) => r.error).map((r) => r.error?.category))).toEqual(new Set(['network', 'auth', 'server']));
  });

  it('keeps latency under 100 ms when healthy; degradation lifts P95 above 200 ms but not P99 above 500 ms or the mean above 100 ms', () => {
    const healthy = sample(PROFILES.healthy).map((r) => r.latencyMs);
    expect(Math.max(...healthy)).toBeLessThan(100);
    const slow = sample(PROFILES['latency-degradation']);
    for (const tier of TIERS) {
      const l = slow.filter((r) => r.tier === tier).map((r) => r.latencyMs);
      expect(quantile(l, 0.95)).toBeGreaterThan(200);
      expect(quantile(l, 0.99)).toBeLessThan(500);
      expect(l.reduce((a, b) => a + b, 0) / l.length).toBeLessThan(100);
    }
  });

  it('stalls lift P99 above 500 ms and the mean above 100 ms but leave P95 under 100 ms, in every tier', () => {
    const stalls = sample(PROFILES['latency-stalls']);
    for (const tier of TIERS) {
      const l = stalls.filter((r) => r.tier === tier).map((r) => r.latencyMs);
      expect(quantile(l, 0.95)).toBeLessThan(100);
      expect(quantile(l, 0.99)).toBeGreaterThan(1000);
      expect(l.reduce((a, b) => a + b, 0) / l.length).toBeGreaterThan(110);
      expect(Math.max(...l)).toBeLessThanOrEqual(2500);
    }
  });
});
