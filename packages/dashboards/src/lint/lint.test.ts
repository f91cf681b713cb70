import { describe, expect, it } from 'vitest';
import type { ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { demoModel } from '../test-support/specs.js';
import { buildDashboard } from '../dashboard.js';
import type { Json } from '../serialize.js';
import type { DashboardJson, PanelJson } from '../test-support/dashboard-json.js';
import { LINT_RULES, lintDashboards } from './index.js';

const model = demoModel();

/** The demo dashboards as JSON, with one change applied to the first (Demo Overview). */
function mutated(change: (d: DashboardJson, panel: (title: string) => PanelJson) => void): Json[] {
  const all = model.dashboards.map((d) => structuredClone(buildDashboard(model, d)));
  const first = all[0] as unknown as DashboardJson;
  change(first, (title) => {
    const p = first.panels.find((x) => x.title === title);
    if (!p) throw new Error(`no panel ${title}`);
    return p;
  });
  return all;
}

/** The demo model with one runbook diagnosis step querying `query` on its first alert. */
function withRunbookQuery(query: { datasource: 'prometheus' | 'loki'; expr: string }): ResolvedModel {
  // The demo spec has no alerts: borrow one from the embedded spec, linked to a demo panel.
  const first = compileSpecDir().model?.alerts[0];
  if (!first) throw new Error('the embedded spec has an alert');
  const step = { title: 'Look at the errors', description: undefined, query, panel: undefined };
  return { ...model, alerts: [{ ...first, dashboard: { dashboard: 'demo-overview', panel: 'requests' }, runbook: { ...first.runbook, diagnosis: [step] } }] };
}

/** Lint fixtures that must fail: each breaks one thing and names the rule that must catch it. */
const MUST_FAIL: ReadonlyArray<{ rule: string; title: string; dashboards?: Json[]; model?: ResolvedModel; message: string }> = [
  { rule: 'dashboard-datasource-variable', title: 'hard-coded datasource uid', dashboards: mutated((_, p) => (p('Requests').datasource.uid = 'P1809F7CD0C75ACF3')), message: 'Unexpected datasource "P1809F7CD0C75ACF3"' },
  { rule: 'dashboard-datasource-variable', title: 'undeclared datasource variable', dashboards: mutated((_, p) => (p('Requests').targets[0]!.datasource.uid = '${prom}')), message: 'undeclared datasource variable ${prom}' },
  { rule: 'dashboard-datasource-variable', title: 'LogQL through the Prometheus variable', dashboards: mutated((_, p) => (p('Error logs').datasource = { type: 'loki', uid: '${datasource}' })), message: 'Unexpected loki datasource through ${datasource}' },
  { rule: 'dashboard-unit', title: 'panel without unit', dashboards: mutated((_, p) => delete p('Requests').fieldConfig.defaults.unit), message: 'without a unit' },
  { rule: 'dashboard-rate-interval', title: 'fixed rate window', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum(rate(demo_requests_total{tier=~"$tier"}[5m]))')), message: 'Unexpected rate(…[5m])' },
  { rule: 'dashboard-rate-interval', title: '$__interval in increase', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum(increase(demo_requests_total{tier=~"$tier"}[$__interval]))')), message: 'Unexpected increase(…[$__interval])' },
  { rule: 'dashboard-counter-rate', title: 'raw counter', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum(demo_requests_total{tier=~"$tier"})')), message: 'Unexpected counter demo_requests_total outside rate()' },
  { rule: 'dashboard-counter-rate', title: 'raw histogram bucket', dashboards: mutated((_, p) => (p('Latency p95').targets[0]!.expr = 'sum(demo_latency_seconds_bucket)')), message: 'Unexpected counter demo_latency_seconds_bucket' },
  { rule: 'dashboard-text', title: 'panel without description', dashboards: mutated((_, p) => (p('Requests').description = '')), message: 'without a description' },
  { rule: 'dashboard-text', title: 'dashboard without title', dashboards: mutated((d) => (d.title = ' ')), message: 'Unexpected dashboard without a title' },
  { rule: 'dashboard-empty-target', title: 'empty expression', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = '')), message: 'Unexpected empty target A' },
  { rule: 'dashboard-empty-target', title: 'no targets', dashboards: mutated((_, p) => (p('Requests').targets = [])), message: 'without targets' },
  { rule: 'dashboard-unique-ids', title: 'duplicate panel id', dashboards: mutated((_, p) => (p('Requests').id = p('Connections').id)), message: 'Unexpected duplicate panel id 1' },
  { rule: 'dashboard-unique-ids', title: 'duplicate refId', dashboards: mutated((_, p) => (p('Top tiers').targets[1]!.refId = 'A')), message: 'Unexpected duplicate refId "A"' },
  { rule: 'dashboard-unique-ids', title: 'duplicate dashboard uid', dashboards: mutated((d) => (d.uid = 'demo-second')), message: 'Unexpected duplicate dashboard uid demo-second' },
  { rule: 'dashboard-text', title: 'Loki panel without description (no metric meaning to fall back on)', dashboards: mutated((_, p) => (p('Error logs').description = '')), message: 'Unexpected panel 9 "Error logs" without a description' },
  { rule: 'dashboard-unique-ids', title: 'uid too long', dashboards: mutated((d) => (d.uid = 'x'.repeat(41))), message: 'expected 1-40 letters' },
  { rule: 'dashboard-grid-bounds', title: 'panel past column 24', dashboards: mutated((_, p) => (p('Requests').gridPos = { x: 18, y: 40, w: 12, h: 8 })), message: 'Unexpected gridPos x=18 y=40 w=12 h=8' },
  { rule: 'dashboard-grid-overlap', title: 'overlapping panels', dashboards: mutated((_, p) => (p('Requests').gridPos = { ...p('Connections').gridPos })), message: 'overlapping panel 1 "Connections"' },
  { rule: 'dashboard-promql-syntax', title: 'PromQL syntax error', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum by (tier (rate(demo_requests_total{tier=~"$tier"}[$__rate_interval]))')), message: 'in PromQL target A' },
  { rule: 'dashboard-unknown-metric', title: 'undeclared metric', dashboards: mutated((_, p) => (p('Connections').targets[0]!.expr = 'sum(demo_conections)')), message: 'Unexpected unknown series demo_conections' },
  { rule: 'dashboard-logql-syntax', title: 'LogQL syntax error', dashboards: mutated((_, p) => (p('Error logs').targets[0]!.expr = '{app="demo" |= "error"')), message: 'in LogQL target A' },
  { rule: 'dashboard-legend', title: 'hidden legend', dashboards: mutated((_, p) => (p('Requests').options.legend!.showLegend = false)), message: 'Unexpected hidden legend' },
  { rule: 'dashboard-undeclared-variable', title: 'unknown variable', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum(rate(demo_requests_total{tier=~"$teir"}[$__rate_interval]))')), message: 'Unexpected undeclared variable $teir' },
  { rule: 'dashboard-variable-filter', title: 'query the variable does not filter', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum by (tier) (rate(demo_requests_total[$__rate_interval]))')), message: 'Unexpected demo_requests_total without {tier=~"$tier"}' },
  { rule: 'dashboard-metric-coverage', title: 'metric on no panel', dashboards: mutated((d) => (d.panels = d.panels.filter((p) => p.title !== 'Connections'))), message: 'Unexpected metric demo_connections on no panel' },
  // Today's shapes (issue #12): Loki with $__rate_interval, instant panels over [$__rate_interval], topk over a ratio.
  { rule: 'dashboard-datasource-macros', title: 'Loki target with $__rate_interval (Loki does not expand it)', dashboards: mutated((_, p) => (p('Error logs').targets[0]!.expr = 'sum(count_over_time({app="demo"} |= "error" [$__rate_interval]))')), message: 'Unexpected $__rate_interval in target A of panel 9 "Error logs" (loki), expected one of the macros Loki expands: $__interval, $__range, $__auto' },
  { rule: 'dashboard-datasource-macros', title: 'PromQL target with $__auto', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum(rate(demo_requests_total{tier=~"$tier"}[$__auto]))')), message: 'Unexpected $__auto in target A of panel 5 "Requests" (prometheus)' },
  {
    rule: 'dashboard-datasource-macros',
    title: 'Explore link whose Loki query uses $__rate_interval',
    dashboards: mutated((_, p) => (p('Requests').links = [{ title: 'Explore', url: `/explore?panes=${encodeURIComponent(JSON.stringify({ a: { queries: [{ refId: 'A', expr: 'count_over_time({app="demo"}[$__rate_interval])', datasource: { type: 'loki', uid: '${loki}' } }] } }))}` }])),
    message: 'Unexpected $__rate_interval in the Explore link "Explore" of panel 5 "Requests" (loki)',
  },
  {
    rule: 'dashboard-datasource-macros',
    title: 'runbook query with a macro its data source lacks',
    model: withRunbookQuery({ datasource: 'loki', expr: 'sum(count_over_time({app="demo"} |= "error" [$__rate_interval]))' }),
    message: 'Unexpected $__rate_interval in runbook step 1',
  },
  { rule: 'dashboard-instant-range', title: 'instant pie chart over [$__rate_interval] (shows the last minutes of a 24 h range)', dashboards: mutated((_, p) => (p('Errors by tier').targets[0]!.expr = 'sum by (tier) (rate(demo_errors_total{tier=~"$tier"}[$__rate_interval]))')), message: 'Unexpected rate(…[$__rate_interval]) in the instant target A of panel 7 "Errors by tier", expected rate(…[$__range])' },
  { rule: 'dashboard-instant-range', title: 'graph over [$__range]', dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum by (tier) (rate(demo_requests_total{tier=~"$tier"}[$__range]))')), message: 'Unexpected rate(…[$__range]) in the range target A of panel 5 "Requests", expected rate(…[$__rate_interval])' },
  {
    rule: 'dashboard-topk-ratio',
    title: 'topk over a ratio (one failed request out of one tops the table)',
    dashboards: mutated((_, p) => (p('Top tiers').targets[0]!.expr = 'topk(5, sum by (tier) (rate(demo_errors_total{tier=~"$tier"}[$__range])) / sum by (tier) (rate(demo_requests_total{tier=~"$tier"}[$__range])))')),
    message: 'Unexpected topk() over a ratio in target A of panel 8 "Top tiers"',
  },
  {
    rule: 'dashboard-link-context',
    title: 'Explore link with a fixed range and a hard-coded Loki uid (the old drill-down)',
    dashboards: mutated((_, p) => {
      const old = `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify({ a: { datasource: 'monspec-loki', queries: [{ refId: 'A', expr: '{app="demo"} |= "error"', datasource: { type: 'loki', uid: 'monspec-loki' } }], range: { from: 'now-6h', to: 'now' } } }))}&orgId=1`;
      p('Errors by tier').links = [{ title: 'Error logs in Explore', url: old }];
    }),
    message: 'Unexpected Explore range now-6h to now in the link "Error logs in Explore" of panel 7 "Errors by tier", expected ${__from} to ${__to}',
  },
  {
    rule: 'dashboard-link-context',
    title: 'Explore link with a hard-coded datasource uid',
    dashboards: mutated((_, p) => {
      const old = `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify({ a: { datasource: 'monspec-loki', queries: [{ refId: 'A', expr: '{app="demo"}', datasource: { type: 'loki', uid: 'monspec-loki' } }], range: { from: '${__from}', to: '${__to}' } } }))}`;
      p('Errors by tier').links = [{ title: 'Explore', url: old }];
    }),
    message: 'Unexpected datasource "monspec-loki" in the link "Explore" of panel 7 "Errors by tier", expected a datasource variable',
  },
  { rule: 'dashboard-link-context', title: 'dashboard link that drops the time range', dashboards: mutated((_, p) => (p('Errors by tier').links = [{ title: 'Logs', url: '/d/demo-overview/demo-overview?viewPanel=9' }])), message: 'Unexpected dashboard link without the time range in the link "Logs"' },
  {
    rule: 'dashboard-missing-series',
    title: 'a total over a counter whose label has only a bound (No data until the first increment)',
    model: { ...model, metrics: model.metrics.map((m) => (m.name === 'demo_errors_total' ? { ...m, labels: m.labels.map((l) => ({ ...l, values: undefined })) } : m)) },
    dashboards: mutated((_, p) => (p('Requests').targets[0]!.expr = 'sum(rate(demo_errors_total{tier=~"$tier"}[$__rate_interval]))')),
    message: 'Unexpected total over demo_errors_total without a fallback in target A of panel 5 "Requests" (label tier has no declared values',
  },
  { rule: 'dashboard-threshold-unit', title: 'unit other than the spec\'s', dashboards: mutated((_, p) => (p('Requests').fieldConfig.defaults.unit = 'bytes')), message: 'Unexpected unit "bytes"' },
  {
    rule: 'dashboard-threshold-unit',
    title: 'threshold in a unit the panel cannot show',
    model: {
      ...model,
      dashboards: model.dashboards.map((d, i) =>
        i === 0 ? { ...d, panels: d.panels.map((p) => (p.title === 'Connections' && p.threshold ? { ...p, threshold: { ...p.threshold, unit: 'bytes' as const } } : p)) } : d,
      ),
    },
    message: 'Unexpected threshold connections in bytes',
  },
];

describe('lintDashboards', () => {
  it('is clean on the demo fixture', () => {
    expect(lintDashboards(model)).toEqual([]);
  });

  it.each(MUST_FAIL)('$rule: $title', ({ rule, dashboards, model: m, message }) => {
    const findings = lintDashboards(m ?? model, dashboards);
    const hit = findings.filter((f) => f.ruleId === rule);
    expect(hit.map((f) => f.message).join('\n')).toContain(message);
    // Findings name the dashboard they are about (the first, unless the change renamed it).
    expect(hit[0]!.dashboard).toBe((dashboards?.[0] as { uid?: string } | undefined)?.uid ?? 'demo-overview');
  });

  it('has a failing fixture for every rule', () => {
    const covered = new Set(MUST_FAIL.map((c) => c.rule));
    expect(LINT_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('reports where: dashboard uid, panel id and title, severity from the rule', () => {
    const [f] = lintDashboards(model, mutated((_, p) => delete p('Requests').fieldConfig.defaults.unit));
    expect(f).toEqual({
      ruleId: 'dashboard-unit',
      severity: 'error',
      dashboard: 'demo-overview',
      panel: 5,
      panelTitle: 'Requests',
      message: 'Unexpected panel 5 "Requests" without a unit, expected fieldConfig.defaults.unit (set unit: on the panel in the spec)',
    });
  });

  it('rule ids are unique and every rule is described', () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of LINT_RULES) expect(r.description.length).toBeGreaterThan(20);
  });
});
