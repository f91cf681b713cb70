/**
 * The example base spec: the small valid spec every check example of @monspec/metrics-spec is added
 * to (as one more file), and the base of its model tests. Kept valid by metrics-spec's
 * checks/checks.test.ts: with no extra file, no check reports anything.
 */
export const EXAMPLE_BASE_SPEC: Readonly<Record<string, string>> = {
  'base.yaml': `service:
  name: demo
  title: Demo
  description: A demo service.
  team: demo-team
  seriesBudget: 1000
  grafana:
    url: https://grafana.example.com
metrics:
  demo_requests_total:
    type: counter
    unit: count
    help: Requests served.
    meaning: Requests served, by status class.
    group: request
    labels:
      code:
        description: Status class.
        values: [2xx, 5xx]
  demo_errors_total:
    type: counter
    unit: count
    help: Errors.
    meaning: Requests that failed.
    group: error
thresholds:
  error_rate:
    description: Share of failed requests.
    unit: ratio
    warning: 1%
    critical: 5%
recordingRules:
  code:demo_requests:rate5m:
    expr: sum by (code) (rate(demo_requests_total[5m]))
    description: Request rate by status class.
    unit: requests_per_second
  job:demo_errors:ratio_rate5m:
    expr: sum by (job) (rate(demo_errors_total[5m])) / sum by (job) (rate(demo_requests_total[5m]))
    description: Error ratio.
    unit: ratio
alerts:
  DemoHighErrorRate:
    severity: warning
    expr: job:demo_errors:ratio_rate5m
    condition: { op: '>', threshold: error_rate.critical }
    for: 5m
    summary: Error ratio above \${threshold} for \${for}.
    description: 'Error ratio is {{ $value | humanizePercentage }}.'
    dashboard: demo/errors
    tests:
      - name: fires above the threshold after 5m
        series:
          'demo_requests_total{code="2xx"}': '0+1000x20'
          'demo_errors_total': '0+\${1000 * threshold * 1.1}x20'
        expect:
          - { at: 4m, firing: false }
          - { at: 15m, firing: true }
dashboards:
  demo:
    title: Demo
    description: Demo service health.
    panels:
      errors:
        title: Error ratio
        type: timeseries
        threshold: error_rate
        queries:
          - expr: job:demo_errors:ratio_rate5m
      requests:
        title: Requests
        type: timeseries
        queries:
          - expr: code:demo_requests:rate5m{code=~"$code"}
runbooks:
  DemoHighErrorRate:
    meaning: More than \${threshold} of requests fail.
    impact: Users see errors.
    diagnosis:
      - title: Error ratio
        promql: job:demo_errors:ratio_rate5m
    mitigation: [Roll back the last deploy.]
    escalation: [Page the demo team.]
`,
};
