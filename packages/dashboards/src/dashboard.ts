/**
 * One resolved dashboard → classic Grafana dashboard JSON (schemaVersion 42) via the Foundation SDK.
 * Positions and ids are set here, never left to the SDK's auto-layout, so the output depends only on
 * the model.
 */
import { DashboardBuilder, DashboardCursorSync, TimePickerBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { ResolvedDashboard, ResolvedModel } from '@monspec/metrics-spec';
import { datasourceVariable } from './datasource.js';
import { layoutPanels } from './layout.js';
import { dashboardLinksJson, errorLogQuery, serviceTag } from './links.js';
import { buildPanel } from './panels/index.js';
import { toPlain, type Json } from './serialize.js';
import { quickRanges } from './time-options.js';
import { templateVariable } from './variables.js';

/**
 * Which datasource variables a dashboard needs: Prometheus for PromQL and label-value variables, Loki
 * for LogQL, including the error-log Explore links of `logsLink` panels (they open Loki through ${loki}).
 */
function datasourceKinds(model: ResolvedModel, dashboard: ResolvedDashboard): { prometheus: boolean; loki: boolean } {
  const kinds = new Set(dashboard.panels.flatMap((p) => p.queries.map((q) => q.datasource)));
  return {
    prometheus: kinds.has('prometheus') || dashboard.variables.some((v) => v.metric !== undefined),
    loki: kinds.has('loki') || (dashboard.panels.some((p) => p.logsLink) && errorLogQuery(model) !== undefined),
  };
}

/**
 * The SDK gives every link `placement: "inControlsMenu"`, which tucks dashboard links away in
 * Grafana 12's controls menu and means nothing on panel links; links are dropped of it.
 */
function dropLinkPlacement(value: Json): void {
  if (Array.isArray(value)) {
    value.forEach(dropLinkPlacement);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const links = value['links'];
  if (Array.isArray(links)) for (const l of links) if (l !== null && typeof l === 'object' && !Array.isArray(l)) delete l['placement'];
  const panels = value['panels'];
  if (Array.isArray(panels)) dropLinkPlacement(panels);
}

export function buildDashboard(model: ResolvedModel, dashboard: ResolvedDashboard): Json {
  const b = new DashboardBuilder(dashboard.title)
    .uid(dashboard.uid)
    .description(dashboard.description)
    .tags([...new Set([...dashboard.tags, serviceTag(model)])])
    .refresh(dashboard.refresh)
    .time({ from: dashboard.time.from, to: dashboard.time.to })
    .timezone('browser')
    .tooltip(DashboardCursorSync.Crosshair)
    // Provisioned from files: edits in the UI would be overwritten on the next deploy.
    .readonly()
    .timepicker(new TimePickerBuilder().quickRanges(quickRanges(dashboard.timeOptions)))
    // Set on the plain JSON below: the links are shared across the model's dashboards.
    .links([]);

  const kinds = datasourceKinds(model, dashboard);
  if (kinds.prometheus) b.withVariable(datasourceVariable(model, 'prometheus'));
  if (kinds.loki) b.withVariable(datasourceVariable(model, 'loki'));
  for (const v of dashboard.variables) b.withVariable(templateVariable(v));

  const positions = layoutPanels(dashboard.panels.map((p) => ({ width: p.width, height: p.height })));
  dashboard.panels.forEach((panel, i) => {
    const gridPos = positions[i];
    if (gridPos) b.withPanel(buildPanel({ model, dashboard, panel, gridPos }));
  });

  const json = toPlain(b.build());
  dropLinkPlacement(json);
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) json['links'] = dashboardLinksJson(model);
  return json;
}

/**
 * The JSON of every dashboard of the model, built once: `generate` and the lint both read it and
 * neither changes it. Callers that edit dashboard JSON (lint fixtures) copy it first: the link objects
 * are shared between dashboards.
 */
export function modelDashboards(model: ResolvedModel): readonly Json[] {
  let built = builtByModel.get(model);
  if (!built) {
    built = model.dashboards.map((d) => buildDashboard(model, d));
    builtByModel.set(model, built);
  }
  return built;
}

const builtByModel = new WeakMap<ResolvedModel, readonly Json[]>();
