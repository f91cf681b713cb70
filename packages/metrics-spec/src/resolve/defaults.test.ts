/**
 * Defaults live in one place, the schema's `default` keywords (generated/defaults.ts): a spec that
 * leaves every defaulted property out resolves to exactly those values. Every default the schema
 * declares has a row here, so a new `default` keyword the resolver does not apply fails.
 */
import { describe, expect, it } from 'vitest';
import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import type { ResolvedModel } from '../model.js';
import { compileSpec } from '../pipeline.js';
import { exampleModel } from '../test-support/example-model.js';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';

/** Adds to the example base spec only what has defaults to leave out: an SLO, a variable, SMTP, an alert without `for`. */
const EXTRA = `
alerts:
  DemoNoFor:
    severity: info
    expr: job:demo_errors:ratio_rate5m
    condition: { op: '>', value: 0.5 }
    summary: x
    description: x
    dashboard: demo/errors
slos:
  requests:
    description: x
    objective: 99%
    sli:
      errors: sum(rate(demo_errors_total[$window]))
      total: sum(rate(demo_requests_total[$window]))
    alert: { name: DemoBudgetBurn, summary: x, dashboard: demo/errors }
    windows:
      - { severity: critical, longWindow: 1h, shortWindow: 5m, burnRate: 14.4 }
dashboards:
  plain:
    title: Plain
    description: x
    variables:
      code: { label: Code, metric: demo_requests_total }
    panels:
      untyped:
        title: Untyped
        type: timeseries
        queries: [{ expr: code:demo_requests:rate5m }]
notifications:
  contactPoints:
    team: { type: email, description: x, addresses: [team@example.com] }
  defaultContactPoint: team
  smtp: { smarthost: 'smtp.example.com:587', from: monspec@example.com }
runbooks:
  DemoNoFor: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }
  DemoBudgetBurn: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }
`;

const model = (): ResolvedModel => exampleModel({ 'defaults.yaml': EXTRA });

/** The ruler's options have defaults only for the type that reads them. */
function ruler(type: string): ResolvedModel['service']['alerting']['ruler'] {
  return exampleModel({ 'ruler.yaml': `environments:\n  prod:\n    description: x\n    default: true\n    overlay:\n      service:\n        alerting: { ruler: { type: ${type} } }\n` }).service.alerting.ruler;
}

/** Each schema default (by its path in SCHEMA_DEFAULTS) and where the resolved model shows it. */
const WHERE: Record<string, (m: ResolvedModel) => unknown> = {
  'service.metricsPath': (m) => m.service.metricsPath,
  'service.scrape.interval': (m) => m.service.scrapeInterval,
  'service.scrape.retention': (m) => m.service.retention,
  'service.replicas': (m) => m.service.replicas,
  'service.grafana': () => undefined, // the base spec sets grafana.url; checked below without it
  'service.datasources.prometheus': (m) => m.service.datasources.prometheus,
  'service.datasources.loki': (m) => m.service.datasources.loki,
  'service.alerting.engine': (m) => m.service.alerting.engine,
  'service.alerting.evaluationInterval': (m) => m.service.alerting.evaluationInterval,
  'service.alerting.ruler.partialResponseStrategy': () => {
    const r = ruler('thanos');
    return r.type === 'thanos' ? r.partialResponseStrategy : undefined;
  },
  'service.alerting.ruler.kubernetesNamespace': () => {
    const r = ruler('prometheus-operator');
    return r.type === 'prometheus-operator' ? r.namespace : undefined;
  },
  'metric.origin': (m) => m.metrics.find((x) => x.name === 'demo_requests_total')?.origin,
  'threshold.direction': (m) => m.thresholds.find((t) => t.name === 'error_rate')?.direction,
  'threshold.states': (m) => m.thresholds.find((t) => t.name === 'error_rate')?.states,
  'alertTest.interval': (m) => m.alerts.find((a) => a.name === 'DemoHighErrorRate')?.tests[0]?.interval,
  'alertEntry.datasource': (m) => m.alerts.find((a) => a.name === 'DemoNoFor')?.datasource,
  'alertEntry.for': (m) => m.alerts.find((a) => a.name === 'DemoNoFor')?.for,
  'alertEntry.execErrState': (m) => m.alerts.find((a) => a.name === 'DemoNoFor')?.execErrState,
  'burnRateWindow.for': (m) => m.slos[0]?.windows[0]?.for,
  'slo.window': (m) => m.slos[0]?.window,
  'panel.logsLink': (m) => m.dashboards.find((d) => d.uid === 'plain')?.panels[0]?.logsLink,
  'dashboard.tags': (m) => m.dashboards.find((d) => d.uid === 'plain')?.tags,
  'dashboard.refresh': (m) => m.dashboards.find((d) => d.uid === 'plain')?.refresh,
  'dashboard.time': (m) => m.dashboards.find((d) => d.uid === 'plain')?.time,
  'dashboard.timeOptions': (m) => m.dashboards.find((d) => d.uid === 'plain')?.timeOptions,
  'dashboardVariable.multi': (m) => m.dashboards.find((d) => d.uid === 'plain')?.variables[0]?.multi,
  'dashboardVariable.includeAll': (m) => m.dashboards.find((d) => d.uid === 'plain')?.variables[0]?.includeAll,
  'notifications.groupBy': (m) => m.notifications.groupBy,
  'notifications.smtp.requireTls': (m) => m.notifications.smtp?.requireTls,
};

/** 'a.b.c' → value for every leaf default (a default object, e.g. a datasource, is one leaf). */
function leaves(node: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${k}` : k;
    const isDefaultObject = path in WHERE;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isDefaultObject) for (const [p, x] of leaves(v, path)) out.set(p, x);
    else out.set(path, v);
  }
  return out;
}

describe('schema defaults', () => {
  const m = model();
  const defaults = leaves(SCHEMA_DEFAULTS);

  it('every default keyword of the schema has a row here', () => {
    expect([...defaults.keys()].sort()).toEqual(Object.keys(WHERE).sort());
  });

  it.each([...leaves(SCHEMA_DEFAULTS)].filter(([path]) => path !== 'service.grafana'))('%s is applied when the spec leaves it out', (path, value) => {
    expect(WHERE[path]?.(m)).toEqual(value);
  });

  it('service.grafana is applied when the spec has no grafana section', () => {
    const files = Object.entries(EXAMPLE_BASE_SPEC).map(([path, content]) => ({ path, text: content.replace(/ {2}grafana:\n {4}url: .*\n/, '') }));
    expect(compileSpec(files).model?.service.grafana.url).toBe(SCHEMA_DEFAULTS.service.grafana.url);
  });
});
