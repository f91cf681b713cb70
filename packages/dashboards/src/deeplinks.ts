/**
 * Deeplinks for docs and runbooks, on the environment's Grafana base URL: each dashboard (with its
 * default time range, refresh and variables at All), each panel opened on its own, and each panel
 * query in Explore. Built with metrics-spec's link builders so every package links the same way.
 *
 * Stable contract (the docs generator renders it): dashboards and panels in model order, queries in
 * refId order; fields are only ever added.
 */
import type { DatasourceKind, ResolvedModel } from '@monspec/metrics-spec';
import { dashboardUrl, exploreUrl, panelUrl } from '@monspec/metrics-spec';
import { substituteVariables } from './substitute.js';

export interface QueryDeeplink {
  readonly refId: string;
  readonly datasource: DatasourceKind;
  readonly expr: string;
  /**
   * Grafana Explore with the query filled in, over the dashboard's default time range. Dashboard
   * variables are replaced by their default (All → `.*`), since Explore does not know them.
   */
  readonly exploreUrl: string;
}

export interface PanelDeeplink {
  readonly id: number;
  /** The panel's key in the spec (`dashboards.<uid>.panels.<key>`). */
  readonly key: string;
  readonly title: string;
  readonly type: string;
  /** The dashboard with this panel opened full-screen. */
  readonly url: string;
  readonly queries: readonly QueryDeeplink[];
}

export interface DashboardDeeplink {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly panels: readonly PanelDeeplink[];
}

export function deeplinks(model: ResolvedModel): DashboardDeeplink[] {
  return model.dashboards.map((d) => ({
    uid: d.uid,
    title: d.title,
    description: d.description,
    url: dashboardUrl(model, d),
    panels: d.panels.map((p) => ({
      id: p.id,
      key: p.key,
      title: p.title,
      type: p.type,
      url: panelUrl(model, d, p),
      queries: p.queries.map((q) => ({
        refId: q.refId,
        datasource: q.datasource,
        expr: q.expr,
        exploreUrl: exploreUrl(model, q.datasource, substituteVariables(q.expr, d), d.time),
      })),
    })),
  }));
}
