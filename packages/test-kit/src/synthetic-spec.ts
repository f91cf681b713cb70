/**
 * A synthetic monspec spec with N service dashboards of six panels each, plus what a real spec has
 * around them: three metrics, three recording rules, two alerts with promtool scenarios and their
 * runbooks per dashboard. Deterministic: the same N gives the same files. Used by the benchmark
 * (`bench/run.mjs`) and by the tests that hold the generators' output to a large spec.
 */
import { rmSync } from 'node:fs';
import { writeFiles } from './files.js';
import type { SpecFile } from './model.js';

/** The synthetic spec of `n` dashboards. */
export function syntheticSpec(n: number): SpecFile[] {
  return Object.entries(syntheticFiles(n)).map(([path, text]) => ({ path, text }));
}

function syntheticFiles(n: number): Record<string, string> {
  const ids = Array.from({ length: n }, (_, i) => String(i + 1).padStart(4, '0'));
  return {
    'service.yaml': `service:
  name: bench
  title: Benchmark fleet
  description: ${n} synthetic services.
  team: bench
  seriesBudget: ${n * 100}
  grafana:
    url: https://grafana.example.com
  runbookBaseUrl: https://docs.example.com/runbooks
  alerting:
    commonLabels: { team: bench }
thresholds:
  error_rate: { description: Share of failed requests., unit: ratio, warning: 1%, critical: 5% }
  latency_p95: { description: P95 latency., unit: seconds, warning: 250ms, critical: 500ms }
notifications:
  contactPoints:
    mail: { type: email, description: Team mailbox., addresses: [bench@example.com] }
  smtp: { smarthost: "smtp.example.com:587", from: alerts@example.com }
  defaultContactPoint: mail
  routes:
    critical: { contactPoints: [mail] }
    warning: { contactPoints: [mail] }
environments:
  production: { description: Production., default: true }
`,
    'metrics.yaml': 'metrics:\n' + ids.map((id) => `  s${id}_requests_total:
    type: counter
    unit: count
    help: Requests of service ${id}.
    meaning: Requests served by service ${id}, by status class.
    group: request
    labels:
      code: { description: Status class., values: [2xx, 5xx] }
  s${id}_errors_total:
    type: counter
    unit: count
    help: Errors of service ${id}.
    meaning: Requests of service ${id} that failed.
    group: error
  s${id}_latency_seconds:
    type: histogram
    unit: seconds
    help: Latency of service ${id}.
    meaning: Time service ${id} takes to answer.
    group: latency
    buckets: [0.05, 0.1, 0.25, 0.5, 1]
`).join(''),
    // Levels name the labels each rule keeps (Prometheus' level:metric:operations), as the
    // recording-rule-level check asks: a spec a team would write validates clean.
    'recording-rules.yaml': 'recordingRules:\n' + ids.map((id) => `  code:s${id}_requests:rate5m:
    expr: sum by (code) (rate(s${id}_requests_total[5m]))
    description: Request rate of service ${id}.
    unit: requests_per_second
  job:s${id}_errors:ratio_rate5m:
    expr: sum by (job) (rate(s${id}_errors_total[5m])) / sum by (job) (rate(s${id}_requests_total[5m]))
    description: Error ratio of service ${id}.
    unit: ratio
  job:s${id}_latency_seconds:p95_5m:
    expr: histogram_quantile(0.95, sum by (job, le) (rate(s${id}_latency_seconds_bucket[5m])))
    description: P95 latency of service ${id}.
    unit: seconds
`).join(''),
    'alerts.yaml': 'alerts:\n' + ids.map((id) => `  S${id}HighErrorRate:
    severity: critical
    expr: job:s${id}_errors:ratio_rate5m
    condition: { op: '>', threshold: error_rate.critical }
    for: 5m
    summary: Service ${id} fails more than \${threshold} of requests.
    description: 'Error ratio is {{ $value | humanizePercentage }}.'
    dashboard: s${id}/error_ratio
    tests:
      - name: above the threshold fires after 5m
        series:
          'S_REQ{code="2xx",job="bench",instance="a"}': '0+1000x20'
          'S_ERR{job="bench",instance="a"}': '0+\${1000 * threshold * 1.2}x20'
        expect: [{ at: 3m, firing: false }, { at: 15m, firing: true }]
      - name: below the threshold stays quiet
        series:
          'S_REQ{code="2xx",job="bench",instance="a"}': '0+1000x20'
          'S_ERR{job="bench",instance="a"}': '0+\${1000 * threshold * 0.8}x20'
        expect: [{ at: 15m, firing: false }]
  S${id}HighLatency:
    severity: warning
    expr: job:s${id}_latency_seconds:p95_5m
    condition: { op: '>', threshold: latency_p95.critical }
    for: 10m
    summary: Service ${id} P95 latency above \${threshold}.
    description: 'P95 is {{ $value }}s.'
    dashboard: s${id}/latency
    tests:
      - name: all requests slower than the threshold fire after 10m
        series:
          'S_LAT_bucket{le="0.05",job="bench",instance="a"}': '0x30'
          'S_LAT_bucket{le="0.1",job="bench",instance="a"}': '0x30'
          'S_LAT_bucket{le="0.25",job="bench",instance="a"}': '0x30'
          'S_LAT_bucket{le="0.5",job="bench",instance="a"}': '0x30'
          'S_LAT_bucket{le="1",job="bench",instance="a"}': '0+100x30'
          'S_LAT_bucket{le="+Inf",job="bench",instance="a"}': '0+100x30'
        expect: [{ at: 5m, firing: false }, { at: 20m, firing: true }]
`.replaceAll('S_LAT', `s${id}_latency_seconds`).replaceAll('S_REQ', `s${id}_requests_total`).replaceAll('S_ERR', `s${id}_errors_total`)).join(''),
    'runbooks.yaml': 'runbooks:\n' + ids.flatMap((id) => [`S${id}HighErrorRate`, `S${id}HighLatency`].map((name) => `  ${name}:
    meaning: Service ${id} is outside its \${threshold} bound.
    impact: Users of service ${id} see errors or slowness.
    diagnosis:
      - title: Error ratio
        promql: job:s${id}_errors:ratio_rate5m
        panel: s${id}/error_ratio
    mitigation: [Roll back the last deploy of service ${id}.]
    escalation: [Page the owners of service ${id}.]
`)).join(''),
    'dashboards.yaml': 'dashboards:\n' + ids.map((id) => `  s${id}:
    title: Service ${id}
    description: Traffic, errors and latency of service ${id}.
    tags: [bench]
    panels:
      requests: { title: Requests, type: timeseries, queries: [{ expr: 'sum by (code) (rate(s${id}_requests_total[$__rate_interval]))', legend: '{{code}}' }] }
      error_ratio: { title: Error ratio, type: timeseries, threshold: error_rate, queries: [{ expr: 'job:s${id}_errors:ratio_rate5m' }] }
      latency: { title: P95 latency, type: timeseries, threshold: latency_p95, queries: [{ expr: 'job:s${id}_latency_seconds:p95_5m' }] }
      error_gauge: { title: Error ratio now, type: gauge, threshold: error_rate, queries: [{ expr: 'job:s${id}_errors:ratio_rate5m' }] }
      by_code: { title: Requests by code, type: table, queries: [{ expr: 'code:s${id}_requests:rate5m', format: table }] }
      errors: { title: Errors, type: stat, queries: [{ expr: 'sum(increase(s${id}_errors_total[$__range]))' }] }
`).join(''),
  };
}

/** Writes the synthetic spec of `n` dashboards into `dir` (emptied first; test and bench folders only) and returns `dir`. */
export function writeSyntheticSpec(dir: string, n: number): string {
  rmSync(dir, { recursive: true, force: true });
  return writeFiles(syntheticSpec(n).map((f) => ({ path: f.path, content: f.text })), dir);
}
