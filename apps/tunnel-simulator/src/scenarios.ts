/**
 * The simulator's scenarios as data: what traffic and component state each one produces. Values are
 * chosen against the tunnel spec's thresholds so each failure scenario crosses exactly one alert's
 * threshold (and the error spike also the SLO ticket burn rate), and healthy crosses none, with the
 * production windows as well as the short e2e windows.
 */
export const SCENARIOS = ['healthy', 'error-spike', 'pool-saturation', 'circuit-breaker-open', 'rate-limit-burst', 'latency-degradation', 'memory-pressure'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Profile {
  /** One request in `errorEvery` fails (healthy 0.5 %, error spike 10 %). */
  readonly errorEvery: number;
  /** Requests out of every 20 that are slow (220–280 ms instead of 20–80 ms). */
  readonly slowPer20: number;
  readonly poolInUse: number;
  readonly poolPending: number;
  readonly breakerOpen: boolean;
  /** Rate-limit violations per tick; below 1, one violation every 1/x ticks. */
  readonly violationsPerTick: number;
  readonly residentMemoryBytes: number;
}

export const POOL_CAPACITY = 100;
const MiB = 1024 * 1024;

const HEALTHY: Profile = {
  errorEvery: 200,
  slowPer20: 0,
  poolInUse: 30,
  poolPending: 0,
  breakerOpen: false,
  violationsPerTick: 0.01,
  residentMemoryBytes: 160 * MiB,
};

export const PROFILES: Readonly<Record<Scenario, Profile>> = {
  healthy: HEALTHY,
  // 10 % of requests fail: above the 5 % HighErrorRate threshold and 3× the 1 % error budget.
  'error-spike': { ...HEALTHY, errorEvery: 10 },
  // 95 of 100 pooled connections in use: above the 90 % exhaustion threshold.
  'pool-saturation': { ...HEALTHY, poolInUse: 95, poolPending: 3 },
  'circuit-breaker-open': { ...HEALTHY, breakerOpen: true },
  // 50 violations per second: far above 100 per window.
  'rate-limit-burst': { ...HEALTHY, violationsPerTick: 5 },
  // 15 % of requests take 220–280 ms: P95 ≈ 267 ms (> 200 ms), P99 ≈ 293 ms (< 500 ms), mean ≈ 80 ms (< 100 ms).
  'latency-degradation': { ...HEALTHY, slowPer20: 3 },
  // A simulated 600 MiB resident set: above the 512 MiB threshold.
  'memory-pressure': { ...HEALTHY, residentMemoryBytes: 600 * MiB },
};

export function isScenario(name: string): name is Scenario {
  return (SCENARIOS as readonly string[]).includes(name);
}
