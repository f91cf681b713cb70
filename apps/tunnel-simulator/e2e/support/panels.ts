/**
 * Every target of the generated dashboards, run the way Grafana runs it: macros and variables
 * expanded by @monspec/dashboards' `expandMacros` (the one implementation), then sent to the real
 * Prometheus as the range or instant query the target asks for.
 *
 * What Grafana would know and this supplies:
 * - the dashboard's default time range (`time.from`/`time.to`, `now-<duration>` to `now`);
 * - max data points = the panel's pixel width (Grafana's default), taken as gridPos.w × 80 px (a
 *   1920 px wide screen over 24 columns);
 * - the scrape interval of the data source (`jsonData.timeInterval`, the spec's scrape interval),
 *   which is also the minimum `$__interval`;
 * - variables at their defaults (All → the all value).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultVariableValues, expandMacros, grafanaInterval } from '@monspec/dashboards';
import { parseDuration } from '@monspec/metrics-spec';
import { readsAsFile, walkTree } from '@monspec/metrics-spec/node';

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

export function readDashboards(outDir: string): DashboardJson[] {
  const dir = join(outDir, 'grafana/dashboards');
  return [...walkTree(dir, { skip: (_path, kind) => kind === 'dir' })]
    // The stack's output is built with --atomic: its dashboards are links, which Grafana reads as files.
    .filter(([f, kind]) => readsAsFile(join(dir, f), kind) && f.endsWith('.json'))
    .map(([f]) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DashboardJson);
}

/** `now-6h` → ms before now; only the relative form the generator writes. */
function relativeMs(text: string): number {
  if (text === 'now') return 0;
  const m = /^now-(.+)$/.exec(text);
  const seconds = m ? parseDuration(m[1] ?? '') : Number.NaN;
  if (!Number.isFinite(seconds)) throw new Error(`Unexpected time "${text}", expected now or now-<duration>`);
  return seconds * 1000;
}

function isInstant(t: TargetJson): boolean {
  return t.instant === true || t.queryType === 'instant';
}

export interface RunnableQuery {
  readonly expr: string;
  readonly instant: boolean;
  readonly fromMs: number;
  readonly toMs: number;
  readonly stepMs: number;
}

/** The query Grafana would send for one target at `nowMs`. */
export function grafanaQuery(dashboard: DashboardJson, panel: PanelJson, target: TargetJson, scrapeInterval: string, nowMs: number): RunnableQuery {
  const toMs = nowMs - relativeMs(dashboard.time.to);
  const fromMs = nowMs - relativeMs(dashboard.time.from);
  const scrapeIntervalMs = parseDuration(scrapeInterval) * 1000;
  const intervalMs = grafanaInterval(toMs - fromMs, panel.gridPos.w * 80, scrapeIntervalMs);
  const kind = target.datasource.type === 'loki' ? 'loki' : 'prometheus';
  const instant = isInstant(target);
  const expr = expandMacros(target.expr, kind, { fromMs, toMs, intervalMs, scrapeIntervalMs, instant, variables: defaultVariableValues(dashboard) });
  return { expr, instant, fromMs, toMs, stepMs: intervalMs };
}

export interface QueryResult {
  /** Per series: its labels and values (one for instant queries). */
  readonly series: ReadonlyArray<{ readonly labels: Readonly<Record<string, string>>; readonly values: readonly number[] }>;
}

export async function runQuery(prometheusUrl: string, q: RunnableQuery): Promise<QueryResult> {
  const params = new URLSearchParams({ query: q.expr });
  if (q.instant) params.set('time', String(q.toMs / 1000));
  else {
    params.set('start', String(q.fromMs / 1000));
    params.set('end', String(q.toMs / 1000));
    params.set('step', String(q.stepMs / 1000));
  }
  const res = await fetch(`${prometheusUrl}/api/v1/${q.instant ? 'query' : 'query_range'}`, { method: 'POST', body: params, signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: Array<{ metric: Record<string, string>; value?: [number, string]; values?: Array<[number, string]> }> } };
  if (body.status !== 'success' || !body.data) throw new Error(`Prometheus rejected ${q.expr}: ${body.error ?? res.status}`);
  if (body.data.resultType === 'scalar') {
    const v = body.data.result as unknown as [number, string];
    return { series: [{ labels: {}, values: [Number(v[1])] }] };
  }
  return {
    series: body.data.result.map((r) => ({ labels: r.metric, values: (r.values ?? (r.value ? [r.value] : [])).map(([, v]) => Number(v)) })),
  };
}

/** The range of values a Grafana unit allows, when it has one. */
export function unitRange(unit: string | undefined): readonly [number, number] | undefined {
  if (unit === 'percentunit') return [0, 1];
  if (unit === 'percent') return [0, 100];
  return undefined;
}

/** What a panel shows now: the largest last value over its targets and series. */
export function panelValue(results: readonly QueryResult[]): number | undefined {
  let out: number | undefined;
  for (const r of results) {
    for (const s of r.series) {
      const last = [...s.values].reverse().find((v) => Number.isFinite(v));
      if (last !== undefined) out = out === undefined ? last : Math.max(out, last);
    }
  }
  return out;
}
