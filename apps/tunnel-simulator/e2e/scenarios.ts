/**
 * What each simulator scenario must do to the generated rules: the recorded values, and exactly
 * which alerts (and how many instances) go pending then firing. Receivers and runbook links are
 * derived from the model at run time, not listed here. The error storm (SLO page and inhibition) and
 * the scrape-target failures have their own tests in stack.test.ts.
 */
import type { Scenario } from '../src/scenarios.js';
import type { AlertCounts, RecordedValue } from './support/alerts.js';

export interface ScenarioExpectation {
  readonly scenario: Exclude<Scenario, 'healthy' | 'error-storm'>;
  /** Alert name → number of alert instances (e.g. one per tier). */
  readonly alerts: AlertCounts;
  readonly recorded: readonly RecordedValue[];
}

const MiB = 1024 * 1024;

export const EXPECTATIONS: readonly ScenarioExpectation[] = [
  {
    scenario: 'error-spike',
    alerts: { HighErrorRate: 1, RequestSuccessBudgetBurn: 1 },
    recorded: [
      { expr: 'job:tunnel_request_errors:ratio_rate5m', what: 'error ratio ≈ 10 %', inScenario: (v) => v > 0.08 && v < 0.12, whenHealthy: (v) => v < 0.01 },
      { expr: 'slo:request_success_error:ratio_rate20s', what: 'SLO error ratio (20s) ≈ 10 %', inScenario: (v) => v > 0.08 && v < 0.12, whenHealthy: (v) => v < 0.03 },
    ],
  },
  {
    scenario: 'pool-saturation',
    alerts: { ConnectionPoolExhaustion: 1 },
    recorded: [{ expr: 'max(instance:tunnel_connection_pool:ratio)', what: 'pool utilization 95 %', inScenario: (v) => Math.abs(v - 0.95) < 1e-9, whenHealthy: (v) => Math.abs(v - 0.3) < 1e-9 }],
  },
  {
    scenario: 'circuit-breaker-open',
    alerts: { CircuitBreakerOpen: 1 },
    recorded: [{ expr: 'max(tunnel_circuit_breaker_state)', what: 'breaker state 1 (open)', inScenario: (v) => v === 1, whenHealthy: (v) => v === 0 }],
  },
  {
    scenario: 'rate-limit-burst',
    alerts: { RateLimitViolationsSpike: 1 },
    recorded: [{ expr: 'job:tunnel_rate_limit_violations:increase5m', what: 'violations per window > 100', inScenario: (v) => v > 100, whenHealthy: (v) => v < 100 }],
  },
  {
    scenario: 'latency-degradation',
    alerts: { HighLatencyP95: 3 },
    recorded: [
      { expr: 'job:tunnel_request_latency_ms:p95_5m', what: 'P95 ≈ 267 ms', inScenario: (v) => v > 240 && v < 300, whenHealthy: (v) => v < 100 },
      { expr: 'min(tier:tunnel_request_latency_ms:p95_5m)', what: 'every tier P95 > 200 ms', inScenario: (v) => v > 200, whenHealthy: (v) => v < 100 },
    ],
  },
  {
    scenario: 'latency-stalls',
    alerts: { HighLatencyP99: 3, HighAverageLatency: 1 },
    recorded: [
      { expr: 'min(tier:tunnel_request_latency_ms:p99_5m)', what: 'every tier P99 > 500 ms', inScenario: (v) => v > 500, whenHealthy: (v) => v < 100 },
      { expr: 'job:tunnel_request_latency_ms:mean5m', what: 'mean > 100 ms', inScenario: (v) => v > 100 && v < 200, whenHealthy: (v) => v < 60 },
      { expr: 'max(tier:tunnel_request_latency_ms:p95_5m)', what: 'every tier P95 < 200 ms', inScenario: (v) => v < 200, whenHealthy: (v) => v < 100 },
    ],
  },
  {
    scenario: 'memory-pressure',
    alerts: { HighMemoryUsage: 1 },
    recorded: [{ expr: 'max(process_resident_memory_bytes{job="streaming-proxy"})', what: 'resident memory 600 MiB', inScenario: (v) => v === 600 * MiB, whenHealthy: (v) => v === 160 * MiB }],
  },
  {
    scenario: 'cpu-saturation',
    alerts: { HighCpuUsage: 1 },
    // A late timer tick only lowers the simulated rate a little; it stays far above 0.8.
    recorded: [{ expr: 'max(instance:process_cpu_seconds:rate5m)', what: 'CPU ≈ 0.95 cores', inScenario: (v) => v > 0.8 && v < 1, whenHealthy: (v) => v < 0.5 }],
  },
  {
    scenario: 'connection-surge',
    alerts: { HighActiveConnections: 1 },
    recorded: [
      { expr: 'sum(tunnel_active_connections)', what: '1100 active tunnels', inScenario: (v) => v === 1100, whenHealthy: (v) => v === 70 },
      { expr: 'max(instance:tunnel_connection_pool:ratio)', what: 'pool unchanged at 30 %', inScenario: (v) => Math.abs(v - 0.3) < 1e-9, whenHealthy: (v) => Math.abs(v - 0.3) < 1e-9 },
    ],
  },
  {
    scenario: 'queue-drops',
    alerts: { QueueDroppingRequests: 1 },
    recorded: [
      { expr: 'job:tunnel_queue_dropped:increase5m', what: 'drops per window > 10', inScenario: (v) => v > 10, whenHealthy: (v) => v < 1 },
      { expr: 'max(tunnel_queue_fill_percentage)', what: 'queues 100 % full', inScenario: (v) => v === 100, whenHealthy: (v) => v === 5 },
    ],
  },
];
