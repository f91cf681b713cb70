/**
 * Links inside Grafana: from each dashboard to the others, and drill-down links from panels marked
 * `logsLink` to the error logs (the logs panel of the model, and Loki in Explore). URLs are relative
 * to Grafana's root so they survive a different host name; Grafana prefixes its sub-path itself.
 */
import { DashboardLinkBuilder, DashboardLinkType } from '@grafana/grafana-foundation-sdk/dashboard';
import type { ResolvedDashboard, ResolvedModel, ResolvedPanel } from '@monspec/metrics-spec';
import { exploreUrl, slugify } from '@monspec/metrics-spec';
import { shareJson, toPlain, type Json } from './serialize.js';

export function dashboardPath(dashboard: ResolvedDashboard): string {
  return `/d/${dashboard.uid}/${slugify(dashboard.title)}`;
}

/** An absolute URL on the model's Grafana made relative to Grafana's root. */
function relative(model: ResolvedModel, url: string): string {
  const base = model.service.grafana.url.replace(/\/+$/, '');
  return url.startsWith(base) ? url.slice(base.length) : url;
}

export function dashboardLinks(model: ResolvedModel, self: ResolvedDashboard): DashboardLinkBuilder[] {
  return model.dashboards.filter((d) => d.uid !== self.uid).map(linkTo);
}

/**
 * `dashboardLinks` as plain JSON, without the SDK's `placement` (see dashboard.ts). Every dashboard
 * links to every other, so each link is built (and printed, see serialize.ts) once per model, not
 * once per dashboard.
 */
export function dashboardLinksJson(model: ResolvedModel, self: ResolvedDashboard): Json[] {
  let all = linksByModel.get(model);
  if (!all) {
    all = model.dashboards.map((d) => {
      const json = toPlain(linkTo(d).build());
      if (json !== null && typeof json === 'object' && !Array.isArray(json)) delete json['placement'];
      return { uid: d.uid, json: shareJson(json) };
    });
    linksByModel.set(model, all);
  }
  return all.filter((l) => l.uid !== self.uid).map((l) => l.json);
}

/** Models are frozen, so their links can be remembered. */
const linksByModel = new WeakMap<ResolvedModel, readonly { uid: string; json: Json }[]>();

function linkTo(d: ResolvedDashboard): DashboardLinkBuilder {
  return (
    new DashboardLinkBuilder(d.title)
        .type(DashboardLinkType.Link)
        .url(dashboardPath(d))
        .tooltip(d.description)
        .icon('dashboard')
        .keepTime(true)
      // Carries ${datasource} and shared variables; Grafana ignores ones the target does not declare.
      .includeVars(true)
  );
}

/** The first logs panel of the model (dashboards and panels in declaration order). */
export function logsPanel(model: ResolvedModel): { dashboard: ResolvedDashboard; panel: ResolvedPanel } | undefined {
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
  return source.errorFilter ? `${source.selector} ${source.errorFilter}` : source.selector;
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
    links.push(
      new DashboardLinkBuilder('Error logs in Explore')
        .type(DashboardLinkType.Link)
        .url(relative(model, exploreUrl(model, 'loki', query, dashboard.time)))
        .targetBlank(true),
    );
  }
  return links;
}

