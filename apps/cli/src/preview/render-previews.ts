/**
 * Every dashboard of a model as SVG and PNG with sample data or what Prometheus returns, and what
 * each panel showed; used by `monspec preview` and `monspec diff`.
 */
import type { ResolvedDashboard, ResolvedModel } from '@monspec/metrics-spec';
import type { PanelReport } from '@monspec/preview';
import { checkPrometheus, runPlanned } from './prometheus-data.js';

export interface DashboardPreview {
  readonly dashboard: ResolvedDashboard;
  readonly svg: string;
  readonly png: Uint8Array;
  readonly panels: readonly PanelReport[];
}

/** Sample data (`{}`), or a Prometheus base URL and the range to query per dashboard (epoch ms). */
export type PreviewSource = Record<string, never> | { readonly prometheus: string; readonly range: (dashboard: ResolvedDashboard) => { fromMs: number; toMs: number } };

export async function renderPreviews(model: ResolvedModel, dashboards: readonly ResolvedDashboard[], source: PreviewSource): Promise<DashboardPreview[]> {
  const preview = await import('@monspec/preview');
  const { svgToPngAsync } = await import('@monspec/preview/png');
  const live = 'prometheus' in source ? source : undefined;
  if (live) await checkPrometheus(live.prometheus);
  const out: Array<Promise<DashboardPreview>> = [];
  for (const dashboard of dashboards) {
    let data;
    if (!live) data = preview.sampleData(model, dashboard);
    else {
      const range = live.range(dashboard);
      data = preview.measuredData(dashboard, range, await runPlanned(live.prometheus, preview.plannedQueries(model, dashboard, range)));
    }
    const rendered = preview.renderDashboard(dashboard, data);
    // The PNGs render in parallel (libuv's pool) while the next dashboard's data is fetched and drawn.
    out.push(svgToPngAsync(rendered.svg).then((png) => ({ dashboard, svg: rendered.svg, png, panels: rendered.panels })));
  }
  return Promise.all(out);
}
