/**
 * Stat: each series' last value, big, in a cell of its own (Grafana's auto orientation: side by side
 * in a wide panel, stacked in a tall one). Colour mode as generated: the cell's background in the
 * band's or mapping's colour when the panel has a threshold or coloured mappings, else the value's
 * text; a sparkline under it for range queries (graph mode area).
 */
import { colour, THEME } from '../colors.js';
import { exact, fit, n, text } from '../svg.js';
import { shown } from '../values.js';
import type { DrawContext } from './context.js';
import { lastValues } from './reduce.js';
import { sparkline } from './sparkline.js';

export function drawStat(ctx: DrawContext): string {
  const { panel, box } = ctx;
  const values = lastValues(panel, ctx.queries);
  const background = panel.threshold !== undefined || panel.valueMappings.some((m) => m.color !== undefined);
  const graph = !panel.queries.every((q) => q.instant);
  const horizontal = box.w >= box.h;
  const count = values.length;
  const cellW = horizontal ? box.w / count : box.w;
  const cellH = horizontal ? box.h : box.h / count;
  const out: string[] = [];
  values.forEach((v, i) => {
    const x = box.x + (horizontal ? i * cellW : 0);
    const y = box.y + (horizontal ? 0 : i * cellH);
    const s = shown(panel, v.value);
    const attrs = `data-role="stat-value" data-series="${v.name.replace(/"/g, '&quot;')}" data-value="${exact(v.value)}"${s.band ? ` data-band="${s.band}"` : ''} data-text="${s.text.replace(/"/g, '&quot;')}" data-colour="${s.colour}"`;
    const fg = background ? '#FFFFFF' : s.colour;
    out.push(`<g ${attrs}>`);
    out.push(`<rect x="${n(x + 2)}" y="${n(y + 2)}" width="${n(cellW - 4)}" height="${n(cellH - 4)}" rx="2" fill="${background ? s.colour : 'none'}"/>`);
    const size = Math.max(10, Math.min(cellH * 0.38, (cellW - 8) / Math.max(3, s.text.length * 0.62)));
    if (count > 1) out.push(text(x + cellW / 2, y + Math.min(16, cellH * 0.25), fit(v.name, cellW - 8, 11), { 'font-size': 11, 'text-anchor': 'middle', fill: background ? '#FFFFFF' : THEME.text }));
    out.push(text(x + cellW / 2, y + cellH / 2 + size * 0.35, s.text, { 'font-size': size, 'font-weight': 'bold', 'text-anchor': 'middle', fill: fg }));
    if (graph) {
      const series = ctx.queries.flatMap((q) => q.series)[i];
      if (series) out.push(sparkline(series, { x: x + 4, y: y + cellH * 0.7, w: cellW - 8, h: cellH * 0.28 }, background ? 'rgba(255,255,255,0.5)' : colour(s.colour)));
    }
    out.push('</g>');
  });
  return out.join('');
}
