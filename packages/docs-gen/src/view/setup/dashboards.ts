/** The guide's dashboards: each with its deeplink, facts and panels. */
import { dashboardUrl, panelUrl } from '@monspec/metrics-spec';
import { inline, join } from '../../markdown/fragment.js';
import { cell, code, link } from '../../markdown/inline.js';
import { bands } from '../common.js';
import type { SetupGround } from './ground.js';
import type { SetupView, DashboardView } from './types.js';

export function dashboardsSection(g: SetupGround): Pick<SetupView, 'grafanaUrl' | 'dashboards'> {
  const { model, ctx, grafanaLink } = g;
  const dashboards: DashboardView[] = model.dashboards.map((d) => ({
    title: ctx.text(d.title),
    description: ctx.prose(d.description),
    link: link(inline`Open ${ctx.text(d.title)} in Grafana`, dashboardUrl(model, d)),
    facts: [
      { label: 'UID', value: code(d.uid) },
      { label: 'Refresh', value: `every ${d.refresh}` },
      { label: 'Default time range', value: inline`${code(d.time.from)} to ${code(d.time.to)}` },
      { label: 'Time ranges offered', value: d.timeOptions.join(', ') },
      ...(d.variables.length ? [{ label: 'Variables', value: join(d.variables.map((v) => inline`${code(`$${v.name}`)} (${ctx.text(v.label)})`), ', ') }] : []),
      { label: 'Tags', value: d.tags.length ? join(d.tags.map(code), ', ') : '—' },
    ],
    panels: d.panels.map((p) => {
      const b = p.threshold ? bands(p.threshold, ctx) : undefined;
      return {
        title: cell(link(ctx.text(p.title), panelUrl(model, d, p))),
        type: p.type,
        description: cell(ctx.proseInline(p.description)),
        reads: cell(join(p.metrics.map(code), ', ')),
        bands: cell(join([b?.warning, b?.critical].filter((f) => f !== undefined), '; ')),
      };
    }),
  }));

  return { grafanaUrl: grafanaLink, dashboards };
}
