/**
 * Typed prom-client instrumentation for streaming-proxy: the spec's metrics (names, help, types,
 * label names and values, histogram buckets), so the service cannot drift from what dashboards and
 * alerts query.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** A counter without labels. */
export interface PlainCounter {
  inc(value?: number): void;
}

/** A counter whose every increment names all of its labels. */
export interface LabelledCounter<L> {
  inc(labels: L, value?: number): void;
}

/** A gauge without labels. */
export interface PlainGauge {
  set(value: number): void;
  inc(value?: number): void;
  dec(value?: number): void;
}

/** A gauge whose every update names all of its labels. */
export interface LabelledGauge<L> {
  set(labels: L, value: number): void;
  inc(labels: L, value?: number): void;
  dec(labels: L, value?: number): void;
}

/** A histogram or summary without labels. */
export interface PlainObserver {
  observe(value: number): void;
}

/** A histogram or summary whose every observation names all of its labels. */
export interface LabelledObserver<L> {
  observe(labels: L, value: number): void;
}

/** The job Prometheus scrapes streaming-proxy as, and the path it scrapes. */
export const SERVICE = { name: "streaming-proxy", job: "streaming-proxy", metricsPath: "/api/tunnel/metrics" } as const;

/** Every metric name declared here, service metrics then process metrics. */
export const METRIC_NAMES = ["tunnel_active_connections", "tunnel_circuit_breaker_failures_total", "tunnel_circuit_breaker_state", "tunnel_circuit_breaker_successes_total", "tunnel_connection_duration_seconds", "tunnel_connection_pool_capacity", "tunnel_connection_pool_in_use", "tunnel_connection_pool_pending", "tunnel_connections_total", "tunnel_error_rate", "tunnel_errors_total", "tunnel_queue_dropped_total", "tunnel_queue_fill_percentage", "tunnel_queue_size", "tunnel_rate_limit_violations_total", "tunnel_request_latency_ms", "tunnel_request_rate", "tunnel_requests_total", "tunnel_throughput_bytes_total", "tunnel_user_errors_total", "tunnel_user_request_latency_ms", "tunnel_user_requests_total", "process_cpu_seconds_total", "process_open_fds", "process_resident_memory_bytes"] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** The declared values of enumerated labels, per metric. */
export const LABEL_VALUES = {
  tunnel_active_connections: { tier: ["free", "premium", "enterprise"] },
  tunnel_connection_duration_seconds: { tier: ["free", "premium", "enterprise"] },
  tunnel_connections_total: { tier: ["free", "premium", "enterprise"] },
  tunnel_errors_total: { category: ["network", "auth", "server"], code: ["websocket_upgrade_failed", "ssh_handshake_failed", "connection_reset", "connection_timeout", "heartbeat_timeout", "token_invalid", "token_expired", "forbidden", "upstream_error", "queue_full", "circuit_open", "internal", "other"], tier: ["free", "premium", "enterprise"] },
  tunnel_rate_limit_violations_total: { tier: ["free", "premium", "enterprise"] },
  tunnel_request_latency_ms: { tier: ["free", "premium", "enterprise"] },
  tunnel_requests_total: { tier: ["free", "premium", "enterprise"] },
  tunnel_throughput_bytes_total: { direction: ["inbound", "outbound"], tier: ["free", "premium", "enterprise"] },
  tunnel_user_errors_total: { category: ["network", "auth", "server"] },
} as const;

/** Every combination of the given label values, e.g. { tier: ['a', 'b'] } → [{ tier: 'a' }, { tier: 'b' }]. */
function labelCombinations<K extends string, V extends string>(values: { readonly [P in K]: readonly V[] }): Array<Record<K, V>> {
  let out: Array<Record<K, V>> = [{} as Record<K, V>];
  for (const key of Object.keys(values) as K[]) out = out.flatMap((partial) => values[key].map((v) => ({ ...partial, [key]: v })));
  return out;
}

