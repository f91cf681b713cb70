/**
 * Grafana deeplinks, built from the model alone (no I/O): dashboards, single panels and Explore with a
 * query filled in. Used by the alerts (dashboard_url), the docs (runbooks) and the CLI (explain).
 */
import type { DatasourceKind, ResolvedAlert, ResolvedDashboard, ResolvedModel, ResolvedPanel } from './model.js';
import { indexModel } from './model-index.js';

/** Grafana's URL slug of a title. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function query(params: ReadonlyArray<[string, string]>): string {
  return params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export interface DashboardLinkOptions {
  readonly from?: string;
  readonly to?: string;
  /** Variable values; defaults to All for every variable. */
  readonly variables?: Readonly<Record<string, string>>;
}

function dashboardParams(dashboard: ResolvedDashboard, options: DashboardLinkOptions): Array<[string, string]> {
  const params: Array<[string, string]> = [
    ['orgId', '1'],
    ['from', options.from ?? dashboard.time.from],
    ['to', options.to ?? dashboard.time.to],
    ['timezone', 'browser'],
    ['refresh', dashboard.refresh],
  ];
  for (const v of dashboard.variables) params.push([`var-${v.name}`, options.variables?.[v.name] ?? '$__all']);
  return params;
}

export function dashboardUrl(model: ResolvedModel, dashboard: ResolvedDashboard, options: DashboardLinkOptions = {}): string {
  return `${model.service.grafana.url}/d/${dashboard.uid}/${slugify(dashboard.title)}?${query(dashboardParams(dashboard, options))}`;
}

/** The dashboard with one panel opened full-screen (viewPanel). */
export function panelUrl(model: ResolvedModel, dashboard: ResolvedDashboard, panel: ResolvedPanel, options: DashboardLinkOptions = {}): string {
  return `${model.service.grafana.url}/d/${dashboard.uid}/${slugify(dashboard.title)}?${query([...dashboardParams(dashboard, options), ['viewPanel', String(panel.id)]])}`;
}

/** Grafana Explore with `expr` filled in against the model's Prometheus or Loki datasource. */
export function exploreUrl(model: ResolvedModel, datasource: DatasourceKind, expr: string, range: { from: string; to: string } = { from: 'now-1h', to: 'now' }): string {
  const ds = model.service.datasources[datasource];
  const panes = {
    a: {
      datasource: ds.uid,
      queries: [{ refId: 'A', expr, datasource: { type: datasource, uid: ds.uid } }],
      range,
    },
  };
  return `${model.service.grafana.url}/explore?${query([
    ['schemaVersion', '1'],
    ['panes', JSON.stringify(panes)],
    ['orgId', '1'],
  ])}`;
}

/**
 * An alert's runbook page, when the service publishes runbooks: `runbookBaseUrl` is where the docs
 * site's `runbooks/` folder is served, and the site holds one `<AlertName>.html` page per alert (the
 * Markdown under docs/ is the source, not what a browser gets). apps/cli's published-links test checks
 * every link against the generated site.
 */
export function runbookUrl(model: ResolvedModel, alertName: string): string | undefined {
  return model.service.runbookBaseUrl ? `${model.service.runbookBaseUrl}/${alertName}.html` : undefined;
}

/** An alert's generated runbook, relative to the docs folder (`docs/` of an environment's output). */
export function runbookDocument(alertName: string): string {
  return `runbooks/${alertName}.md`;
}

/** Where an alert's runbook is: its published page, else the generated Markdown's path in the output folder. */
export function runbookLink(model: ResolvedModel, alertName: string): string {
  return runbookUrl(model, alertName) ?? `docs/${runbookDocument(alertName)}`;
}

/** An alert's dashboard_url: its panel opened full-screen, else its dashboard by uid. */
export function alertDashboardUrl(model: ResolvedModel, alert: ResolvedAlert): string {
  const hit = indexModel(model).panel(alert.dashboard);
  return hit ? panelUrl(model, hit.dashboard, hit.panel) : `${model.service.grafana.url}/d/${alert.dashboard.dashboard}`;
}
