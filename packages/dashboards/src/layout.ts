/**
 * Panel placement on Grafana's 24-column grid: panels flow left to right in declaration order and
 * wrap to a new row when the next one would not fit. A row is as tall as its tallest panel, so no
 * two panels overlap and the layout only depends on the order, widths and heights in the spec.
 */

export const GRID_COLUMNS = 24;

export interface GridPos {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PanelSize {
  readonly width: number;
  readonly height: number;
}

export function layoutPanels(sizes: readonly PanelSize[]): GridPos[] {
  const out: GridPos[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const size of sizes) {
    // Out-of-range widths are clamped here; the schema already bounds them, this keeps the grid valid.
    const w = Math.min(GRID_COLUMNS, Math.max(1, Math.round(size.width)));
    const h = Math.max(1, Math.round(size.height));
    if (x + w > GRID_COLUMNS) {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    out.push({ x, y, w, h });
    x += w;
    rowHeight = Math.max(rowHeight, h);
  }
  return out;
}
