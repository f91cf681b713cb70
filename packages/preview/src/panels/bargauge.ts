/** Bar gauge: a horizontal bar per series over the gauge range, a gradient towards its band's colour (display mode gradient), the name and value beside it. */
import { gaugeRange } from '@monspec/dashboards';
import { THEME } from '../colors.js';
import { exact, fit, n, text } from '../svg.js';
import { shown } from '../values.js';
import type { DrawContext } from './context.js';
import { lastValues } from './reduce.js';

export function drawBargauge(ctx: DrawContext): string {
  const { panel, box } = ctx;
  const values = lastValues(panel, ctx.queries);
  const range = gaugeRange(panel);
  const top = range.max ?? Math.max(range.min + 1, ...values.map((v) => v.value));
  const rowH = Math.min(40, box.h / values.length);
  const out: string[] = [];
  values.forEach((v, i) => {
    const y = box.y + i * rowH;
    const s = shown(panel, v.value);
    const f = Math.max(0, Math.min(1, (v.value - range.min) / (top - range.min || 1)));
    const barX = box.x + box.w * 0.3;
    const barW = box.w * 0.5;
    const id = `bg-${panel.key}-${i}`;
    out.push(`<g data-role="bar" data-series="${v.name.replace(/"/g, '&quot;')}" data-value="${exact(v.value)}"${s.band ? ` data-band="${s.band}"` : ''} data-colour="${s.colour}">`);
    out.push(`<linearGradient id="${id}"><stop offset="0" stop-color="${s.colour}" stop-opacity="0.3"/><stop offset="1" stop-color="${s.colour}"/></linearGradient>`);
    out.push(text(box.x, y + rowH / 2 + 4, fit(v.name, box.w * 0.29, 11), { 'font-size': 11, fill: THEME.text }));
    out.push(`<rect x="${n(barX)}" y="${n(y + rowH * 0.2)}" width="${n(barW)}" height="${n(rowH * 0.6)}" fill="${THEME.grid}"/>`);
    out.push(`<rect x="${n(barX)}" y="${n(y + rowH * 0.2)}" width="${n(barW * f)}" height="${n(rowH * 0.6)}" fill="url(#${id})"/>`);
    out.push(text(box.x + box.w, y + rowH / 2 + 4, s.text, { 'font-size': 12, 'font-weight': 'bold', 'text-anchor': 'end', fill: s.colour }));
    out.push('</g>');
  });
  return out.join('');
}
