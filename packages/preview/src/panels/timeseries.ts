/**
 * Time series, drawn with the generated settings: lines of width 1 with a 10 % fill in the classic
 * palette, the legend below as a list (each series named by its legend format), the threshold steps
 * as dashed lines in their colours (thresholdsStyle "dashed") over faint bands. Two additions for
 * review, not in Grafana: the y axis always reaches the first threshold level so the bands show, and
 * each series' last point is a dot in the colour of the band it is in (`data-band`).
 */
import { levelsIn, thresholdSteps } from '@monspec/dashboards';
import { colour, seriesColour, THEME } from '../colors.js';
import { exact, fit, n, text, textWidth } from '../svg.js';
import { formatIn, lastValue, seriesName, shown } from '../values.js';
import type { DrawContext } from './context.js';

interface Line {
  readonly name: string;
  readonly colour: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
}

function lines(ctx: DrawContext): Line[] {
  const out: Line[] = [];
  for (const q of ctx.queries) {
    const spec = ctx.panel.queries.find((s) => s.refId === q.refId);
    for (const s of q.series) out.push({ name: seriesName(spec?.legend, s.labels, spec?.expr ?? q.refId), colour: seriesColour(out.length), points: s.points });
  }
  return out;
}

/** A "nice" step for about `count` ticks over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/** Time axis steps a person would pick: 1, 5, 15, 30 minutes, 1, 2, 3, 6, 12 hours, a day. */
const TIME_STEPS = [1, 5, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * 60_000);

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** Legend rows: items flow left to right and wrap, as Grafana's list legend. */
function legendLayout(items: readonly Line[], width: number): Array<Array<{ line: Line; x: number }>> {
  const rows: Array<Array<{ line: Line; x: number }>> = [[]];
  let x = 0;
  for (const line of items) {
    const w = 18 + Math.min(textWidth(line.name, 11), width - 18) + 14;
    if (x > 0 && x + w > width) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1]?.push({ line, x });
    x += w;
  }
  return rows;
}

