/** The metrics catalogue's view model: every metric with labels, bands and what reads it. */
import { formatValue, metricsRead, panelUrl, type ResolvedModel } from '@monspec/metrics-spec';
import { type Fragment, inline, join } from '../markdown/fragment.js';
import { cell, code, count, link } from '../markdown/inline.js';
import type { Prose } from '../markdown/prose.js';
import { runbookDoc } from '../paths.js';
import { bandsInline, compare, groupTitle } from './common.js';

export interface MetricsView {
  readonly title: Fragment;
  readonly service: Fragment;
  readonly summary: Fragment;
  readonly setupGuide: Fragment;
  readonly groups: readonly { readonly title: Fragment; readonly metrics: readonly MetricView[] }[];
  readonly recordingRules: readonly { readonly name: Fragment; readonly unit: string; readonly description: Fragment; readonly expr: Fragment }[];
}

export interface MetricView {
  readonly heading: Fragment;
  readonly help: Fragment;
  readonly meaning: Fragment;
  readonly deprecated: Fragment;
  readonly facts: readonly { readonly label: Fragment; readonly value: Fragment }[];
  readonly labels: readonly { readonly name: Fragment; readonly description: Fragment; readonly values: Fragment; readonly cardinality: string }[];
}

const ORIGIN = { service: 'exported by the service', process: 'Node.js process collector', prometheus: 'recorded by Prometheus' } as const;

export function metricsView(model: ResolvedModel, ctx: Prose): MetricsView {
  const panelsOf = new Map<string, Fragment[]>();
  const alertsOf = new Map<string, Fragment[]>();
  const rulesOf = new Map<string, Fragment[]>();
  const add = (map: Map<string, Fragment[]>, key: string, value: Fragment) => {
    const list = map.get(key) ?? [];
    if (!list.some((f) => f.md === value.md)) list.push(value);
    map.set(key, list);
  };
  for (const d of model.dashboards) {
    for (const p of d.panels) {
      for (const q of p.queries) {
        if (q.datasource !== 'prometheus') continue;
        for (const m of metricsRead(model, q.expr)) add(panelsOf, m, link(inline`${ctx.text(d.title)} › ${ctx.text(p.title)}`, panelUrl(model, d, p)));
      }
    }
  }
  for (const a of model.alerts) {
    if (a.datasource !== 'prometheus') continue;
    for (const m of metricsRead(model, a.expr)) add(alertsOf, m, link(ctx.text(a.name), runbookDoc(a.name)));
  }
  for (const r of model.recordingRules) for (const m of metricsRead(model, r.expr)) add(rulesOf, m, code(r.name));

  const groups = new Map<string, MetricView[]>();
  for (const m of model.metrics) {
    const facts: { label: Fragment; value: Fragment }[] = [
      { label: inline`Type`, value: ctx.text(m.type) },
      { label: inline`Unit`, value: ctx.text(m.unit) },
      { label: inline`Source`, value: inline`${ORIGIN[m.origin]}` },
      { label: inline`Labels`, value: m.labels.length ? join(m.labels.map((l) => code(l.name)), ', ') : inline`none (besides ${code('job')} and ${code('instance')})` },
      ...(m.buckets ? [{ label: inline`Buckets`, value: inline`${m.buckets.map((b) => formatValue(b, m.unit)).join(', ')}` }] : []),
      ...(m.bands ? [{ label: inline`Bands (${code(m.bands.name)})`, value: bandsInline(m.bands, ctx) }] : []),
      { label: inline`Estimated series`, value: inline`${m.estimatedSeries}` },
      ...Object.entries(m.waivers)
        .sort(([a], [b]) => compare(a, b))
        .map(([rule, reason]) => ({ label: inline`Waiver ${code(rule)}`, value: ctx.proseInline(reason) })),
      ...(rulesOf.get(m.name)?.length ? [{ label: inline`Recording rules`, value: join(rulesOf.get(m.name) ?? [], ', ') }] : []),
      ...(panelsOf.get(m.name)?.length ? [{ label: inline`Panels`, value: join(panelsOf.get(m.name) ?? [], ', ') }] : []),
      ...(alertsOf.get(m.name)?.length ? [{ label: inline`Alerts`, value: join(alertsOf.get(m.name) ?? [], ', ') }] : []),
    ].map((f) => ({ label: f.label, value: cell(f.value) }));
    const view: MetricView = {
      heading: code(m.name),
      help: ctx.text(m.help),
      meaning: ctx.prose(m.meaning),
      deprecated: m.deprecated
        ? inline`Deprecated: ${ctx.proseInline(m.deprecated.reason)}${m.deprecated.replacement ? inline` Use ${code(m.deprecated.replacement)} instead.` : ''}`
        : inline``,
      facts,
      labels: m.labels.map((l) => ({
        name: code(l.name),
        description: cell(ctx.proseInline(l.description)),
        values: cell(l.values ? join(l.values.map(code), ', ') : 'unbounded list'),
        cardinality: String(l.cardinality),
      })),
    };
    groups.set(m.group, [...(groups.get(m.group) ?? []), view]);
  }

  return {
    title: ctx.text(`${model.service.title} metrics catalogue`),
    service: code(model.service.name),
    summary: inline`${count(model.metrics.length, 'metric')} and ${count(model.recordingRules.length, 'recording rule')}; about ${model.seriesEstimate.total} active series${
      model.seriesEstimate.budget !== undefined ? ` (budget ${model.seriesEstimate.budget})` : ''
    }.`,
    setupGuide: link('setup guide', `${model.service.setupGuide}#metrics-reference`),
    groups: [...groups.entries()]
      .map(([g, metrics]) => ({ key: groupTitle(g), title: ctx.text(groupTitle(g)), metrics }))
      .sort((a, b) => compare(a.key, b.key))
      .map(({ title, metrics }) => ({ title, metrics })),
    recordingRules: model.recordingRules.map((r) => ({
      name: code(r.name),
      unit: r.unit,
      description: cell(ctx.proseInline(r.description)),
      expr: cell(code(r.expr)),
    })),
  };
}
