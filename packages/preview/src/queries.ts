/**
 * The queries a preview runs against Prometheus: each panel target as Grafana would send it
 * (`grafanaQuery` of @monspec/dashboards over the generated dashboard JSON, the one implementation
 * the e2e panel check uses), and their results assembled into the preview's data. No I/O here: the
 * CLI sends the queries.
 */
import { buildDashboard, grafanaQuery, type DashboardJson, type RunnableQuery } from '@monspec/dashboards';
import type { ResolvedDashboard, ResolvedModel } from '@monspec/metrics-spec';
import type { DashboardData, PanelData, Series } from './data.js';

export interface PlannedQuery {
  readonly panel: string;
  readonly refId: string;
  readonly datasource: 'prometheus' | 'loki';
  readonly query: RunnableQuery;
}

/** Every target of the dashboard over `range`, macros and variables expanded as Grafana does. */
export function plannedQueries(model: ResolvedModel, dashboard: ResolvedDashboard, range: { readonly fromMs: number; readonly toMs: number }): PlannedQuery[] {
  const json = buildDashboard(model, dashboard) as unknown as DashboardJson;
  const out: PlannedQuery[] = [];
  for (const p of json.panels) {
    const panel = dashboard.panels.find((x) => x.id === p.id);
    if (!panel) continue;
    for (const t of p.targets ?? []) {
      out.push({ panel: panel.key, refId: t.refId, datasource: t.datasource.type === 'loki' ? 'loki' : 'prometheus', query: grafanaQuery(json, p, t, model.service.scrapeInterval, range.toMs, range) });
    }
  }
  return out;
}

/** One query's answer: its series, or why it has none (a query Prometheus refused, a Loki query not run). */
export interface QueryOutcome {
  readonly panel: string;
  readonly refId: string;
  readonly series?: readonly Series[];
  readonly error?: string;
}

/**
 * The preview's data from the outcomes: a panel whose queries all failed or were not run is
 * unavailable with the first reason; otherwise the series it got (none at all draws "No data").
 */
export function measuredData(dashboard: ResolvedDashboard, range: { readonly fromMs: number; readonly toMs: number }, outcomes: readonly QueryOutcome[]): DashboardData {
  const panels: Record<string, PanelData> = {};
  for (const panel of dashboard.panels) {
    const mine = outcomes.filter((o) => o.panel === panel.key);
    const answered = mine.filter((o) => o.series !== undefined);
    if (answered.length === 0) {
      panels[panel.key] = { kind: 'unavailable', reason: mine.find((o) => o.error !== undefined)?.error ?? 'not queried' };
      continue;
    }
    panels[panel.key] = { kind: 'series', queries: answered.map((o) => ({ refId: o.refId, series: o.series ?? [] })) };
  }
  return { source: 'prometheus', fromMs: range.fromMs, toMs: range.toMs, panels };
}
