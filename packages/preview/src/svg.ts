/** Small helpers for writing SVG text by hand: escaping, number formatting, text width estimates. */

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Coordinates with at most two decimals, so the same input gives the same bytes on every platform. */
export function n(value: number): string {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Width of `text` at `size` px in a sans-serif face (DejaVu Sans averages ~0.58 em per character). */
export function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.66 : 0.58);
}

/** `text` cut with an ellipsis to fit `width` px at `size`. */
export function fit(text: string, width: number, size: number): string {
  const max = Math.floor(width / (size * 0.58));
  if (text.length <= max) return text;
  return max <= 1 ? '' : `${text.slice(0, max - 1)}…`;
}

/** A `<text>` element. */
export function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrString(attrs)}>${esc(content)}</text>`;
}

function attrString(attrs: Record<string, string | number>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : esc(v)}"`)
    .join('');
}

/** A stable 32-bit hash (FNV-1a) of a string: seeds the sample data's phases without randomness. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A value as data (`data-value`), unrounded but for float noise: what the panel shows, for tests and tools. */
export function exact(value: number): string {
  return String(Number(value.toPrecision(12)));
}
