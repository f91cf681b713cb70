/**
 * The query Grafana sends for one panel target: its macros and the dashboard's variables expanded by
 * `expandMacros` (grafana-macros.ts, the one implementation), as a Prometheus range or instant query.
 * Shared by the e2e panel check and `monspec preview --prometheus`, so both run exactly what Grafana
 * would run.
 *
 * What Grafana would know and this supplies:
 * - the time range (the dashboard's default, `time.from`/`time.to`, unless the caller picks another);
 * - max data points = the panel's pixel width (Grafana's default), taken as gridPos.w × 80 px (a
 *   1920 px wide screen over 24 columns);
 * - the scrape interval of the data source (`jsonData.timeInterval`, the spec's scrape interval),
 *   which is also the minimum `$__interval`;
 * - variables at their defaults (All → the all value).
 * Source: https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
 */
import { parseDuration } from '@monspec/metrics-spec';
import { defaultVariableValues, expandMacros, grafanaInterval } from './grafana-macros.js';

/** The parts of a target of the dashboard JSON the query depends on. */
export interface TargetJson {
  readonly refId: string;
  readonly expr: string;
  readonly instant?: boolean;
  readonly queryType?: string;
  readonly datasource: { readonly type: string };
}

export interface PanelJson {
  readonly id: number;
  readonly title: string;
  readonly type: string;
  readonly gridPos: { readonly w: number };
  readonly targets?: readonly TargetJson[];
  readonly fieldConfig?: { readonly defaults?: { readonly unit?: string; readonly min?: number; readonly max?: number } };
}

export interface DashboardJson {
  readonly uid: string;
  readonly title: string;
  readonly time: { readonly from: string; readonly to: string };
  readonly panels: readonly PanelJson[];
}

/** `now-6h` (or `-6h`) → ms before now; `now` → 0. Only the relative forms. */
export function relativeMs(text: string): number {
  if (text === 'now') return 0;
  const m = /^(?:now)?-(.+)$/.exec(text);
  const seconds = m ? parseDuration(m[1] ?? '') : Number.NaN;
  if (!Number.isFinite(seconds)) throw new Error(`Unexpected time "${text}", expected now, now-<duration> or -<duration>`);
  return seconds * 1000;
}

/** The dashboard's default time range at `nowMs`, epoch ms. */
export function dashboardRange(dashboard: DashboardJson, nowMs: number): { fromMs: number; toMs: number } {
  return { fromMs: nowMs - relativeMs(dashboard.time.from), toMs: nowMs - relativeMs(dashboard.time.to) };
}

export function isInstantTarget(t: TargetJson): boolean {
  return t.instant === true || t.queryType === 'instant';
}

export interface RunnableQuery {
  readonly expr: string;
  readonly instant: boolean;
  readonly fromMs: number;
  readonly toMs: number;
  readonly stepMs: number;
}

/** The query Grafana would send for one target over `range` (default: the dashboard's range at `nowMs`). */
export function grafanaQuery(
  dashboard: DashboardJson,
  panel: PanelJson,
  target: TargetJson,
  scrapeInterval: string,
  nowMs: number,
  range: { readonly fromMs: number; readonly toMs: number } = dashboardRange(dashboard, nowMs),
): RunnableQuery {
  const { fromMs, toMs } = range;
  const scrapeIntervalMs = parseDuration(scrapeInterval) * 1000;
  const intervalMs = grafanaInterval(toMs - fromMs, panel.gridPos.w * 80, scrapeIntervalMs);
  const kind = target.datasource.type === 'loki' ? 'loki' : 'prometheus';
  const instant = isInstantTarget(target);
  const expr = expandMacros(target.expr, kind, { fromMs, toMs, intervalMs, scrapeIntervalMs, instant, variables: defaultVariableValues(dashboard) });
  return { expr, instant, fromMs, toMs, stepMs: intervalMs };
}

/**
 * The Prometheus HTTP API call that runs a query as Grafana does: `/api/v1/query` at its end for an
 * instant query, else `/api/v1/query_range` over its range with its step, times in seconds
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries).
 */
export function prometheusRequest(q: RunnableQuery): { readonly path: '/api/v1/query' | '/api/v1/query_range'; readonly params: URLSearchParams } {
  const params = new URLSearchParams({ query: q.expr });
  if (q.instant) {
    params.set('time', String(q.toMs / 1000));
    return { path: '/api/v1/query', params };
  }
  params.set('start', String(q.fromMs / 1000));
  params.set('end', String(q.toMs / 1000));
  params.set('step', String(q.stepMs / 1000));
  return { path: '/api/v1/query_range', params };
}
