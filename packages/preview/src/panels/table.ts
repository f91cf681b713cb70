/**
 * Table: one row per label set, the queries merged on their labels (transformation merge), Time
 * dropped, value columns named as generated (`tableValueColumn`: the literal legend, the panel title
 * for one query, else `Value #<refId>`), sorted by the first value column, largest first, and cut to
 * the limit when the spec sets one; numbers coloured by band (cell type color-text) when the panel
 * has a threshold.
 */
import { tableValueColumn } from '@monspec/dashboards';
import { colour, THEME } from '../colors.js';
import { exact, fit, n, text } from '../svg.js';
import { formatIn, lastValue, shown } from '../values.js';
import type { DrawContext } from './context.js';

interface Row {
  readonly labels: Readonly<Record<string, string>>;
  readonly values: Array<number | undefined>;
}

export function drawTable(ctx: DrawContext): string {
  const { panel, box } = ctx;
  const valueCols = panel.queries.map((q) => {
    const c = tableValueColumn(panel, q);
    return c.to ?? c.from;
  });
  const labelNames = [...new Set(ctx.queries.flatMap((q) => q.series.flatMap((s) => Object.keys(s.labels))))].filter((l) => l !== '__name__').sort();
  const rows = new Map<string, Row>();
  for (const q of ctx.queries) {
    const col = panel.queries.findIndex((s) => s.refId === q.refId);
    for (const s of q.series) {
      const labels = Object.fromEntries(labelNames.filter((l) => s.labels[l] !== undefined).map((l) => [l, s.labels[l] ?? '']));
      const key = labelNames.map((l) => labels[l] ?? '').join('\u0000');
      const row = rows.get(key) ?? { labels, values: valueCols.map(() => undefined) };
      if (col >= 0) row.values[col] = lastValue(s);
      rows.set(key, row);
    }
  }
  let list = [...rows.values()];
  if (panel.limit !== undefined) list = list.sort((a, b) => (b.values[0] ?? Number.NEGATIVE_INFINITY) - (a.values[0] ?? Number.NEGATIVE_INFINITY)).slice(0, panel.limit);
  const columns = [...labelNames, ...valueCols];
  const colW = box.w / columns.length;
  const rowH = 22;
  const out: string[] = [];
  out.push(`<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${rowH}" fill="${THEME.background}"/>`);
  columns.forEach((c, i) => out.push(text(box.x + i * colW + 6, box.y + 15, fit(c, colW - 10, 11), { 'font-size': 11, 'font-weight': 'bold', fill: THEME.text, 'data-role': 'column' })));
  const fits = Math.max(1, Math.floor((box.h - rowH) / rowH));
  const shownRows = list.length > fits ? list.slice(0, fits - 1) : list;
  shownRows.forEach((row, r) => {
    const y = box.y + rowH * (r + 1);
    out.push(`<g data-role="row">`);
    out.push(`<line x1="${n(box.x)}" x2="${n(box.x + box.w)}" y1="${n(y)}" y2="${n(y)}" stroke="${THEME.border}"/>`);
    labelNames.forEach((l, i) => out.push(text(box.x + i * colW + 6, y + 15, fit(row.labels[l] ?? '', colW - 10, 11), { 'font-size': 11, fill: THEME.text })));
    row.values.forEach((v, j) => {
      const x = box.x + (labelNames.length + j) * colW + 6;
      if (v === undefined) return;
      const s = shown(panel, v);
      const fill = panel.threshold ? s.colour : s.mapped ? colour(s.colour) : THEME.text;
      out.push(`<text data-role="cell" data-value="${exact(v)}"${s.band ? ` data-band="${s.band}"` : ''} x="${n(x)}" y="${n(y + 15)}" font-size="11" fill="${fill}">${fit(s.mapped ? s.text : formatIn(panel, v), colW - 10, 11).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`);
    });
    out.push('</g>');
  });
  if (shownRows.length < list.length) out.push(text(box.x + 6, box.y + rowH * (shownRows.length + 1) + 15, `… ${list.length - shownRows.length} more rows`, { 'font-size': 11, fill: THEME.weak }));
  return out.join('');
}
