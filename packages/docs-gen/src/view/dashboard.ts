/**
 * A dashboard's page (site only): its preview picture with sample data, found among the other
 * outputs by role (`image` with the dashboard's uid as subject, written by the previews generator),
 * a Grafana deeplink, and per panel its purpose, type, unit, bands, queries and a link that opens it
 * in Grafana.
 */
import { dashboardUrl, exploreUrl, panelUrl, type ArtifactDescriptor, type ResolvedModel } from '@monspec/metrics-spec';
import { type Fragment, inline, join } from '../markdown/fragment.js';
import { image } from '../markdown/image.js';
import { cell, code, codeBlock, link } from '../markdown/inline.js';
import type { Prose } from '../markdown/prose.js';
import { relativePath, SITE_ROOT, sitePage } from '../paths.js';
import { bandsInline } from './common.js';

export interface DashboardPageView {
  readonly title: Fragment;
  readonly description: Fragment;
  readonly preview: Fragment;
  readonly previewNote: Fragment;
  readonly grafana: Fragment;
  readonly panels: readonly {
    readonly title: Fragment;
    readonly link: Fragment;
    readonly type: string;
    readonly unit: string;
    readonly bands: Fragment;
    readonly purpose: Fragment;
    readonly facts: readonly { readonly label: string; readonly value: Fragment }[];
    readonly queries: readonly Fragment[];
  }[];
}

const LANG = { prometheus: 'promql', loki: 'logql' } as const;

/** The document of a dashboard's page, relative to `docs/` (it exists on the site only). */
export function dashboardDoc(uid: string): string {
  return `dashboards/${uid}.md`;
}

export function dashboardView(model: ResolvedModel, uid: string, ctx: Prose, artifacts: readonly ArtifactDescriptor[]): DashboardPageView {
  const d = model.dashboards.find((x) => x.uid === uid);
  if (!d) throw new Error(`Unexpected dashboard uid "${uid}", expected one of the model's dashboards`);
  const picture = artifacts.find((a) => a.role === 'image' && a.subject === uid && a.path.startsWith(`${SITE_ROOT}/`));
  const page = sitePage(dashboardDoc(uid));
  return {
    title: ctx.text(d.title),
    description: ctx.prose(d.description),
    preview: picture ? image(`${d.title} dashboard preview (sample data)`, relativePath(page, picture.path.slice(SITE_ROOT.length + 1))) : inline``,
    previewNote: picture ? inline`The picture shows sample data derived from the spec (normal bands, alert test series), not measurements; \`monspec preview --prometheus URL\` draws it with live data.` : inline``,
    grafana: link(inline`Open ${ctx.text(d.title)} in Grafana`, dashboardUrl(model, d)),
    panels: d.panels.map((p) => ({
      title: ctx.text(p.title),
      link: cell(ctx.text(p.title)),
      type: p.type,
      unit: p.unit ?? '—',
      bands: cell(p.threshold ? bandsInline(p.threshold, ctx) : inline`—`),
      purpose: ctx.proseInline(p.description),
      facts: [
        { label: 'Type', value: inline`${p.type}` },
        { label: 'Unit', value: inline`${p.unit ?? '—'}` },
        { label: 'Bands', value: cell(p.threshold ? inline`${code(p.threshold.name)}: ${bandsInline(p.threshold, ctx)}` : inline`—`) },
        ...(p.metrics.length ? [{ label: 'Reads', value: cell(join(p.metrics.map(code), ', ')) }] : []),
        { label: 'Grafana', value: cell(join([link('Open the panel', panelUrl(model, d, p)), ...p.queries.map((q) => link(`Explore ${q.refId}`, exploreUrl(model, q.datasource, q.expr)))], ' · ')) },
      ],
      queries: p.queries.map((q) => codeBlock(q.expr, LANG[q.datasource])),
    })),
  };
}
