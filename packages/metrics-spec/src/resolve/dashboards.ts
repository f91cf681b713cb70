/** Dashboards: panel ids, kinds, queries, the metrics each panel reads, units and sizes. */
import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import { DEFAULTS } from '../conventions.js';
import type { Dashboard, MonspecDocument, Panel, Unit } from '../generated/spec-types.js';
import type { DatasourceKind, ResolvedDashboard, ResolvedPanel, ResolvedThreshold } from '../model.js';
import { analyzePromql } from '../promql/analyze.js';
import type { CheckContext } from '../checks/context.js';
import { own } from '../own.js';

const DEFAULT_INSTANT: Record<ResolvedPanel['type'], boolean> = {
  timeseries: false,
  logs: false,
  gauge: true,
  stat: true,
  table: true,
  piechart: true,
  bargauge: true,
};

/**
 * Declared metrics and recording rules an expression names, in order of appearance; a histogram's or
 * summary's series stands for its metric (the check context's series index).
 */
function metricsOf(expr: string, spec: MonspecDocument, ctx: CheckContext): string[] {
  const out: string[] = [];
  for (const sel of analyzePromql(expr).selectors) {
    const name = own(spec.metrics, sel.name) || ctx.recordedNames.has(sel.name) ? sel.name : ctx.seriesOrigins.get(sel.name)?.metric;
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

export function resolveDashboard(
  uid: string,
  d: Dashboard,
  spec: MonspecDocument,
  ctx: CheckContext,
  thresholds: ReadonlyMap<string, ResolvedThreshold>,
): ResolvedDashboard {
  const entries = Object.entries(d.panels ?? {});
  const reserved = new Set(entries.map(([, panel]) => panel.id).filter((id): id is number => id !== undefined));
  let next = 1;
  const panels = entries.map(([key, panel]: [string, Panel]): ResolvedPanel => {
    let id = panel.id;
    if (id === undefined) {
      while (reserved.has(next)) next++;
      id = next++;
    }
    // Required by the schema (templates are validated after expansion): the fallback only keeps the type total.
    const type = panel.type ?? 'timeseries';
    const queries = (panel.queries ?? []).map((q, i) => {
      const datasource: DatasourceKind = q.datasource ?? (type === 'logs' ? 'loki' : 'prometheus');
      return {
        refId: String.fromCharCode(65 + i),
        expr: q.expr,
        datasource,
        legend: q.legend,
        instant: q.instant ?? DEFAULT_INSTANT[type],
        format: q.format ?? (type === 'table' ? 'table' : 'time_series'),
      } as const;
    });
    const metrics = panel.metrics ?? [...new Set(queries.filter((q) => q.datasource === 'prometheus').flatMap((q) => metricsOf(q.expr, spec, ctx)))];
    const primary = metrics[0];
    const primaryMetric = primary ? own(spec.metrics, primary) : undefined;
    const primaryRule = primary ? own(spec.recordingRules, primary) : undefined;
    const threshold = panel.threshold ? thresholds.get(panel.threshold) : undefined;
    const unit: Unit | undefined = panel.unit ?? threshold?.unit ?? primaryRule?.unit ?? primaryMetric?.unit;
    return {
      key,
      id,
      title: panel.title ?? key,
      type,
      description: panel.description ?? primaryMetric?.meaning ?? primaryRule?.description ?? '',
      metrics,
      unit,
      threshold,
      queries,
      width: panel.width ?? DEFAULTS.panelWidth[type],
      height: panel.height ?? DEFAULTS.panelHeight,
      min: panel.min,
      max: panel.max,
      decimals: panel.decimals,
      limit: panel.limit,
      valueMappings: (panel.valueMappings ?? []).map((m) => ({ value: m.value, text: m.text, color: m.color })),
      logsLink: panel.logsLink ?? SCHEMA_DEFAULTS.panel.logsLink,
    };
  });
  return {
    uid,
    title: d.title,
    description: d.description,
    tags: d.tags ?? SCHEMA_DEFAULTS.dashboard.tags,
    refresh: d.refresh ?? SCHEMA_DEFAULTS.dashboard.refresh,
    time: d.time ?? SCHEMA_DEFAULTS.dashboard.time,
    timeOptions: d.timeOptions ?? SCHEMA_DEFAULTS.dashboard.timeOptions,
    variables: Object.entries(d.variables ?? {}).map(([name, v]) => ({
      name,
      label: v.label,
      metric: v.metric,
      values: v.values,
      multi: v.multi ?? SCHEMA_DEFAULTS.dashboardVariable.multi,
      includeAll: v.includeAll ?? SCHEMA_DEFAULTS.dashboardVariable.includeAll,
    })),
    panels,
  };
}
