/**
 * A small spec of its own for unit tests, independent of the embedded tunnel spec: every panel kind,
 * both threshold directions, a single-level band, a ratio threshold on a percent panel, a label
 * variable, time options, Loki panels and drill-down links.
 */
import { compileSpec, type ResolvedModel } from '@monspec/metrics-spec';

const DEMO_SPEC: Readonly<Record<string, string>> = {
  'demo.yaml': `service:
  name: demo
  title: Demo
  description: A demo service.
  team: demo-team
  grafana:
    url: https://grafana.example.com
    folder: Demo
metrics:
  demo_requests_total:
    type: counter
    unit: count
    help: Requests served.
    meaning: Requests served, by tier.
    group: request
    labels:
      tier:
        description: Customer tier.
        values: [free, pro]
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
logs:
  sources:
    demo:
      selector: '{app="demo"}'
      description: Demo logs.
      errorFilter: '|= "error"'
dashboards:
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
`,
};

export function demoModel(): ResolvedModel {
  const result = compileSpec(Object.entries(DEMO_SPEC).map(([path, text]) => ({ path, text })));
  if (!result.model) throw new Error(`demo spec does not compile: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.model;
}