/** Labels of tunnel_active_connections. */
export interface TunnelActiveConnectionsLabels {
  /** Subscription tier of the connected user. */
  readonly tier: "free" | "premium" | "enterprise";
}

/** Labels of tunnel_connection_duration_seconds. */
export interface TunnelConnectionDurationSecondsLabels {
  /** Subscription tier of the user whose tunnel closed. */
  readonly tier: "free" | "premium" | "enterprise";
}

/** Labels of tunnel_connections_total. */
export interface TunnelConnectionsTotalLabels {
  /** Subscription tier of the connecting user. */
  readonly tier: "free" | "premium" | "enterprise";
}

/** Labels of tunnel_errors_total. */
export interface TunnelErrorsTotalLabels {
  /** Error category. */
  readonly category: "network" | "auth" | "server";
  /** Why the request failed, bounded for the top-errors table; anything not in the list is reported as "other". The connection codes (websocket_upgrade_failed, ssh_handshake_failed, connection_reset, connection_timeout, heartbeat_timeout) mean the request failed because its tunnel connection did. */
  readonly code: "websocket_upgrade_failed" | "ssh_handshake_failed" | "connection_reset" | "connection_timeout" | "heartbeat_timeout" | "token_invalid" | "token_expired" | "forbidden" | "upstream_error" | "queue_full" | "circuit_open" | "internal" | "other";
  /** Subscription tier of the affected user. */
  readonly tier: "free" | "premium" | "enterprise";
}

/** Labels of tunnel_rate_limit_violations_total. */
export interface TunnelRateLimitViolationsTotalLabels {
  /** Subscription tier whose limit was exceeded. */
  readonly tier: "free" | "premium" | "enterprise";
}

/** Labels of tunnel_request_latency_ms. */
export interface TunnelRequestLatencyMsLabels {
  /** Subscription tier of the requesting user. */
  readonly tier: "free" | "premium" | "enterprise";
}

/** Labels of tunnel_requests_total. */
export interface TunnelRequestsTotalLabels {
  /** Subscription tier of the requesting user. */
  readonly tier: "free" | "premium" | "enterprise";
}

/** Labels of tunnel_throughput_bytes_total. */
export interface TunnelThroughputBytesTotalLabels {
  /** Transfer direction relative to the desktop client. */
  readonly direction: "inbound" | "outbound";
  /** Subscription tier of the user. */
  readonly tier: "free" | "premium" | "enterprise";
}

/** Labels of tunnel_user_errors_total. */
export interface TunnelUserErrorsTotalLabels {
  /** Error category. */
  readonly category: "network" | "auth" | "server";
  /** Opaque user id of one of the 50 busiest users, or "other". At most 50 distinct values. */
  readonly user: string;
}

/** Labels of tunnel_user_request_latency_ms. */
export interface TunnelUserRequestLatencyMsLabels {
  /** Opaque user id of one of the 50 busiest users, or "other". At most 50 distinct values. */
  readonly user: string;
}

/** Labels of tunnel_user_requests_total. */
export interface TunnelUserRequestsTotalLabels {
  /** Opaque user id of one of the 50 busiest users over the last reporting period; all other users are folded into "other" so the label stays bounded. At most 50 distinct values. */
  readonly user: string;
}

