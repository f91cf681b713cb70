/**
 * The spec's dashboard variables as Grafana template variables: a label-values query when the
 * variable names a metric (values follow what Prometheus has), a custom list when it declares values.
 */
import { CustomVariableBuilder, QueryVariableBuilder, VariableRefresh, VariableSort, type VariableModel, type VariableOption } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { ResolvedVariable } from '@monspec/metrics-spec';
import { datasourceRef } from './datasource.js';

/**
 * What "All" stands for. `.*` rather than Grafana's default (an alternation of the current values)
 * keeps queries short and includes values that appear after the dashboard loaded; queries use the
 * variable with `=~`.
 */
export const ALL_VALUE = '.*';

function currentOption(v: ResolvedVariable): VariableOption | undefined {
  if (v.includeAll) return { selected: true, text: v.multi ? ['All'] : 'All', value: v.multi ? ['$__all'] : '$__all' };
  const first = v.values?.[0];
  return first === undefined ? undefined : { selected: true, text: first, value: first };
}

export function templateVariable(v: ResolvedVariable): Builder<VariableModel> {
  const current = currentOption(v);
  if (v.metric !== undefined) {
    const query = `label_values(${v.metric}, ${v.name})`;
    const b = new QueryVariableBuilder(v.name)
      .label(v.label)
      .datasource(datasourceRef('prometheus'))
      .query(query)
      .definition(query)
      .refresh(VariableRefresh.OnTimeRangeChanged)
      .sort(VariableSort.AlphabeticalAsc)
      .multi(v.multi)
      .includeAll(v.includeAll);
    if (v.includeAll) b.allValue(ALL_VALUE);
    if (current) b.current(current);
    return b;
  }
  const values = v.values ?? [];
  const b = new CustomVariableBuilder(v.name)
    .label(v.label)
    .values(values.join(','))
    .options(values.map((value, i) => ({ selected: !v.includeAll && i === 0, text: value, value })))
    .multi(v.multi)
    .includeAll(v.includeAll);
  if (v.includeAll) b.allValue(ALL_VALUE);
  if (current) b.current(current);
  return b;
}
