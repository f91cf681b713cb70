/**
 * Draws an architecture graph as a standalone SVG: nodes in columns left to right, edges as curves
 * with arrowheads and labels. Deterministic (same graph, same bytes), no fonts or scripts to load, so
 * it renders the same on GitHub, in the docs site (under its Content-Security-Policy) and offline.
 */
import type { ArchitectureEdge, ArchitectureGraph, ArchitectureNode } from './architecture.js';

const FONT = 13;
/** Average advance of a 13 px sans-serif character; labels are sized from it (no font metrics here). */
const CHAR = 7.4;
const LABEL_CHAR = CHAR * 0.85;
const PAD_X = 14;
const BOX_H = 38;
const ROW_GAP = 22;
/** Horizontal room between two columns besides the widest edge label leaving the left one. */
const COL_GAP = 56;
const MARGIN = 16;

interface Box {
  readonly node: ArchitectureNode;
  readonly x: number;
  readonly y: number;
  readonly w: number;
}

function xml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

const num = (n: number) => String(Math.round(n * 10) / 10);
const rowY = (row: number) => MARGIN + row * (BOX_H + ROW_GAP);

/**
 * Column x positions (each gap as wide as the longest label leaving it, so a label never covers a
 * box), then rows: a column stacks from the top; a node with a `row` takes it; a lone node sits level
 * with its first source, or in the middle when it has none (the service on the left).
 */
function layout(graph: ArchitectureGraph): { boxes: Map<string, Box>; gaps: number[]; width: number; height: number } {
  const columns: ArchitectureNode[][] = [];
  for (const n of graph.nodes) (columns[n.column] ??= []).push(n);
  const widths = columns.map((col) => Math.max(0, ...(col ?? []).map((n) => n.label.length * CHAR + 2 * PAD_X)));
  const column = new Map(graph.nodes.map((n) => [n.id, n.column]));
  const gaps = widths.map((_, c) => Math.max(0, ...graph.edges.filter((e) => column.get(e.from) === c).map((e) => (e.label ? e.label.length * LABEL_CHAR + 16 : 0))) + COL_GAP);
  const xs: number[] = [];
  widths.reduce((x, w, i) => ((xs[i] = x), x + w + (gaps[i] ?? COL_GAP)), MARGIN);
  const rows = Math.max(...columns.map((c) => c?.length ?? 0), ...graph.nodes.map((n) => (n.row ?? -1) + 1));
  const boxes = new Map<string, Box>();
  columns.forEach((col, c) => {
    col?.forEach((node, r) => {
      let y = rowY(node.row ?? r);
      if (col.length === 1 && node.row === undefined) {
        const source = graph.edges.find((e) => e.to === node.id && boxes.has(e.from));
        y = source ? (boxes.get(source.from)?.y ?? y) : (rowY(0) + rowY(rows - 1)) / 2;
      }
      boxes.set(node.id, { node, x: xs[c] ?? MARGIN, y, w: widths[c] ?? 0 });
    });
  });
  const last = columns.length - 1;
  return { boxes, gaps, width: (xs[last] ?? 0) + (widths[last] ?? 0) + MARGIN, height: rowY(rows - 1) + BOX_H + MARGIN };
}

/**
 * Where each edge leaves and enters: a node's edges are spread over the height of its side, in the
 * order of the other ends' heights, so edges from one node do not start on top of each other.
 */
function ports(graph: ArchitectureGraph, boxes: ReadonlyMap<string, Box>): Map<ArchitectureEdge, { y1: number; y2: number }> {
  const centre = (id: string) => (boxes.get(id)?.y ?? 0) + BOX_H / 2;
  const spread = (edges: ArchitectureEdge[], other: (e: ArchitectureEdge) => string, own: string) => {
    const sorted = [...edges].sort((a, b) => centre(other(a)) - centre(other(b)));
    const top = boxes.get(own)?.y ?? 0;
    return new Map(sorted.map((e, i) => [e, top + (BOX_H * (i + 1)) / (sorted.length + 1)]));
  };
  const out = new Map<ArchitectureEdge, { y1: number; y2: number }>();
  for (const id of boxes.keys()) {
    const leaving = spread(graph.edges.filter((e) => e.from === id), (e) => e.to, id);
    for (const [e, y1] of leaving) out.set(e, { y1, y2: out.get(e)?.y2 ?? 0 });
  }
  for (const id of boxes.keys()) {
    const entering = spread(graph.edges.filter((e) => e.to === id), (e) => e.from, id);
    for (const [e, y2] of entering) out.set(e, { y1: out.get(e)?.y1 ?? 0, y2 });
  }
  return out;
}

/** y of the edge curve (controls at the horizontal midpoint) where it crosses x, by bisection on t. */
function curveYAt(x: number, x1: number, y1: number, x2: number, y2: number): number {
  const mx = (x1 + x2) / 2;
  const bez = (t: number, p0: number, p1: number, p2: number, p3: number) => (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const t = (lo + hi) / 2;
    if (bez(t, x1, mx, mx, x2) < x) lo = t;
    else hi = t;
  }
  return bez((lo + hi) / 2, y1, y1, y2, y2);
}

export function architectureSvg(graph: ArchitectureGraph): string {
  const { boxes, gaps, width, height } = layout(graph);
  const at = ports(graph, boxes);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-label="${xml(graph.title)}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${FONT}">`,
    `<title>${xml(graph.title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#5b6473"/></marker></defs>',
    `<rect width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
  ];
  const labels: string[] = [];
  for (const e of graph.edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    const p = at.get(e);
    if (!a || !b || !p) continue;
    const x1 = a.x + a.w;
    const x2 = b.x;
    const mx = (x1 + x2) / 2;
    out.push(`<path d="M${num(x1)} ${num(p.y1)}C${num(mx)} ${num(p.y1)} ${num(mx)} ${num(p.y2)} ${num(x2)} ${num(p.y2)}" fill="none" stroke="#5b6473" stroke-width="1.3" marker-end="url(#arrow)"/>`);
    if (e.label) {
      // Centred in the gap after the source column (sized for it), on the curve, on a white plate.
      const lw = e.label.length * LABEL_CHAR + 8;
      const cx = x1 + (gaps[a.node.column] ?? COL_GAP) / 2;
      const ly = curveYAt(cx, x1, p.y1, x2, p.y2);
      labels.push(`<rect x="${num(cx - lw / 2)}" y="${num(ly - 9)}" width="${num(lw)}" height="16" rx="3" fill="#ffffff" fill-opacity="0.9"/>`);
      labels.push(`<text x="${num(cx)}" y="${num(ly + 3.5)}" text-anchor="middle" font-size="${FONT - 2}" fill="#39404d">${xml(e.label)}</text>`);
    }
  }
  for (const box of boxes.values()) {
    out.push(`<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.w)}" height="${BOX_H}" rx="6" fill="#f3f6fb" stroke="#3d5a80" stroke-width="1.2"/>`);
    out.push(`<text x="${num(box.x + box.w / 2)}" y="${num(box.y + BOX_H / 2 + FONT * 0.35)}" text-anchor="middle" fill="#1b2330">${xml(box.node.label)}</text>`);
  }
  return [...out, ...labels, '</svg>', ''].join('\n');
}
