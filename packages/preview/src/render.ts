/**
 * A dashboard as an SVG picture laid out as Grafana lays it out: the generator's grid positions
 * (`layoutPanels`, 24 columns, rows of 30 px with 8 px gaps as in Grafana's GRID_CELL_HEIGHT and
 * GRID_CELL_VMARGIN), each panel's chrome (title, an "i" marker when it has a description, the unit)
 * and its visualisation drawn with the generated settings. Pure: the same model and data give the
 * same bytes (no clock, no randomness).
 */
import { GRID_COLUMNS, layoutPanels } from '@monspec/dashboards';
import type { ResolvedDashboard, ResolvedPanel } from '@monspec/metrics-spec';
import { THEME } from './colors.js';
import type { DashboardData, PanelData } from './data.js';
import type { Box, DrawContext } from './panels/context.js';
import { drawBargauge } from './panels/bargauge.js';
import { drawGauge } from './panels/gauge.js';
import { drawLogs } from './panels/logs.js';
import { drawPiechart } from './panels/piechart.js';
import { drawStat } from './panels/stat.js';
import { drawTable } from './panels/table.js';
import { drawTimeseries } from './panels/timeseries.js';
import { esc, fit, n, text, textWidth } from './svg.js';

const ROW_HEIGHT = 30;
const GAP = 8;
const HEADER = 56;
const PAD = 8;
const FONT = 'Inter, DejaVu Sans, Helvetica, Arial, sans-serif';

/** What the preview found per panel: drawn, "No data" (every query returned nothing), or not queried. */
export interface PanelReport {
  readonly key: string;
  readonly title: string;
  readonly state: 'ok' | 'no-data' | 'unavailable';
  readonly reason?: string;
}

export interface Rendered {
  readonly svg: string;
  readonly panels: readonly PanelReport[];
}

export interface RenderOptions {
  /** Picture width in px (default 1600). */
  readonly width?: number;
}

const DRAWERS: Readonly<Record<Exclude<ResolvedPanel['type'], 'logs'>, (ctx: DrawContext) => string>> = {
  timeseries: drawTimeseries,
  stat: drawStat,
  gauge: drawGauge,
  bargauge: drawBargauge,
  table: drawTable,
  piechart: drawPiechart,
};

function hasValues(data: PanelData | undefined): boolean {
  if (!data) return false;
  if (data.kind === 'logs') return data.lines.length > 0;
  if (data.kind === 'unavailable') return false;
  return data.queries.some((q) => q.series.some((s) => s.points.some(([, v]) => Number.isFinite(v))));
}

function unitLabel(panel: ResolvedPanel): string {
  return panel.unit === undefined ? '' : panel.unit.replace(/_/g, ' ');
}

function chrome(panel: ResolvedPanel, box: Box): string {
  const out: string[] = [];
  out.push(`<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="3" fill="${THEME.panel}" stroke="${THEME.border}"/>`);
  const unit = unitLabel(panel);
  const unitW = unit === '' ? 0 : textWidth(unit, 10) + 12;
  const markerW = panel.description === '' ? 0 : 18;
  const title = fit(panel.title, (box.w - 2 * PAD - unitW - markerW) * (0.58 / 0.66), 13);
  out.push(text(box.x + PAD, box.y + 20, title, { 'font-size': 13, 'font-weight': 'bold', fill: THEME.text, 'data-role': 'title' }));
  if (markerW > 0) {
    const mx = box.x + PAD + textWidth(title, 13, true) + 10;
    out.push(`<g data-role="description"><title>${esc(panel.description)}</title><circle cx="${n(mx)}" cy="${n(box.y + 15.5)}" r="6" fill="none" stroke="${THEME.weak}"/>${text(mx, box.y + 19, 'i', { 'font-size': 9, 'font-weight': 'bold', 'text-anchor': 'middle', fill: THEME.weak })}</g>`);
  }
  if (unit !== '') out.push(text(box.x + box.w - PAD, box.y + 19, unit, { 'font-size': 10, 'text-anchor': 'end', fill: THEME.weak, 'data-role': 'unit' }));
  return out.join('');
}

