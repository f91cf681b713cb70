import { GRID_COLUMNS } from '../../layout.js';
import type { LintRule } from '../types.js';
import { panelName } from '../types.js';
import type { GridView, PanelView } from '../view.js';

type Box = { x: number; y: number; w: number; h: number };

function box(g: GridView | undefined): Box | undefined {
  if (!g || g.x === undefined || g.y === undefined || g.w === undefined || g.h === undefined) return undefined;
  return { x: g.x, y: g.y, w: g.w, h: g.h };
}

export const gridBounds: LintRule = {
  id: 'dashboard-grid-bounds',
  severity: 'error',
  description: `Every panel has a gridPos of whole numbers inside the ${GRID_COLUMNS}-column grid (x ≥ 0, y ≥ 0, w ≥ 1, h ≥ 1, x + w ≤ ${GRID_COLUMNS}).`,
  run({ dashboards }, report) {
    for (const d of dashboards) {
      for (const p of d.panels) {
        const b = box(p.gridPos);
        if (!b) {
          report({ dashboard: d, panel: p, message: `Unexpected ${panelName(p)} without a complete gridPos, expected x, y, w and h` });
          continue;
        }
        const whole = [b.x, b.y, b.w, b.h].every(Number.isInteger);
        if (!whole || b.x < 0 || b.y < 0 || b.w < 1 || b.h < 1 || b.x + b.w > GRID_COLUMNS) {
          report({ dashboard: d, panel: p, message: `Unexpected gridPos x=${b.x} y=${b.y} w=${b.w} h=${b.h} on ${panelName(p)}, expected whole numbers within ${GRID_COLUMNS} columns` });
        }
      }
    }
  },
};

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export const gridOverlap: LintRule = {
  id: 'dashboard-grid-overlap',
  severity: 'error',
  description: 'No two panels of a dashboard overlap.',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      const placed: Array<{ panel: PanelView; box: Box }> = [];
      for (const p of d.panels) {
        const b = box(p.gridPos);
        if (!b) continue;
        for (const other of placed) {
          if (overlaps(b, other.box)) report({ dashboard: d, panel: p, message: `Unexpected ${panelName(p)} overlapping ${panelName(other.panel)}, expected panels side by side` });
        }
        placed.push({ panel: p, box: b });
      }
    }
  },
};