/** The metrics streaming-proxy exposes itself. */
export interface ServiceMetrics {
  /**
   * tunnel_active_connections (gauge, count): Current number of active WebSocket tunnel connections.
   */
  readonly tunnelActiveConnections: LabelledGauge<TunnelActiveConnectionsLabels>;
  /**
   * tunnel_circuit_breaker_failures_total (counter, count): Total failures recorded by the circuit breaker.
   */
  readonly tunnelCircuitBreakerFailuresTotal: PlainCounter;
  /**
   * tunnel_circuit_breaker_state (gauge, state): Circuit breaker state (0 = closed, 0.5 = half-open, 1 = open).
   */
  readonly tunnelCircuitBreakerState: PlainGauge;
  /**
   * tunnel_circuit_breaker_successes_total (counter, count): Total successes recorded by the circuit breaker.
   */
  readonly tunnelCircuitBreakerSuccessesTotal: PlainCounter;
  /**
   * tunnel_connection_duration_seconds (histogram, seconds): Duration of closed tunnel connections in seconds.
   */
  readonly tunnelConnectionDurationSeconds: LabelledObserver<TunnelConnectionDurationSecondsLabels>;
  /**
   * tunnel_connection_pool_capacity (gauge, count): Maximum number of connections the tunnel connection pool may hold.
   */
  readonly tunnelConnectionPoolCapacity: PlainGauge;
  /**
   * tunnel_connection_pool_in_use (gauge, count): Connections of the tunnel connection pool currently in use.
   */
  readonly tunnelConnectionPoolInUse: PlainGauge;
  /**
   * tunnel_connection_pool_pending (gauge, count): Connection requests waiting for a free pool slot.
   */
  readonly tunnelConnectionPoolPending: PlainGauge;
  /**
   * tunnel_connections_total (counter, count): Total number of tunnel connections established.
   */
  readonly tunnelConnectionsTotal: LabelledCounter<TunnelConnectionsTotalLabels>;
  /**
   * tunnel_error_rate (gauge, ratio): Share of failed requests, computed by the service over its own sliding window.
   * @deprecated Rates should be computed from counters in Prometheus (tunnel_errors_total over tunnel_requests_total); a service-side gauge cannot be aggregated across replicas. Use job:tunnel_request_errors:ratio_rate5m.
   */
  readonly tunnelErrorRate: PlainGauge;
  /**
   * tunnel_errors_total (counter, count): Total number of failed tunnel requests by error category.
   */
  readonly tunnelErrorsTotal: LabelledCounter<TunnelErrorsTotalLabels>;
  /**
   * tunnel_queue_dropped_total (counter, count): Total requests dropped because the request queue was full.
   */
  readonly tunnelQueueDroppedTotal: PlainCounter;
  /**
   * tunnel_queue_fill_percentage (gauge, percent): Request queue fill level in percent of its capacity.
   */
  readonly tunnelQueueFillPercentage: PlainGauge;
  /**
   * tunnel_queue_size (gauge, count): Current number of requests waiting in the request queue.
   */
  readonly tunnelQueueSize: PlainGauge;
  /**
   * tunnel_rate_limit_violations_total (counter, count): Total requests rejected by the rate limiter.
   */
  readonly tunnelRateLimitViolationsTotal: LabelledCounter<TunnelRateLimitViolationsTotalLabels>;
  /**
   * tunnel_request_latency_ms (histogram, milliseconds): Request latency through the tunnel in milliseconds (cloud edge to local LLM response).
   */
  readonly tunnelRequestLatencyMs: LabelledObserver<TunnelRequestLatencyMsLabels>;
  /**
   * tunnel_request_rate (gauge, requests_per_second): Requests per second, computed by the service over its own sliding window.
   * @deprecated Rates should be computed from counters in Prometheus (rate over tunnel_requests_total); a service-side gauge loses data between scrapes and resets on restart. Use job:tunnel_requests:rate5m.
   */
  readonly tunnelRequestRate: PlainGauge;
  /**
   * tunnel_requests_total (counter, count): Total number of requests forwarded through tunnels.
   */
  readonly tunnelRequestsTotal: LabelledCounter<TunnelRequestsTotalLabels>;
  /**
   * tunnel_throughput_bytes_total (counter, bytes): Total bytes transferred through tunnels.
   */
  readonly tunnelThroughputBytesTotal: LabelledCounter<TunnelThroughputBytesTotalLabels>;
  /**
   * tunnel_user_errors_total (counter, count): Failed requests per user and error category (top 50 users, the rest as user="other").
   */
  readonly tunnelUserErrorsTotal: LabelledCounter<TunnelUserErrorsTotalLabels>;
  /**
   * tunnel_user_request_latency_ms (histogram, milliseconds): Request latency per user in milliseconds (top 50 users, the rest as user="other").
   */
  readonly tunnelUserRequestLatencyMs: LabelledObserver<TunnelUserRequestLatencyMsLabels>;
  /**
   * tunnel_user_requests_total (counter, count): Requests forwarded per user (top 50 users by traffic, the rest as user="other").
   */
  readonly tunnelUserRequestsTotal: LabelledCounter<TunnelUserRequestsTotalLabels>;
}

