/**
 * Every target of the generated dashboards, run the way Grafana runs it: the query Grafana would send
 * (`grafanaQuery` of @monspec/dashboards, the one implementation `monspec preview` uses too: macros
 * and variables expanded by `expandMacros`, max data points from the panel's width, the scrape
 * interval as minimum interval), sent to the real Prometheus as a range or instant query.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prometheusRequest, type DashboardJson, type RunnableQuery } from '@monspec/dashboards';
import { readsAsFile, walkTree } from '@monspec/metrics-spec/node';

export { grafanaQuery, type DashboardJson, type PanelJson, type TargetJson } from '@monspec/dashboards';

export function readDashboards(outDir: string): DashboardJson[] {
  const dir = join(outDir, 'grafana/dashboards');
  return [...walkTree(dir, { skip: (_path, kind) => kind === 'dir' })]
    // The stack's output is built with --atomic: its dashboards are links, which Grafana reads as files.
    .filter(([f, kind]) => readsAsFile(join(dir, f), kind) && f.endsWith('.json'))
    .map(([f]) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DashboardJson);
}

export interface QueryResult {
  /** Per series: its labels and values (one for instant queries). */
  readonly series: ReadonlyArray<{ readonly labels: Readonly<Record<string, string>>; readonly values: readonly number[] }>;
}

export async function runQuery(prometheusUrl: string, q: RunnableQuery): Promise<QueryResult> {
  const { path, params } = prometheusRequest(q);
  const res = await fetch(`${prometheusUrl}${path}`, { method: 'POST', body: params, signal: AbortSignal.timeout(10_000) });
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
