/** Pie chart: a slice per series (last value), the classic palette, percent labels on the slices, and the table legend on the right with value and percent. */
import { seriesColour, THEME } from '../colors.js';
import { exact, fit, n, text } from '../svg.js';
import { formatIn } from '../values.js';
import type { DrawContext } from './context.js';
import { lastValues } from './reduce.js';

export function drawPiechart(ctx: DrawContext): string {
  const { panel, box } = ctx;
  const values = lastValues(panel, ctx.queries).filter((v) => v.value > 0);
  const total = values.reduce((a, v) => a + v.value, 0);
  const legendW = Math.min(box.w * 0.5, 220);
  const r = Math.max(6, Math.min((box.w - legendW) / 2, box.h / 2) - 6);
  const cx = box.x + (box.w - legendW) / 2;
  const cy = box.y + box.h / 2;
  const out: string[] = [];
  if (values.length === 0) {
    // Every slice is 0: Grafana draws no slice; an empty ring with the total says so.
    out.push(`<circle data-role="slice" data-value="0" cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${THEME.grid}" stroke-width="2"/>`);
    out.push(text(cx, cy + 4, formatIn(panel, 0), { 'font-size': 12, 'text-anchor': 'middle', fill: THEME.text }));
    return out.join('');
  }
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    const share = v.value / total;
    const a1 = angle + share * 2 * Math.PI;
    const large = a1 - angle > Math.PI ? 1 : 0;
    const c = seriesColour(i);
    const d =
      values.length === 1
        ? `M${n(cx - r)},${n(cy)} A${n(r)},${n(r)} 0 1 1 ${n(cx + r)},${n(cy)} A${n(r)},${n(r)} 0 1 1 ${n(cx - r)},${n(cy)} Z`
        : `M${n(cx)},${n(cy)} L${n(cx + r * Math.cos(angle))},${n(cy + r * Math.sin(angle))} A${n(r)},${n(r)} 0 ${large} 1 ${n(cx + r * Math.cos(a1))},${n(cy + r * Math.sin(a1))} Z`;
    out.push(`<path data-role="slice" data-series="${v.name.replace(/"/g, '&quot;')}" data-value="${exact(v.value)}" d="${d}" fill="${c}" stroke="${THEME.panel}" stroke-width="1"/>`);
    const mid = (angle + a1) / 2;
    if (share >= 0.06) out.push(text(cx + r * 0.65 * Math.cos(mid), cy + r * 0.65 * Math.sin(mid) + 4, `${Math.round(share * 100)}%`, { 'font-size': 11, 'text-anchor': 'middle', fill: '#FFFFFF' }));
    angle = a1;
  });
  const lx = box.x + box.w - legendW + 8;
  out.push(text(lx + legendW - 70, box.y + 12, 'Value', { 'font-size': 10, 'text-anchor': 'end', fill: THEME.weak }));
  out.push(text(lx + legendW - 16, box.y + 12, 'Percent', { 'font-size': 10, 'text-anchor': 'end', fill: THEME.weak }));
  values.slice(0, Math.max(1, Math.floor((box.h - 16) / 16))).forEach((v, i) => {
    const y = box.y + 28 + i * 16;
    out.push(`<rect x="${n(lx)}" y="${n(y - 8)}" width="10" height="10" rx="2" fill="${seriesColour(i)}"/>`);
    out.push(text(lx + 14, y, fit(v.name, legendW - 150, 11), { 'font-size': 11, fill: THEME.text, 'data-role': 'legend' }));
    out.push(text(lx + legendW - 70, y, formatIn(panel, v.value), { 'font-size': 11, 'text-anchor': 'end', fill: THEME.text }));
    out.push(text(lx + legendW - 16, y, `${Math.round((v.value / total) * 100)}%`, { 'font-size': 11, 'text-anchor': 'end', fill: THEME.text }));
  });
  return out.join('');
}
