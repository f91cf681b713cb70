import type { Series } from '../data.js';
import { n } from '../svg.js';
import type { Box } from './context.js';

/** A series as a filled area in `box`, scaled to its own range (the stat panel's graph mode "area"). */
export function sparkline(series: Series, box: Box, stroke: string): string {
  const pts = series.points.filter(([, v]) => Number.isFinite(v));
  if (pts.length < 2) return '';
  const t0 = pts[0]?.[0] ?? 0;
  const t1 = pts[pts.length - 1]?.[0] ?? 1;
  const vs = pts.map(([, v]) => v);
  const lo = Math.min(...vs);
  const hi = Math.max(...vs);
  const span = hi - lo || 1;
  const xy = pts.map(([t, v]) => `${n(box.x + ((t - t0) / (t1 - t0 || 1)) * box.w)},${n(box.y + box.h - ((v - lo) / span) * box.h)}`);
  return `<polyline data-role="sparkline" points="${xy.join(' ')}" fill="none" stroke="${stroke}" stroke-width="1.5"/>`;
}
