/** The metrics catalogue's view model: every metric with labels, bands and what reads it. */
import { formatValue, indexModel, panelUrl, type ResolvedModel } from '@monspec/metrics-spec';
import { cell, code, count, link, prose, text } from '../markdown/inline.js';
import { SETUP_GUIDE, runbookDoc } from '../paths.js';
import { bandsInline, compare, groupTitle, metricsRead } from './common.js';

export interface MetricsView {
  readonly title: string;
  readonly environment: string;
  readonly service: string;
  readonly summary: string;
  readonly setupGuide: string;
  readonly groups: readonly { readonly title: string; readonly metrics: readonly MetricView[] }[];
  readonly recordingRules: readonly { readonly name: string; readonly unit: string; readonly description: string; readonly expr: string }[];
}

export interface MetricView {
  readonly heading: string;
  readonly help: string;
  readonly meaning: string;
  readonly deprecated: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly labels: readonly { readonly name: string; readonly description: string; readonly values: string; readonly cardinality: string }[];
}

const ORIGIN = { service: 'exported by the service', process: 'Node.js process collector', prometheus: 'recorded by Prometheus' } as const;

export function metricsView(model: ResolvedModel): MetricsView {
  const index = indexModel(model);
  const panelsOf = new Map<string, string[]>();
  const alertsOf = new Map<string, string[]>();
  const rulesOf = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(key, list);
  };
  for (const d of model.dashboards) {
    for (const p of d.panels) {
      for (const q of p.queries) {
        if (q.datasource !== 'prometheus') continue;
        for (const m of metricsRead(q.expr, index)) add(panelsOf, m, link(`${text(d.title)} › ${text(p.title)}`, panelUrl(model, d, p)));
      }
    }
  }
  for (const a of model.alerts) {
    if (a.datasource !== 'prometheus') continue;
    for (const m of metricsRead(a.expr, index)) add(alertsOf, m, link(text(a.name), runbookDoc(a.name)));
  }
  for (const r of model.recordingRules) for (const m of metricsRead(r.expr, index)) add(rulesOf, m, code(r.name));

  const groups = new Map<string, MetricView[]>();
  for (const m of model.metrics) {
    const facts = [
      { label: 'Type', value: m.type },
      { label: 'Unit', value: m.unit },
      { label: 'Source', value: ORIGIN[m.origin] },
      { label: 'Labels', value: m.labels.length ? m.labels.map((l) => code(l.name)).join(', ') : 'none (besides `job` and `instance`)' },
      ...(m.buckets ? [{ label: 'Buckets', value: m.buckets.map((b) => formatValue(b, m.unit)).join(', ') }] : []),
      ...(m.bands ? [{ label: `Bands (${code(m.bands.name)})`, value: bandsInline(m.bands) }] : []),
      { label: 'Estimated series', value: String(m.estimatedSeries) },
      ...Object.entries(m.waivers)
        .sort(([a], [b]) => compare(a, b))
        .map(([rule, reason]) => ({ label: `Waiver ${code(rule)}`, value: prose(reason) })),
      ...(rulesOf.get(m.name)?.length ? [{ label: 'Recording rules', value: (rulesOf.get(m.name) ?? []).join(', ') }] : []),
      ...(panelsOf.get(m.name)?.length ? [{ label: 'Panels', value: (panelsOf.get(m.name) ?? []).join(', ') }] : []),
      ...(alertsOf.get(m.name)?.length ? [{ label: 'Alerts', value: (alertsOf.get(m.name) ?? []).join(', ') }] : []),
    ].map((f) => ({ label: f.label, value: cell(f.value) }));
    const view: MetricView = {
      heading: code(m.name),
      help: text(m.help),
      meaning: prose(m.meaning),
      deprecated: m.deprecated ? `Deprecated: ${prose(m.deprecated.reason)}${m.deprecated.replacement ? ` Use ${code(m.deprecated.replacement)} instead.` : ''}` : '',
      facts,
      labels: m.labels.map((l) => ({
        name: code(l.name),
        description: cell(prose(l.description)),
        values: cell(l.values ? l.values.map(code).join(', ') : 'unbounded list'),
        cardinality: String(l.cardinality),
      })),
    };
    groups.set(m.group, [...(groups.get(m.group) ?? []), view]);
  }

  return {
    title: `${model.service.title} metrics catalogue`,
    environment: model.environment,
    service: code(model.service.name),
    summary: `${count(model.metrics.length, 'metric')} and ${count(model.recordingRules.length, 'recording rule')}; about ${model.seriesEstimate.total} active series${
      model.seriesEstimate.budget !== undefined ? ` (budget ${model.seriesEstimate.budget})` : ''
    }.`,
    setupGuide: link('setup guide', `${SETUP_GUIDE}#metrics-reference`),
    groups: [...groups.entries()].map(([g, metrics]) => ({ title: groupTitle(g), metrics })).sort((a, b) => compare(a.title, b.title)),
    recordingRules: model.recordingRules.map((r) => ({
      name: code(r.name),
      unit: r.unit,
      description: cell(prose(r.description)),
      expr: cell(code(r.expr)),
    })),
  };
}