/** Declares the service metrics on `registry`, counters and histograms with every combination of their declared label values at zero; call once per registry. */
export function createServiceMetrics(registry: Registry): ServiceMetrics {
  const registers = [registry];
  const metrics = {
    tunnelActiveConnections: new Gauge({ name: "tunnel_active_connections", help: "Current number of active WebSocket tunnel connections.", labelNames: ["tier"] as const, registers }),
    tunnelCircuitBreakerFailuresTotal: new Counter({ name: "tunnel_circuit_breaker_failures_total", help: "Total failures recorded by the circuit breaker.", registers }),
    tunnelCircuitBreakerState: new Gauge({ name: "tunnel_circuit_breaker_state", help: "Circuit breaker state (0 = closed, 0.5 = half-open, 1 = open).", registers }),
    tunnelCircuitBreakerSuccessesTotal: new Counter({ name: "tunnel_circuit_breaker_successes_total", help: "Total successes recorded by the circuit breaker.", registers }),
    tunnelConnectionDurationSeconds: new Histogram({ name: "tunnel_connection_duration_seconds", help: "Duration of closed tunnel connections in seconds.", labelNames: ["tier"] as const, buckets: [1, 10, 60, 300, 900, 1800, 3600, 14400, 43200], registers }),
    tunnelConnectionPoolCapacity: new Gauge({ name: "tunnel_connection_pool_capacity", help: "Maximum number of connections the tunnel connection pool may hold.", registers }),
    tunnelConnectionPoolInUse: new Gauge({ name: "tunnel_connection_pool_in_use", help: "Connections of the tunnel connection pool currently in use.", registers }),
    tunnelConnectionPoolPending: new Gauge({ name: "tunnel_connection_pool_pending", help: "Connection requests waiting for a free pool slot.", registers }),
    tunnelConnectionsTotal: new Counter({ name: "tunnel_connections_total", help: "Total number of tunnel connections established.", labelNames: ["tier"] as const, registers }),
    tunnelErrorRate: new Gauge({ name: "tunnel_error_rate", help: "Share of failed requests, computed by the service over its own sliding window.", registers }),
    tunnelErrorsTotal: new Counter({ name: "tunnel_errors_total", help: "Total number of failed tunnel requests by error category.", labelNames: ["category", "code", "tier"] as const, registers }),
    tunnelQueueDroppedTotal: new Counter({ name: "tunnel_queue_dropped_total", help: "Total requests dropped because the request queue was full.", registers }),
    tunnelQueueFillPercentage: new Gauge({ name: "tunnel_queue_fill_percentage", help: "Request queue fill level in percent of its capacity.", registers }),
    tunnelQueueSize: new Gauge({ name: "tunnel_queue_size", help: "Current number of requests waiting in the request queue.", registers }),
    tunnelRateLimitViolationsTotal: new Counter({ name: "tunnel_rate_limit_violations_total", help: "Total requests rejected by the rate limiter.", labelNames: ["tier"] as const, registers }),
    tunnelRequestLatencyMs: new Histogram({ name: "tunnel_request_latency_ms", help: "Request latency through the tunnel in milliseconds (cloud edge to local LLM response).", labelNames: ["tier"] as const, buckets: [5, 10, 25, 50, 100, 150, 200, 250, 300, 500, 750, 1000, 2500, 5000], registers }),
    tunnelRequestRate: new Gauge({ name: "tunnel_request_rate", help: "Requests per second, computed by the service over its own sliding window.", registers }),
    tunnelRequestsTotal: new Counter({ name: "tunnel_requests_total", help: "Total number of requests forwarded through tunnels.", labelNames: ["tier"] as const, registers }),
    tunnelThroughputBytesTotal: new Counter({ name: "tunnel_throughput_bytes_total", help: "Total bytes transferred through tunnels.", labelNames: ["direction", "tier"] as const, registers }),
    tunnelUserErrorsTotal: new Counter({ name: "tunnel_user_errors_total", help: "Failed requests per user and error category (top 50 users, the rest as user=\"other\").", labelNames: ["category", "user"] as const, registers }),
    tunnelUserRequestLatencyMs: new Histogram({ name: "tunnel_user_request_latency_ms", help: "Request latency per user in milliseconds (top 50 users, the rest as user=\"other\").", labelNames: ["user"] as const, buckets: [100, 200, 500, 1000, 5000], registers }),
    tunnelUserRequestsTotal: new Counter({ name: "tunnel_user_requests_total", help: "Requests forwarded per user (top 50 users by traffic, the rest as user=\"other\").", labelNames: ["user"] as const, registers }),
  };
  for (const labels of labelCombinations(LABEL_VALUES["tunnel_connection_duration_seconds"])) metrics.tunnelConnectionDurationSeconds.zero(labels);
  for (const labels of labelCombinations(LABEL_VALUES["tunnel_connections_total"])) metrics.tunnelConnectionsTotal.inc(labels, 0);
  for (const labels of labelCombinations(LABEL_VALUES["tunnel_errors_total"])) metrics.tunnelErrorsTotal.inc(labels, 0);
  for (const labels of labelCombinations(LABEL_VALUES["tunnel_rate_limit_violations_total"])) metrics.tunnelRateLimitViolationsTotal.inc(labels, 0);
  for (const labels of labelCombinations(LABEL_VALUES["tunnel_request_latency_ms"])) metrics.tunnelRequestLatencyMs.zero(labels);
  for (const labels of labelCombinations(LABEL_VALUES["tunnel_requests_total"])) metrics.tunnelRequestsTotal.inc(labels, 0);
  for (const labels of labelCombinations(LABEL_VALUES["tunnel_throughput_bytes_total"])) metrics.tunnelThroughputBytesTotal.inc(labels, 0);
  return metrics;
}

/** The process metrics the spec declares. Only for a service that sets them itself: prom-client's collectDefaultMetrics exposes the same names. */
export interface ProcessMetrics {
  /**
   * process_cpu_seconds_total (counter, seconds): Total user and system CPU time spent in seconds.
   */
  readonly processCpuSecondsTotal: PlainCounter;
  /**
   * process_open_fds (gauge, count): Number of open file descriptors.
   */
  readonly processOpenFds: PlainGauge;
  /**
   * process_resident_memory_bytes (gauge, bytes): Resident memory size in bytes.
   */
  readonly processResidentMemoryBytes: PlainGauge;
}

/** Declares the process metrics on `registry`; call once per registry. */
export function createProcessMetrics(registry: Registry): ProcessMetrics {
  const registers = [registry];
  return {
    processCpuSecondsTotal: new Counter({ name: "process_cpu_seconds_total", help: "Total user and system CPU time spent in seconds.", registers }),
    processOpenFds: new Gauge({ name: "process_open_fds", help: "Number of open file descriptors.", registers }),
    processResidentMemoryBytes: new Gauge({ name: "process_resident_memory_bytes", help: "Resident memory size in bytes.", registers }),
  };
}
