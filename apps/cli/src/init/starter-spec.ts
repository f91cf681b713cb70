/** Where editors find the JSON Schema unless `monspec init --schema` names another URL or path. */
export const DEFAULT_SCHEMA_URL = 'https://monspec.dev/schema/monspec.schema.json';

/**
 * The starter spec `monspec init` writes: small, valid in every environment it declares (its alert
 * tests pass there too), and a model of how a spec is laid out.
 */
export function starterSpec(service: string, schema: string = DEFAULT_SCHEMA_URL): Record<string, string> {
  const header = `# yaml-language-server: $schema=${schema}\n`;
  return {
    'service.yaml': `${header}service:
  name: ${service}
  title: ${service}
  description: What ${service} does, in one sentence.
  team: my-team
  job: ${service}
  metricsPath: /metrics
  seriesBudget: 500
  # Alert notifications link here (runbook_url): where the runbooks monspec generates
  # (generated/production/docs/runbooks/) are published.
  runbookBaseUrl: https://github.com/my-org/${service}/blob/main/generated/production/docs/runbooks
  grafana:
    url: https://grafana.example.com
    folder: ${service}
  alerting:
    engine: prometheus
    commonLabels:
      service: ${service}
`,
    'metrics.yaml': `${header}metrics:
  http_requests_total:
    type: counter
    unit: count
    help: HTTP requests served.
    meaning: Every request the service answered, by status class.
    group: request
    labels:
      code:
        description: Status class of the response.
        values: [2xx, 3xx, 4xx, 5xx]
  http_request_duration_seconds:
    type: histogram
    unit: seconds
    help: HTTP request latency.
    meaning: Time from request received to response sent.
    group: request
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
  up:
    type: gauge
    unit: state
    origin: prometheus
    help: Whether Prometheus could scrape the target.
    meaning: 1 when the last scrape succeeded, 0 when it failed.
    group: scrape
`,
    'thresholds.yaml': `${header}thresholds:
  error_rate:
    description: Share of requests answered with 5xx.
    unit: ratio
    warning: 1%
    critical: 5%
  latency_p95:
    description: 95th percentile request latency.
    unit: seconds
    critical: 500ms
`,
    'recording-rules.yaml': `${header}recordingRules:
  code:http_requests:rate5m:
    expr: sum by (code) (rate(http_requests_total[5m]))
    description: Requests per second by status class.
    unit: requests_per_second
  job:http_errors:ratio_rate5m:
    expr: sum by (job) (rate(http_requests_total{code="5xx"}[5m])) / sum by (job) (rate(http_requests_total[5m]))
    description: Share of requests answered with 5xx.
    unit: ratio
  job:http_request_duration_seconds:p95_5m:
    expr: histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))
    description: 95th percentile latency.
    unit: seconds
`,
    'alerts.yaml': `${header}alerts:
  HighErrorRate:
    severity: critical
    expr: job:http_errors:ratio_rate5m
    condition: { op: '>', threshold: error_rate.critical }
    for: 5m
    summary: More than \${threshold} of requests fail.
    description: '{{ $value | humanizePercentage }} of requests are answered with 5xx.'
    dashboard: ${service}-overview/error_ratio
    tests:
      - name: just above the threshold fires after 5m
        series:
          'http_requests_total{job="${service}",instance="a",code="2xx"}': '0+\${1000 * (1 - threshold * 1.1)}x20'
          'http_requests_total{job="${service}",instance="a",code="5xx"}': '0+\${1000 * threshold * 1.1}x20'
        expect:
          - { at: 4m, firing: false }
          - { at: 15m, firing: true, labels: { job: ${service} } }
      - name: just below the threshold does not fire
        series:
          'http_requests_total{job="${service}",instance="a",code="2xx"}': '0+\${1000 * (1 - threshold * 0.9)}x20'
          'http_requests_total{job="${service}",instance="a",code="5xx"}': '0+\${1000 * threshold * 0.9}x20'
        expect:
          - { at: 15m, firing: false }
  TargetDown:
    severity: warning
    expr: up{job="${service}"}
    condition: { op: '==', value: 0 }
    for: 5m
    summary: Prometheus cannot scrape ${service}.
    description: 'Target {{ $labels.instance }} has been down for 5 minutes.'
    dashboard: ${service}-overview/requests
    tests:
      - name: a failed scrape fires after 5m
        series:
          'up{job="${service}",instance="a"}': '0x10'
        expect:
          - { at: 3m, firing: false }
          - { at: 6m, firing: true, labels: { instance: a, job: ${service} } }
`,
    'dashboards.yaml': `${header}dashboards:
  ${service}-overview:
    title: ${service} overview
    description: Traffic, errors and latency of ${service}.
    tags: [${service}]
    panels:
      requests:
        title: Requests per second
        type: timeseries
        queries:
          - expr: code:http_requests:rate5m
            legend: '{{code}}'
      error_ratio:
        title: Error ratio
        type: timeseries
        threshold: error_rate
        queries:
          - expr: job:http_errors:ratio_rate5m
      latency_p95:
        title: P95 latency
        type: timeseries
        threshold: latency_p95
        queries:
          - expr: job:http_request_duration_seconds:p95_5m
      scrape:
        title: Scrape targets up
        type: stat
        queries:
          - expr: sum(up{job="${service}"})
`,
    'runbooks.yaml': `${header}runbooks:
  HighErrorRate:
    meaning: More than \${threshold} of requests are answered with a 5xx status.
    impact: Users see failed requests.
    diagnosis:
      - title: Which status classes are failing
        promql: sum by (code) (rate(http_requests_total[5m]))
        panel: ${service}-overview/requests
    mitigation:
      - Roll back the most recent deploy.
    escalation:
      - Page the owning team if the error ratio stays above \${threshold} for 30 minutes.
  TargetDown:
    meaning: Prometheus has failed to scrape an instance for \${for}.
    impact: No metrics from that instance; alerts on it are blind.
    diagnosis:
      - title: Which targets are down
        promql: up{job="${service}"} == 0
    mitigation:
      - Check that the instance runs and that its metrics endpoint answers.
    escalation:
      - Tell the owning team.
`,
    'notifications.yaml': `${header}notifications:
  contactPoints:
    team-email:
      type: email
      description: The owning team's mailbox.
      addresses: [my-team@example.com]
  # The SMTP relay email goes through (Alertmanager's smtp_* settings; set Grafana's [smtp] to the same).
  smtp:
    smarthost: smtp.example.com:587
    from: alerts@example.com
  defaultContactPoint: team-email
  groupBy: [alertname, service]
  routes:
    critical: { contactPoints: [team-email], repeatInterval: 1h }
    warning: { contactPoints: [team-email], repeatInterval: 4h }
`,
    'environments.yaml': `${header}environments:
  production:
    description: Production.
    default: true
  staging:
    description: Staging, with a looser error threshold.
    overlay:
      thresholds:
        error_rate:
          critical: 10%
`,
  };
}
