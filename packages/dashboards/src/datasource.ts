/**
 * Datasources are referenced through dashboard variables (`${datasource}`, `${loki}`), never by a
 * hard-coded uid: the variable defaults to the model's fixed uid, and a Grafana with differently
 * named datasources still works by picking another one in the dashboard.
 */
import { DatasourceVariableBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import type { DatasourceKind, ResolvedModel } from '@monspec/metrics-spec';

/** The template variable name per datasource kind. */
export const DATASOURCE_VARIABLES: Readonly<Record<DatasourceKind, string>> = {
  prometheus: 'datasource',
  loki: 'loki',
};

/** Grafana's pseudo-datasource for panels whose targets use different datasources. */
export const MIXED_DATASOURCE: DataSourceRef = { type: 'datasource', uid: '-- Mixed --' };

export function datasourceRef(kind: DatasourceKind): DataSourceRef {
  return { type: kind, uid: `\${${DATASOURCE_VARIABLES[kind]}}` };
}

/** The datasource-type variable for one kind, defaulting to the model's datasource. */
export function datasourceVariable(model: ResolvedModel, kind: DatasourceKind): DatasourceVariableBuilder {
  const ds = model.service.datasources[kind];
  return new DatasourceVariableBuilder(DATASOURCE_VARIABLES[kind])
    .label(kind === 'prometheus' ? 'Prometheus' : 'Loki')
    .type(kind)
    .current({ selected: true, text: ds.name, value: ds.uid });
}
