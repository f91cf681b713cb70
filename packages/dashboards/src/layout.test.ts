import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, layoutPanels } from './layout.js';

describe('layoutPanels', () => {
  it('flows panels left to right and wraps at 24 columns, a row as tall as its tallest panel', () => {
    expect(layoutPanels([
      { width: 6, height: 8 },
      { width: 6, height: 10 },
      { width: 12, height: 8 },
      { width: 12, height: 8 },
      { width: 24, height: 12 },
    ])).toEqual([
      { x: 0, y: 0, w: 6, h: 8 },
      { x: 6, y: 0, w: 6, h: 10 },
      { x: 12, y: 0, w: 12, h: 8 },
      { x: 0, y: 10, w: 12, h: 8 },
      { x: 0, y: 18, w: 24, h: 12 },
    ]);
  });

  it('clamps widths into the grid', () => {
    expect(layoutPanels([{ width: 30, height: 8 }, { width: 0, height: 8 }])).toEqual([
      { x: 0, y: 0, w: GRID_COLUMNS, h: 8 },
      { x: 0, y: 8, w: 1, h: 8 },
    ]);
  });

  it('never overlaps, whatever the sizes', () => {
    // A deterministic pseudo-random sequence of sizes.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const sizes = Array.from({ length: 200 }, () => ({ width: 1 + next(24), height: 1 + next(12) }));
    const boxes = layoutPanels(sizes);
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      expect(a.x + a.w).toBeLessThanOrEqual(GRID_COLUMNS);
      for (let j = 0; j < i; j++) {
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${i} overlaps ${j}`).toBe(false);
      }
    }
  });
});
