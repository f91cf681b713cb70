/**
 * Before/after pictures for `monspec diff --previews DIR`: every dashboard whose generated JSON
 * differs between the two specs (or that one of them lacks) is rendered with sample data on both
 * sides, written as `<uid>.before.{svg,png}` / `<uid>.after.{svg,png}`, and listed in the Markdown so a
 * PR comment shows the change.
 */
import type { ResolvedDashboard, ResolvedModel } from '@monspec/metrics-spec';
import { renderPreviews } from '../preview/render-previews.js';
import type { PreviewFile } from '../preview/write-previews.js';

export interface DashboardPreviewChange {
  readonly uid: string;
  readonly title: string;
  /** Picture names (PNG) in the previews folder, per side that has the dashboard. */
  readonly before?: string;
  readonly after?: string;
}

/** The uids of dashboards that differ between the models, in the after model's order, then removed ones. */
async function changedDashboards(before: ResolvedModel, after: ResolvedModel): Promise<Array<{ uid: string; before?: ResolvedDashboard; after?: ResolvedDashboard }>> {
  const { buildDashboard } = await import('@monspec/dashboards');
  const json = (m: ResolvedModel, d: ResolvedDashboard) => JSON.stringify(buildDashboard(m, d));
  const out: Array<{ uid: string; before?: ResolvedDashboard; after?: ResolvedDashboard }> = [];
  for (const a of after.dashboards) {
    const b = before.dashboards.find((d) => d.uid === a.uid);
    if (!b) out.push({ uid: a.uid, after: a });
    else if (json(before, b) !== json(after, a)) out.push({ uid: a.uid, before: b, after: a });
  }
  for (const b of before.dashboards) if (!after.dashboards.some((d) => d.uid === b.uid)) out.push({ uid: b.uid, before: b });
  return out;
}

export async function previewChanges(before: ResolvedModel, after: ResolvedModel): Promise<{ changes: DashboardPreviewChange[]; files: PreviewFile[] }> {
  const changed = await changedDashboards(before, after);
  const files: PreviewFile[] = [];
  const side = async (model: ResolvedModel, dashboards: readonly ResolvedDashboard[], name: 'before' | 'after') => {
    for (const p of await renderPreviews(model, dashboards, {})) {
      files.push({ name: `${p.dashboard.uid}.${name}.svg`, bytes: p.svg }, { name: `${p.dashboard.uid}.${name}.png`, bytes: p.png });
    }
  };
  await side(before, changed.flatMap((c) => (c.before ? [c.before] : [])), 'before');
  await side(after, changed.flatMap((c) => (c.after ? [c.after] : [])), 'after');
  const changes = changed.map((c) => ({
    uid: c.uid,
    title: (c.after ?? c.before)?.title ?? c.uid,
    ...(c.before ? { before: `${c.uid}.before.png` } : {}),
    ...(c.after ? { after: `${c.uid}.after.png` } : {}),
  }));
  return { changes, files };
}

/** The Markdown section listing the pictures, linked under `base` (the folder as given, or a URL). */
export function previewsMarkdown(changes: readonly DashboardPreviewChange[], base: string): string {
  const lines = ['### Dashboard previews (sample data)', ''];
  if (changes.length === 0) return [...lines, 'No dashboard looks different.', ''].join('\n');
  const url = (name: string) => `${base.replace(/\/+$/, '')}/${name}`;
  for (const c of changes) {
    const title = c.title.replace(/[[\]|\\]/g, '\\$&');
    lines.push(`#### ${title} (\`${c.uid}\`)`, '', '| Before | After |', '| --- | --- |');
    const cellOf = (name: string | undefined, side: string) => (name === undefined ? `(no dashboard ${side})` : `![${title} ${side}](${url(name)})`);
    lines.push(`| ${cellOf(c.before, 'before')} | ${cellOf(c.after, 'after')} |`, '');
  }
  return lines.join('\n');
}