function message(box: Box, words: string, role: string): string {
  return text(box.x + box.w / 2, box.y + box.h / 2 + 5, words, { 'font-size': 14, 'text-anchor': 'middle', fill: THEME.weak, 'data-role': role });
}

function drawPanel(panel: ResolvedPanel, outer: Box, data: PanelData | undefined, range: { fromMs: number; toMs: number }): { svg: string; report: PanelReport } {
  const inner: Box = { x: outer.x + PAD, y: outer.y + 30, w: outer.w - 2 * PAD, h: outer.h - 30 - PAD };
  const base = { key: panel.key, title: panel.title };
  let body: string;
  let report: PanelReport;
  if (data?.kind === 'unavailable' || data === undefined) {
    const reason = data?.kind === 'unavailable' ? data.reason : 'not queried';
    body = message(inner, reason, 'unavailable');
    report = { ...base, state: 'unavailable', reason };
  } else if (!hasValues(data)) {
    body = message(inner, 'No data', 'no-data');
    report = { ...base, state: 'no-data' };
  } else if (data.kind === 'logs') {
    body = drawLogs(data.lines, inner);
    report = { ...base, state: 'ok' };
  } else {
    const drawer = panel.type === 'logs' ? drawTimeseries : DRAWERS[panel.type];
    body = drawer({ panel, box: inner, queries: data.queries, ...range });
    report = { ...base, state: 'ok' };
  }
  const svg = `<g data-panel="${esc(panel.key)}" data-type="${panel.type}" data-state="${report.state}">${chrome(panel, outer)}${body}</g>`;
  return { svg, report };
}

/** The dashboard as SVG with `data`; every picture of sample data says so in its header. */
export function renderDashboard(dashboard: ResolvedDashboard, data: DashboardData, options: RenderOptions = {}): Rendered {
  const width = options.width ?? 1600;
  const col = (width - 2 * GAP - (GRID_COLUMNS - 1) * GAP) / GRID_COLUMNS;
  const positions = layoutPanels(dashboard.panels.map((p) => ({ width: p.width, height: p.height })));
  const bottom = Math.max(0, ...positions.map((g) => g.y + g.h));
  const height = HEADER + bottom * (ROW_HEIGHT + GAP) + GAP;
  const out: string[] = [];
  const reports: PanelReport[] = [];
  dashboard.panels.forEach((panel, i) => {
    const g = positions[i];
    if (!g) return;
    const box: Box = { x: GAP + g.x * (col + GAP), y: HEADER + g.y * (ROW_HEIGHT + GAP), w: g.w * col + (g.w - 1) * GAP, h: g.h * ROW_HEIGHT + (g.h - 1) * GAP };
    const drawn = drawPanel(panel, box, data.panels[panel.key], data);
    out.push(drawn.svg);
    reports.push(drawn.report);
  });
  const range = `${new Date(data.fromMs).toISOString().slice(0, 16).replace('T', ' ')} to ${new Date(data.toMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const header = [
    `<rect width="${width}" height="${n(height)}" fill="${THEME.background}"/>`,
    text(GAP, 32, dashboard.title, { 'font-size': 20, fill: THEME.text, 'data-role': 'dashboard-title' }),
    text(width - GAP, 22, data.source === 'sample' ? `Sample data, not measured · ${range}` : `Prometheus · ${range}`, { 'font-size': 11, 'text-anchor': 'end', fill: THEME.weak }),
  ];
  if (data.source === 'sample') {
    header.push(
      `<g data-role="sample-data"><rect x="${n(width - GAP - 150)}" y="30" width="150" height="20" rx="3" fill="none" stroke="${THEME.sample}"/>${text(width - GAP - 75, 44, 'SAMPLE DATA', { 'font-size': 12, 'font-weight': 'bold', 'text-anchor': 'middle', fill: THEME.sample })}</g>`,
    );
  }
  const label = `${dashboard.title} dashboard preview${data.source === 'sample' ? ' (sample data)' : ''}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${n(height)}" viewBox="0 0 ${width} ${n(height)}" font-family="${FONT}" role="img" aria-label="${esc(label)}" data-dashboard="${esc(dashboard.uid)}" data-source="${data.source}">` +
    `<title>${esc(label)}</title>${header.join('')}${out.join('')}</svg>\n`;
  return { svg, panels: reports };
}
