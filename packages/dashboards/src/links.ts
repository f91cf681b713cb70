/**
 * Links inside Grafana: from each dashboard to the others, and drill-down links from panels marked
 * `logsLink` to the error logs (the logs panel of the model, and Loki in Explore). URLs are relative
 * to Grafana's root so they survive a different host name; Grafana prefixes its sub-path itself.
 */
import { DashboardLinkBuilder, DashboardLinkType } from '@grafana/grafana-foundation-sdk/dashboard';
import type { DatasourceKind, ResolvedDashboard, ResolvedModel, ResolvedPanel } from '@monspec/metrics-spec';
import { errorLinesQuery, slugify } from '@monspec/metrics-spec';
import { DATASOURCE_VARIABLES } from './datasource.js';
import { toPlain, type Json } from './serialize.js';

function dashboardPath(dashboard: ResolvedDashboard): string {
  return `/d/${dashboard.uid}/${slugify(dashboard.title)}`;
}

/**
 * The tag every dashboard of the service carries, so one link can list them all: Grafana's
 * `dashboards` link type shows every dashboard with the tag as a dropdown.
 */
export function serviceTag(model: ResolvedModel): string {
  return model.service.name;
}

/**
 * Links between the service's dashboards: one dropdown of every dashboard tagged with the service,
 * rather than a link per other dashboard. Per-dashboard links would make each file grow with the
 * number of dashboards, and the whole output with its square (352 MB of 1000 dashboards, 91 % links).
 */
function dashboardLinks(model: ResolvedModel): DashboardLinkBuilder[] {
  return model.dashboards.length > 1 ? [serviceDashboardsLink(model)] : [];
}

/** `dashboardLinks` as plain JSON, without the SDK's `placement` (see dashboard.ts), built once per model. */
export function dashboardLinksJson(model: ResolvedModel): Json[] {
  let all = linksByModel.get(model);
  if (!all) {
    all = dashboardLinks(model).map((link) => {
      const json = toPlain(link.build());
      if (json !== null && typeof json === 'object' && !Array.isArray(json)) delete json['placement'];
      return json;
    });
    linksByModel.set(model, all);
  }
  return [...all];
}

/** Models are frozen, so their links can be remembered. */
const linksByModel = new WeakMap<ResolvedModel, readonly Json[]>();

function serviceDashboardsLink(model: ResolvedModel): DashboardLinkBuilder {
  return (
    new DashboardLinkBuilder(`${model.service.title} dashboards`)
      .type(DashboardLinkType.Dashboards)
      .tags([serviceTag(model)])
      // Grafana's schema requires a url on every link; a tag link has none of its own.
      .url('')
      .asDropdown(true)
      .tooltip(`Every ${model.service.title} dashboard`)
      .icon('dashboard')
      .keepTime(true)
      // Carries ${datasource} and shared variables; Grafana ignores ones the target does not declare.
      .includeVars(true)
  );
}

/** The first logs panel of the model (dashboards and panels in declaration order). */
function logsPanel(model: ResolvedModel): { dashboard: ResolvedDashboard; panel: ResolvedPanel } | undefined {
  for (const dashboard of model.dashboards) {
    const panel = dashboard.panels.find((p) => p.type === 'logs');
    if (panel) return { dashboard, panel };
  }
  return undefined;
}

/** The LogQL query for the service's error lines: the first log source and its error filter. */
export function errorLogQuery(model: ResolvedModel): string | undefined {
  const source = model.logs.sources[0];
  if (!source) return undefined;
  return errorLinesQuery(source);
}

export function drillDownLinks(model: ResolvedModel, dashboard: ResolvedDashboard, panel: ResolvedPanel): DashboardLinkBuilder[] {
  if (!panel.logsLink) return [];
  const links: DashboardLinkBuilder[] = [];
  const logs = logsPanel(model);
  if (logs && !(logs.dashboard.uid === dashboard.uid && logs.panel.id === panel.id)) {
    links.push(
      new DashboardLinkBuilder(`${logs.panel.title} (${logs.dashboard.title})`)
        .type(DashboardLinkType.Link)
        // ${__url_time_range} keeps the range the user is looking at.
        .url(`${dashboardPath(logs.dashboard)}?viewPanel=${logs.panel.id}&\${__url_time_range}`),
    );
  }
  const query = errorLogQuery(model);
  if (query) {
    links.push(new DashboardLinkBuilder('Error logs in Explore').type(DashboardLinkType.Link).url(exploreLinkInDashboard('loki', query)).targetBlank(true));
  }
  return links;
}

/**
 * Grafana Explore with `expr` over the range the user is looking at (`${__from}`/`${__to}`) on the
 * datasource the dashboard's variable selects, for links inside a dashboard. Grafana interpolates
 * variables in panel link URLs before opening them
 * (https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/manage-dashboard-links/#panel-links),
 * so the references stay unencoded inside the otherwise encoded `panes` JSON; the uid goes through
 * `:percentencode` (https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/#percentencode).
 */
function exploreLinkInDashboard(kind: DatasourceKind, expr: string): string {
  const uid = `\${${DATASOURCE_VARIABLES[kind]}:percentencode}`;
  const panes = { a: { datasource: uid, queries: [{ refId: 'A', expr, datasource: { type: kind, uid } }], range: { from: '${__from}', to: '${__to}' } } };
  const encoded = encodeURIComponent(JSON.stringify(panes)).replace(/%24%7B([\w%]+?)%7D/g, (_m, name: string) => `\${${decodeURIComponent(name)}}`);
  return `/explore?schemaVersion=1&panes=${encoded}&orgId=1`;
}
