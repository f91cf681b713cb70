import { TableCellDisplayMode, TableSortByFieldStateBuilder } from '@grafana/grafana-foundation-sdk/common';
import type { DataTransformerConfig } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import type { ResolvedPanel, ResolvedQuery } from '@monspec/metrics-spec';
import { applyCommon } from './common.js';
import type { PanelContext } from './context.js';

/**
 * The column a query's value lands in: Grafana names it `Value` for one query and `Value #<refId>`
 * for several. A literal legend (no `{{label}}`) names it, or the panel title for a single query.
 */
export function valueColumn(panel: ResolvedPanel, q: ResolvedQuery): { from: string; to: string | undefined } {
  const from = panel.queries.length === 1 ? 'Value' : `Value #${q.refId}`;
  if (q.legend !== undefined && !q.legend.includes('{{')) return { from, to: q.legend };
  return { from, to: panel.queries.length === 1 ? panel.title : undefined };
}

/** One row per series: merge the queries on their labels, drop the timestamp, name the value columns. */
function tableTransformations(panel: ResolvedPanel): DataTransformerConfig[] {
  const out: DataTransformerConfig[] = [];
  if (panel.queries.length > 1) out.push({ id: 'merge', options: {} });
  const renameByName: Record<string, string> = {};
  for (const q of panel.queries) {
    const c = valueColumn(panel, q);
    if (c.to !== undefined) renameByName[c.from] = c.to;
  }
  out.push({ id: 'organize', options: { excludeByName: { Time: true }, indexByName: {}, renameByName } });
  if (panel.limit !== undefined) out.push({ id: 'limit', options: { limitField: panel.limit } });
  return out;
}

export function tablePanel(ctx: PanelContext): PanelBuilder {
  const { panel } = ctx;
  const b = applyCommon(new PanelBuilder(), ctx, { color: 'thresholds' }).showHeader(true);
  for (const t of tableTransformations(panel)) b.withTransformation(t);
  const first = panel.queries[0];
  // Top-N tables list the largest value first.
  if (panel.limit !== undefined && first) {
    const c = valueColumn(panel, first);
    b.sortBy([new TableSortByFieldStateBuilder().displayName(c.to ?? c.from).desc(true)]);
  }
  // Colour the numbers by band; label columns stay plain.
  if (panel.threshold) b.overrideByFieldType('number', [{ id: 'custom.cellOptions', value: { type: TableCellDisplayMode.ColorText } }]);
  return b;
}
