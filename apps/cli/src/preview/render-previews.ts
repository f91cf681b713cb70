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

export interface PreviewSource {
  /** Prometheus base URL; without it, sample data. */
  readonly prometheus?: string;
  /** The range, epoch ms; without it, each dashboard's own default range. */
  readonly range?: (dashboard: ResolvedDashboard) => { fromMs: number; toMs: number };
}

export async function renderPreviews(model: ResolvedModel, dashboards: readonly ResolvedDashboard[], source: PreviewSource): Promise<DashboardPreview[]> {
  const preview = await import('@monspec/preview');
  const { svgToPng } = await import('@monspec/preview/png');
  if (source.prometheus !== undefined) await checkPrometheus(source.prometheus);
  const out: DashboardPreview[] = [];
  for (const dashboard of dashboards) {
    let data;
    if (source.prometheus === undefined || !source.range) data = preview.sampleData(model, dashboard);
    else {
      const range = source.range(dashboard);
      data = preview.measuredData(dashboard, range, await runPlanned(source.prometheus, preview.plannedQueries(model, dashboard, range)));
    }
    const rendered = preview.renderDashboard(dashboard, data);
    out.push({ dashboard, svg: rendered.svg, png: svgToPng(rendered.svg), panels: rendered.panels });
  }
  return out;
}
