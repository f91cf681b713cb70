/**
 * Runs a preview's planned queries against Prometheus (`query_range` for time series, `query` for
 * instant targets; https://prometheus.io/docs/prometheus/latest/querying/api/#expression-queries).
 * An unreachable Prometheus is a usage error (exit 2) naming the URL; a query Prometheus refuses
 * (a PromQL error) is that panel's reason; Loki targets are not run (no Loki client here).
 */
import { prometheusRequest } from '@monspec/dashboards';
import type { PlannedQuery, QueryOutcome, Series } from '@monspec/preview';
import { UsageError } from '../errors.js';
import { prometheusData, type Fail, type PromQueryData } from '../http/json-api.js';

class Refused extends Error {}

const fail: Fail = (message, kind) => (kind === 'unreachable' ? new UsageError(message) : new Refused(message));

function toSeries(data: PromQueryData): Series[] {
  if (data.resultType === 'scalar') {
    const [t, v] = data.result as [number, string];
    return [{ labels: {}, points: [[t * 1000, Number(v)]] }];
  }
  if (data.resultType === 'string') return [];
  return (data.result as Array<{ metric: Record<string, string>; value?: [number, string]; values?: Array<[number, string]> }>).map((r) => ({
    labels: r.metric,
    points: (r.values ?? (r.value ? [r.value] : [])).map(([t, v]) => [t * 1000, Number(v)] as const),
  }));
}

/** Fails with exit 2 unless Prometheus answers its build-info endpoint. */
export async function checkPrometheus(base: string): Promise<void> {
  await prometheusData(base, '/api/v1/status/buildinfo', (message, kind) => new UsageError(kind === 'unreachable' ? message : `${message} (is ${base} a Prometheus?)`));
}

export async function runPlanned(base: string, planned: readonly PlannedQuery[]): Promise<QueryOutcome[]> {
  const out: QueryOutcome[] = [];
  for (const p of planned) {
    if (p.datasource === 'loki') {
      out.push({ panel: p.panel, refId: p.refId, error: 'Loki query, not run (no Loki)' });
      continue;
    }
    const { path, params } = prometheusRequest(p.query);
    try {
      const data = await prometheusData<PromQueryData>(base, path, fail, params);
      out.push({ panel: p.panel, refId: p.refId, series: toSeries(data) });
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      out.push({ panel: p.panel, refId: p.refId, error: `query refused: ${err.message}` });
    }
  }
  return out;
}
