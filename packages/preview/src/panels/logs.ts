/** Logs: a stylised list, newest first (sort order descending), each line with its time, a bar in its level's colour and the wrapped-off message. */
import { colour, THEME } from '../colors.js';
import type { LogLine } from '../data.js';
import { fit, n, text } from '../svg.js';
import type { Box } from './context.js';

const LEVEL_COLOUR: Readonly<Record<string, string>> = { error: 'red', critical: 'red', warn: 'yellow', warning: 'yellow', info: 'green', debug: 'blue' };

export function drawLogs(lines: readonly LogLine[], box: Box): string {
  const sorted = [...lines].sort((a, b) => b.timeMs - a.timeMs);
  const lineH = 18;
  const fits = Math.max(1, Math.floor(box.h / lineH));
  const out: string[] = [];
  sorted.slice(0, fits).forEach((l, i) => {
    const y = box.y + i * lineH;
    const time = new Date(l.timeMs).toISOString().replace('T', ' ').slice(0, 19);
    out.push(`<g data-role="log-line" data-level="${l.level.replace(/"/g, '&quot;')}">`);
    out.push(`<rect x="${n(box.x)}" y="${n(y + 2)}" width="3" height="${lineH - 4}" fill="${colour(LEVEL_COLOUR[l.level.toLowerCase()] ?? 'text')}"/>`);
    out.push(text(box.x + 8, y + 13, time, { 'font-size': 11, 'font-family': 'DejaVu Sans Mono, monospace', fill: THEME.weak }));
    out.push(text(box.x + 150, y + 13, fit(l.message, box.w - 150, 11), { 'font-size': 11, 'font-family': 'DejaVu Sans Mono, monospace', fill: THEME.text }));
    out.push('</g>');
  });
  return out.join('');
}
