/**
 * The simulator's scenarios as data: what traffic and component state each one produces. Values are
 * chosen against the tunnel spec's thresholds so each failure scenario crosses exactly the alerts
 * listed for it (and healthy crosses none), with the production windows as well as the short e2e
 * windows. Scrape-target alerts (target down, all targets down, metrics absent) have no scenario:
 * they come from stopping the process or removing it from service discovery.
 */
export const SCENARIOS = [
  'healthy',
  'error-spike',
  'error-storm',
  'pool-saturation',
  'circuit-breaker-open',
  'rate-limit-burst',
  'latency-degradation',
  'latency-stalls',
  'memory-pressure',
  'cpu-saturation',
  'connection-surge',
  'queue-drops',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface ActiveConnections {
  readonly free: number;
  readonly premium: number;
  readonly enterprise: number;
}

export interface Profile {
  /** One request in `errorEvery` fails (healthy 0.5 %, error spike 10 %, storm 50 %). */
  readonly errorEvery: number;
  /** Requests out of every 20 that are slow (220–280 ms instead of 20–80 ms). */
  readonly slowPer20: number;
  /** Requests out of every 100 that stall (1500–2400 ms); stalls take precedence over slow requests. */
  readonly stallPer100: number;
  readonly poolInUse: number;
  readonly poolPending: number;
  readonly breakerOpen: boolean;
  /** Rate-limit violations per tick; below 1, one violation every 1/x ticks. */
  readonly violationsPerTick: number;
  /** Requests dropped by a full queue per tick (same convention); they never reach tunnel_requests_total. */
  readonly queueDropsPerTick: number;
  readonly queueSize: number;
  readonly queueFillPercent: number;
  readonly residentMemoryBytes: number;
  /** Simulated CPU use in cores, whatever the machine, so the CPU alert never depends on the test host. */
  readonly cpuCores: number;
  readonly activeConnections: ActiveConnections;
}

export const POOL_CAPACITY = 100;
const MiB = 1024 * 1024;

const HEALTHY: Profile = {
  errorEvery: 200,
  slowPer20: 0,
  stallPer100: 0,
  poolInUse: 30,
  poolPending: 0,
  breakerOpen: false,
  violationsPerTick: 0.01,
  queueDropsPerTick: 0,
  queueSize: 2,
  queueFillPercent: 5,
  residentMemoryBytes: 160 * MiB,
  cpuCores: 0.05,
  activeConnections: { free: 40, premium: 20, enterprise: 10 },
};

export const PROFILES: Readonly<Record<Scenario, Profile>> = {
  healthy: HEALTHY,
  // 10 % of requests fail: above the 5 % HighErrorRate threshold and 3× the 1 % error budget (ticket),
  // below 14.4× (page).
  'error-spike': { ...HEALTHY, errorEvery: 10 },
  // Half the requests fail (an upstream outage): 50× the error budget, above the page burn rate.
  'error-storm': { ...HEALTHY, errorEvery: 2 },
  // 95 of 100 pooled connections in use: above the 90 % exhaustion threshold.
  'pool-saturation': { ...HEALTHY, poolInUse: 95, poolPending: 3 },
  'circuit-breaker-open': { ...HEALTHY, breakerOpen: true },
  // 50 violations per second: far above 100 per window.
  'rate-limit-burst': { ...HEALTHY, violationsPerTick: 5 },
  // 15 % of requests take 220–280 ms: P95 ≈ 267 ms (> 200 ms), P99 ≈ 293 ms (< 500 ms), mean ≈ 80 ms (< 100 ms).
  'latency-degradation': { ...HEALTHY, slowPer20: 3 },
  // 4 % of requests stall 1.5–2.4 s, the rest stay fast: P99 in the 1–2.5 s bucket (> 500 ms) and the
  // mean ≈ 126 ms (> 100 ms), but P95 stays in the 50–100 ms bucket (< 200 ms).
  'latency-stalls': { ...HEALTHY, stallPer100: 4 },
  // A simulated 600 MiB resident set: above the 512 MiB threshold.
  'memory-pressure': { ...HEALTHY, residentMemoryBytes: 600 * MiB },
  // 0.95 of a core: above the 80 % threshold (Node.js runs JavaScript on one core).
  'cpu-saturation': { ...HEALTHY, cpuCores: 0.95 },
  // 1100 tunnels across the tiers: above the 1000 critical level of active_connections. The pool is
  // sized separately (pooled upstream connections), so it stays at 30 %.
  'connection-surge': { ...HEALTHY, activeConnections: { free: 700, premium: 300, enterprise: 100 } },
  // Full queues drop 5 requests per second: 50 per 10 s, far above 10 per window.
  'queue-drops': { ...HEALTHY, queueDropsPerTick: 0.5, queueSize: 200, queueFillPercent: 100 },
};

export function isScenario(name: string): name is Scenario {
  return (SCENARIOS as readonly string[]).includes(name);
}

/** Whole events on tick number `tick` for a per-tick rate: `rate` itself from 1 up, else one every 1/rate ticks. */
export function eventsOnTick(perTick: number, tick: number): number {
  if (perTick >= 1) return Math.round(perTick);
  if (perTick <= 0) return 0;
  return tick % Math.round(1 / perTick) === 0 ? 1 : 0;
}