export function drawTimeseries(ctx: DrawContext): string {
  const { panel, box } = ctx;
  const all = lines(ctx);
  const legendRows = legendLayout(all, box.w).slice(0, Math.max(1, Math.floor((box.h * 0.35) / 16)));
  const legendH = legendRows.length * 16 + 4;
  const finite = all.flatMap((l) => l.points.map(([, v]) => v)).filter((v) => Number.isFinite(v));
  const levels = panel.threshold ? levelsIn(panel.threshold, panel.unit) : { warning: undefined, critical: undefined };
  const firstLevel = [levels.warning, levels.critical].filter((v): v is number => v !== undefined).sort((a, b) => a - b)[0];
  let lo = panel.min ?? Math.min(0, ...finite);
  let hi = panel.max ?? Math.max(...finite, firstLevel ?? Number.NEGATIVE_INFINITY);
  if (!Number.isFinite(hi) || hi <= lo) hi = lo + 1;
  if (panel.max === undefined) hi += (hi - lo) * 0.05;
  if (panel.min === undefined && lo < 0) lo -= (hi - lo) * 0.05;
  const step = niceStep(hi - lo, Math.max(2, Math.floor((box.h - legendH) / 40)));
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  const axisW = Math.min(box.w * 0.3, Math.max(...ticks.map((t) => textWidth(formatIn(panel, t), 10)), 20) + 8);
  const plot = { x: box.x + axisW, y: box.y + 4, w: box.w - axisW - 4, h: box.h - legendH - 20 };
  const sx = (t: number) => plot.x + ((t - ctx.fromMs) / (ctx.toMs - ctx.fromMs || 1)) * plot.w;
  const sy = (v: number) => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;
  const out: string[] = [];
  // Grid and axes.
  for (const t of ticks) {
    out.push(`<line x1="${n(plot.x)}" x2="${n(plot.x + plot.w)}" y1="${n(sy(t))}" y2="${n(sy(t))}" stroke="${THEME.grid}" stroke-width="1"/>`);
    out.push(text(plot.x - 4, sy(t) + 3.5, formatIn(panel, t), { 'font-size': 10, 'text-anchor': 'end', fill: THEME.weak }));
  }
  const timeStep = TIME_STEPS.find((s) => (ctx.toMs - ctx.fromMs) / s <= Math.max(2, plot.w / 90)) ?? 86_400_000;
  for (let t = Math.ceil(ctx.fromMs / timeStep) * timeStep; t <= ctx.toMs; t += timeStep) {
    const x = sx(t);
    if (x - plot.x < 14 || plot.x + plot.w - x < 14) continue;
    out.push(text(x, plot.y + plot.h + 13, clock(t), { 'font-size': 10, 'text-anchor': 'middle', fill: THEME.weak }));
  }
  // Threshold bands (faint) and their dashed lines.
  const steps = panel.threshold ? thresholdSteps(panel.threshold, panel.unit) : [];
  let offscale = 0;
  steps.forEach((s, i) => {
    const from = s.value ?? lo;
    const next = steps[i + 1]?.value ?? hi;
    const top = Math.min(hi, next);
    const bottom = Math.max(lo, from);
    if (top > bottom) out.push(`<rect data-role="threshold-band" data-colour="${s.color}" x="${n(plot.x)}" y="${n(sy(top))}" width="${n(plot.w)}" height="${n(sy(bottom) - sy(top))}" fill="${colour(s.color)}" fill-opacity="0.06"/>`);
    if (s.value !== null && s.value !== undefined && s.value >= lo && s.value <= hi) {
      out.push(`<line data-role="threshold" data-value="${exact(s.value)}" data-colour="${s.color}" x1="${n(plot.x)}" x2="${n(plot.x + plot.w)}" y1="${n(sy(s.value))}" y2="${n(sy(s.value))}" stroke="${colour(s.color)}" stroke-width="1" stroke-dasharray="6 4"/>`);
    } else if (s.value !== null && s.value !== undefined && s.value > hi) {
      // A level above the axis (Grafana would not show it): named at the top edge, so a change of it shows.
      out.push(text(plot.x + plot.w - 4, plot.y + 11 + offscale * 12, `↑ ${formatIn(panel, s.value)}`, { 'data-role': 'threshold', 'data-value': exact(s.value), 'data-colour': s.color, 'data-offscale': 'above', 'font-size': 10, 'text-anchor': 'end', fill: colour(s.color) }));
      offscale++;
    }
  });
  // Series: area at 10 % opacity, line of width 1, last point in its band's colour.
  out.push(`<clipPath id="clip-${ctx.panel.key}"><rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.w)}" height="${n(plot.h)}"/></clipPath>`);
  out.push(`<g clip-path="url(#clip-${ctx.panel.key})">`);
  for (const l of all) {
    const pts = l.points.filter(([, v]) => Number.isFinite(v));
    if (pts.length === 0) continue;
    const xy = pts.map(([t, v]) => `${n(sx(t))},${n(sy(v))}`);
    const base = sy(Math.max(lo, Math.min(hi, 0)));
    const first = pts[0];
    const last = pts[pts.length - 1];
    const value = lastValue({ labels: {}, points: pts }) ?? 0;
    const s = shown(panel, value);
    const lastAttrs = `data-value="${exact(value)}"${s.band ? ` data-band="${s.band}"` : ''} data-colour="${s.colour}"`;
    out.push(`<g data-role="series" data-series="${l.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">`);
    if (first && last && pts.length > 1) out.push(`<path d="M${n(sx(first[0]))},${n(base)} L${xy.join(' L')} L${n(sx(last[0]))},${n(base)} Z" fill="${l.colour}" fill-opacity="0.1" stroke="none"/>`);
    out.push(`<polyline points="${xy.join(' ')}" fill="none" stroke="${l.colour}" stroke-width="1"/>`);
    if (last) out.push(`<circle data-role="last-value" ${lastAttrs} cx="${n(sx(last[0]))}" cy="${n(sy(last[1]))}" r="3" fill="${panel.threshold ? s.colour : l.colour}"/>`);
    out.push('</g>');
  }
  out.push('</g>');
  // Legend.
  const legendTop = plot.y + plot.h + 20;
  legendRows.forEach((row, r) => {
    for (const { line, x } of row) {
      const ly = legendTop + r * 16 + 8;
      out.push(`<rect x="${n(box.x + x)}" y="${n(ly - 1.5)}" width="14" height="3" fill="${line.colour}"/>`);
      out.push(text(box.x + x + 18, ly + 3.5, fit(line.name, box.w - x - 18, 11), { 'font-size': 11, fill: THEME.text, 'data-role': 'legend' }));
    }
  });
  return out.join('');
}
