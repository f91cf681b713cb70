/**
 * Gauge: per series an arc over the generated range (`gaugeRange`: the spec's min/max, or the unit's
 * natural range, or 1.25 × the highest band), the threshold steps as a thin outer ring
 * (showThresholdMarkers), the value's arc and number in its band's colour.
 */
import { gaugeRange, thresholdSteps } from '@monspec/dashboards';
import { colour, THEME } from '../colors.js';
import { exact, fit, n, text } from '../svg.js';
import { shown } from '../values.js';
import type { DrawContext } from './context.js';
import { lastValues } from './reduce.js';

const START = (-225 * Math.PI) / 180;
const SWEEP = (270 * Math.PI) / 180;

function arc(cx: number, cy: number, r: number, from: number, to: number): string {
  const a0 = START + SWEEP * from;
  const a1 = START + SWEEP * to;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  return `M${n(cx + r * Math.cos(a0))},${n(cy + r * Math.sin(a0))} A${n(r)},${n(r)} 0 ${large} 1 ${n(cx + r * Math.cos(a1))},${n(cy + r * Math.sin(a1))}`;
}

export function drawGauge(ctx: DrawContext): string {
  const { panel, box } = ctx;
  const values = lastValues(panel, ctx.queries);
  const range = gaugeRange(panel);
  const top = range.max ?? Math.max(range.min + 1, ...values.map((v) => v.value));
  const frac = (v: number) => Math.max(0, Math.min(1, (v - range.min) / (top - range.min || 1)));
  const cellW = box.w / values.length;
  const steps = thresholdSteps(panel.threshold, panel.unit);
  const out: string[] = [];
  values.forEach((v, i) => {
    const cx = box.x + cellW * i + cellW / 2;
    const labelH = values.length > 1 ? 14 : 0;
    const r = Math.max(8, Math.min(cellW * 0.42, (box.h - labelH) * 0.5));
    const cy = box.y + labelH + (box.h - labelH) / 2 + r * 0.15;
    const s = shown(panel, v.value);
    out.push(`<g data-role="gauge" data-series="${v.name.replace(/"/g, '&quot;')}" data-value="${exact(v.value)}"${s.band ? ` data-band="${s.band}"` : ''} data-colour="${s.colour}">`);
    steps.forEach((st, j) => {
      const from = frac(st.value ?? range.min);
      const to = frac(steps[j + 1]?.value ?? top);
      if (to > from) out.push(`<path d="${arc(cx, cy, r, from, to)}" fill="none" stroke="${colour(st.color)}" stroke-width="${n(Math.max(2, r * 0.06))}"/>`);
    });
    const inner = r * 0.82;
    const width = Math.max(4, r * 0.2);
    out.push(`<path d="${arc(cx, cy, inner, 0, 1)}" fill="none" stroke="${THEME.grid}" stroke-width="${n(width)}"/>`);
    const f = frac(v.value);
    if (f > 0) out.push(`<path d="${arc(cx, cy, inner, 0, Math.max(0.002, f))}" fill="none" stroke="${s.colour}" stroke-width="${n(width)}"/>`);
    // Bold DejaVu Sans is about 0.7 em per character: the text fits inside the arc.
    const size = Math.max(8, Math.min(inner * 0.45, (inner * 1.3) / Math.max(3, s.text.length * 0.7)));
    out.push(text(cx, cy + size * 0.35, s.text, { 'font-size': size, 'font-weight': 'bold', 'text-anchor': 'middle', fill: s.colour }));
    if (values.length > 1) out.push(text(cx, box.y + 11, fit(v.name, cellW - 4, 10), { 'font-size': 10, 'text-anchor': 'middle', fill: THEME.text }));
    out.push('</g>');
  });
  return out.join('');
}
