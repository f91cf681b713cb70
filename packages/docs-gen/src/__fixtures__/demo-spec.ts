/**
 * A small spec of a service that is not the tunnel, for tests that must not depend on the embedded
 * spec: two environments, a log source and pattern, an SLO, routes, and texts with Markdown-hostile
 * characters (pipes, backticks, brackets).
 */
import { compileSpec, type ResolvedModel, type SpecFile } from '@monspec/metrics-spec';

export const DEMO_SPEC: readonly SpecFile[] = [
  {
    path: 'service.yaml',
    text: `service:
  name: demo-shop
  title: Demo Shop
  description: The demo shop's checkout API.
  team: shop-team
  contact: "#shop-oncall"
  job: demo-shop
  metricsPath: /metrics
  healthEndpoints:
    - path: /healthz
      description: Liveness.
  scrape:
    interval: 30s
    retention: 7d
  seriesBudget: 1000
  grafana:
    url: https://grafana.shop.example
    folder: Shop
  runbookBaseUrl: https://docs.shop.example/runbooks
environments:
  production:
    description: Production.
    default: true
  staging:
    description: Staging.
    overlay:
      service:
        grafana:
          url: https://grafana-staging.shop.example
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
    meaning: "Requests served, by status class | split by \`code\` (e.g. [2xx])."
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
  demo:requests:rate5m:
    expr: sum by (code) (rate(demo_requests_total[5m]))
    description: Request rate by status class.
    unit: requests_per_second
  demo:errors:ratio_rate5m:
    expr: sum(rate(demo_errors_total[5m])) / sum(rate(demo_requests_total[5m]))
    description: Error ratio.
    unit: ratio
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
    dashboard: demo/errors
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
      dashboard: demo/errors
dashboards:
  demo:
    title: Demo Overview
    description: Demo service health.
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
          - expr: sum by (code) (rate(demo_requests_total[$__rate_interval]))
logs:
  sources:
    shop:
      selector: '{app="demo-shop"}'
      description: Shop logs.
      errorFilter: '| json | level="error"'
  patterns:
    payment_declined:
      source: shop
      description: The payment provider declined a card.
      match: '(?i)payment (declined|refused)'
notifications:
  contactPoints:
    shop-email:
      type: email
      description: Shop team list.
      addresses: [shop@example.com]
  smtp: { smarthost: "smtp.example.com:587", from: alerts@example.com }
  defaultContactPoint: shop-email
  routes:
    critical:
      contactPoints: [shop-email]
runbooks:
  DemoHighErrorRate:
    meaning: More than \${threshold} of requests fail.
    impact: Users see errors.
    diagnosis:
      - title: Error ratio
        promql: demo:errors:ratio_rate5m
        panel: demo/errors
      - title: Error logs
        logql: '{app="demo-shop"} | json | level="error"'
    mitigation: [Roll back the last deploy.]
    escalation: [Page the shop team.]
  DemoBudgetBurn:
    meaning: The availability SLO's budget burns too fast.
    impact: Users see errors.
    diagnosis:
      - title: Requests by code
        panel: demo/requests
    mitigation: [Roll back.]
    escalation: [Page the shop team.]
`,
  },
];

/** The demo spec's model in `environment` (production by default); throws on diagnostics. */
export function demoModel(environment?: string): ResolvedModel {
  const result = compileSpec(DEMO_SPEC, environment === undefined ? {} : { environment });
  if (!result.model) {
    throw new Error(`demo spec does not compile:\n${result.diagnostics.map((d) => `${d.location?.file ?? ''}:${d.location?.line ?? ''} ${d.ruleId} ${d.message}`).join('\n')}${result.usageError ?? ''}`);
  }
  return result.model;
}
