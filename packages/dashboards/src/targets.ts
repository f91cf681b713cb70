/** The spec's queries as Prometheus and Loki targets, each through its datasource variable. */
import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import { DataqueryBuilder as PrometheusQuery, PromQueryFormat, QueryEditorMode as PromEditorMode } from '@grafana/grafana-foundation-sdk/prometheus';
import { DataqueryBuilder as LokiQuery, LokiQueryType, QueryEditorMode as LokiEditorMode } from '@grafana/grafana-foundation-sdk/loki';
import type { ResolvedQuery } from '@monspec/metrics-spec';
import { datasourceRef } from './datasource.js';

function prometheusTarget(q: ResolvedQuery): PrometheusQuery {
  const b = new PrometheusQuery()
    .refId(q.refId)
    .datasource(datasourceRef('prometheus'))
    .editorMode(PromEditorMode.Code)
    .expr(q.expr)
    .format(q.format === 'table' ? PromQueryFormat.Table : PromQueryFormat.TimeSeries);
  if (q.instant) b.instant();
  else b.range();
  if (q.legend !== undefined) b.legendFormat(q.legend);
  return b;
}

function lokiTarget(q: ResolvedQuery): LokiQuery {
  const b = new LokiQuery()
    .refId(q.refId)
    .datasource(datasourceRef('loki'))
    .editorMode(LokiEditorMode.Code)
    .expr(q.expr)
    .queryType(q.instant ? LokiQueryType.Instant : LokiQueryType.Range);
  if (q.legend !== undefined) b.legendFormat(q.legend);
  return b;
}

export function target(q: ResolvedQuery): Builder<Dataquery> {
  return q.datasource === 'loki' ? lokiTarget(q) : prometheusTarget(q);
}
