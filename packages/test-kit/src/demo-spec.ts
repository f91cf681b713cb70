/**
 * The demo spec: a small service that is not the tunnel, for the packages' unit and golden tests,
 * so they never depend on the embedded spec (whose output `generated/` and `build --check` pin).
 * It covers every panel kind, both threshold directions, a single-level band, a ratio threshold on a
 * percent panel, a label variable, time options, Loki panels and drill-down links, two environments
 * (staging overlays the Grafana URL and a threshold), recording rules, an alert, an SLO with its
 * burn-rate alerts, a log source with an error pattern (a Loki alert), email notifications with an
 * SMTP relay, runbooks, and texts with Markdown-hostile characters (pipes, backticks, brackets).
 */

import type { SpecFile } from './model.js';

export const DEMO_SPEC: readonly SpecFile[] = [
  {
    path: 'service.yaml',
    text: `service:
  name: demo
  title: Demo
  description: The demo service's checkout API.
  team: demo-team
  contact: "#demo-oncall"
  job: demo
  metricsPath: /metrics
  healthEndpoints:
    - path: /healthz
      description: Liveness.
  scrape:
    interval: 30s
    retention: 7d
  seriesBudget: 1000
  grafana:
    url: https://grafana.example.com
    folder: Demo
  runbookBaseUrl: https://docs.example.com/runbooks
environments:
  production:
    description: Production.
    default: true
  staging:
    description: Staging.
    overlay:
      service:
        grafana:
          url: https://grafana-staging.example.com
      thresholds:
        error_rate:
          critical: 10%
`,
  },
  {
    path: 'metrics.yaml',
    text: `metrics:
  demo_requests_total:
    type: counter
    unit: count
    help: Requests served.
    meaning: "Requests served, by tier and status class | split by \`code\` (e.g. [2xx])."
    group: request
    labels:
      tier:
        description: Customer tier.
        values: [free, pro]
      code:
        description: Status class.
        values: [2xx, 5xx]
  demo_errors_total:
    type: counter
    unit: count
    help: Errors.
    meaning: Requests that failed, by tier.
    group: error
    labels:
      tier:
        description: Customer tier.
        values: [free, pro]
  demo_connections:
    type: gauge
    unit: count
    help: Open connections.
    meaning: Connections open right now.
    group: connection
  demo_queue_fill_percentage:
    type: gauge
    unit: percent
    help: Queue fill.
    meaning: How full the queue is.
    group: queue
  demo_breaker_state:
    type: gauge
    unit: state
    help: Breaker state.
    meaning: 0 closed, 1 open.
    group: breaker
  demo_latency_seconds:
    type: histogram
    unit: seconds
    help: Latency.
    meaning: Request latency.
    group: request
    buckets: [0.1, 0.5, 1]
thresholds:
  connections:
    description: Open connections.
    unit: count
    warning: 500
    critical: 1000
  success_rate:
    description: Share of successful requests.
    unit: ratio
    direction: lower_is_worse
    warning: 99%
    critical: 95%
  error_rate:
    description: Share of failed requests.
    unit: ratio
    warning: 1%
    critical: 5%
  queue_fill:
    description: Queue fill as a ratio.
    unit: ratio
    warning: 75%
    critical: 90%
  latency:
    description: Latency.
    unit: seconds
    critical: 0.5
recordingRules:
  demo:success:ratio_rate5m:
    expr: 1 - sum(rate(demo_errors_total[5m])) / sum(rate(demo_requests_total[5m]))
    description: Success ratio.
    unit: ratio
  demo:requests:rate5m:
    expr: sum by (code) (rate(demo_requests_total[5m]))
    description: Request rate by status class.
    unit: requests_per_second
  demo:errors:ratio_rate5m:
    expr: sum(rate(demo_errors_total[5m])) / sum(rate(demo_requests_total[5m]))
    description: Error ratio.
    unit: ratio
logs:
  sources:
    demo:
      selector: '{app="demo"}'
      description: Demo logs.
      errorFilter: '|= "error"'
  patterns:
    payment_declined:
      source: demo
      description: The payment provider declined a card.
      match: '(?i)payment (declined|refused)'
`,
  },
  {
    path: 'alerts.yaml',
    text: `alerts:
  DemoHighErrorRate:
    severity: critical
    expr: demo:errors:ratio_rate5m
    condition: { op: '>', threshold: error_rate.critical }
    for: 5m
    summary: Error ratio above \${threshold} for \${for}.
    description: 'Error ratio is {{ $value | humanizePercentage }}.'
    dashboard: demo-errors/errors
    tests:
      - name: above the threshold fires after 5m
        series:
          'demo_requests_total{code="2xx",tier="free",job="demo",instance="a"}': '0+1000x20'
          'demo_errors_total{tier="free",job="demo",instance="a"}': '0+\${1000 * threshold * 1.2}x20'
        expect: [{ at: 3m, firing: false }, { at: 15m, firing: true }]
      - name: below the threshold stays quiet
        series:
          'demo_requests_total{code="2xx",tier="free",job="demo",instance="a"}': '0+1000x20'
          'demo_errors_total{tier="free",job="demo",instance="a"}': '0+\${1000 * threshold * 0.8}x20'
        expect: [{ at: 15m, firing: false }]
slos:
  availability:
    description: 99.5 % of requests succeed over 30 days.
    objective: 99.5%
    window: 30d
    sli:
      errors: sum(rate(demo_errors_total[$window]))
      total: sum(rate(demo_requests_total[$window]))
    alert:
      name: DemoBudgetBurn
      summary: Demo error budget burning too fast
      description: 'Error ratio {{ $value | humanizePercentage }}.'
      dashboard: demo-errors/errors
notifications:
  contactPoints:
    demo-email:
      type: email
      description: Demo team list.
      addresses: [demo@example.com]
  smtp: { smarthost: "smtp.example.com:587", from: alerts@example.com }
  defaultContactPoint: demo-email
  routes:
    critical:
      contactPoints: [demo-email]
runbooks:
  DemoHighErrorRate:
    meaning: More than \${threshold} of requests fail.
    impact: Users see errors.
    diagnosis:
      - title: Error ratio
        promql: demo:errors:ratio_rate5m
        panel: demo-errors/errors
      - title: Error logs
        logql: '{app="demo"} |= "error"'
    mitigation: [Roll back the last deploy.]
    escalation: [Page the demo team.]
  DemoBudgetBurn:
    meaning: The availability SLO's budget burns too fast.
    impact: Users see errors.
    diagnosis:
      - title: Requests by code
        panel: demo-errors/requests
    mitigation: [Roll back.]
    escalation: [Page the demo team.]
`,
  },
  {
    path: 'dashboards.yaml',
    text: `dashboards:
  demo-overview:
    title: Demo Overview
    description: Everything about the demo.
    tags: [demo]
    refresh: 1m
    timeOptions: [1h, 24h]
    variables:
      tier:
        label: Tier
        metric: demo_requests_total
        multi: true
        includeAll: true
    panels:
      connections:
        title: Connections
        type: gauge
        unit: count
        threshold: connections
        queries:
          - expr: sum(demo_connections)
            instant: true
      success:
        title: Success rate
        type: gauge
        unit: ratio
        threshold: success_rate
        queries:
          - expr: demo:success:ratio_rate5m
            instant: true
      queue:
        title: Queue fill
        type: bargauge
        unit: percent
        threshold: queue_fill
        queries:
          - expr: max(demo_queue_fill_percentage)
            instant: true
      breaker:
        title: Breaker
        type: stat
        unit: state
        queries:
          - expr: max(demo_breaker_state)
            instant: true
        valueMappings:
          - { value: 0, text: closed, color: green }
          - { value: 1, text: open, color: red }
      requests:
        title: Requests
        type: timeseries
        unit: requests_per_second
        queries:
          - expr: 'sum by (tier) (rate(demo_requests_total{tier=~"$tier"}[$__rate_interval]))'
            legend: '{{tier}}'
      latency:
        title: Latency p95
        type: timeseries
        unit: milliseconds
        threshold: latency
        queries:
          - expr: 'histogram_quantile(0.95, sum by (le) (rate(demo_latency_seconds_bucket[$__rate_interval]))) * 1000'
      errors:
        title: Errors by tier
        type: piechart
        unit: requests_per_second
        logsLink: true
        queries:
          - expr: 'sum by (tier) (rate(demo_errors_total{tier=~"$tier"}[$__range]))'
            legend: '{{tier}}'
            instant: true
      top:
        title: Top tiers
        type: table
        unit: requests_per_second
        limit: 5
        queries:
          - expr: 'topk(5, sum by (tier) (rate(demo_requests_total{tier=~"$tier"}[$__range])))'
            instant: true
            format: table
          - expr: 'topk(5, sum by (tier) (rate(demo_errors_total{tier=~"$tier"}[$__range])))'
            legend: errors
            instant: true
            format: table
      logs:
        title: Error logs
        type: logs
        description: Error lines.
        queries:
          - expr: '{app="demo"} |= "error"'
            datasource: loki
  demo-second:
    title: Demo Second
    description: A second dashboard, for links.
    panels:
      error_lines:
        title: Error lines
        type: timeseries
        description: Error lines per interval.
        unit: count
        queries:
          - expr: 'sum(count_over_time({app="demo"} |= "error" [$__interval]))'
            datasource: loki
  demo-errors:
    title: Demo Errors
    description: Error ratio and requests by status class, where the alerts link.
    panels:
      errors:
        title: Error ratio
        type: timeseries
        threshold: error_rate
        queries:
          - expr: demo:errors:ratio_rate5m
      requests:
        title: Requests
        type: timeseries
        queries:
          - expr: demo:requests:rate5m
            legend: '{{code}}'
`,
  },
];
