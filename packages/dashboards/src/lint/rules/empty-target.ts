import type { LintRule } from '../types.js';
import { panelName } from '../types.js';

const QUERYLESS = new Set(['text', 'row', 'dashlist', 'news']);

export const emptyTarget: LintRule = {
  id: 'dashboard-empty-target',
  severity: 'error',
  description: 'Every panel has at least one target and every target has a query.',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      for (const p of d.panels) {
        if (QUERYLESS.has(p.type ?? '')) continue;
        if (p.targets.length === 0) report({ dashboard: d, panel: p, message: `Unexpected ${panelName(p)} without targets, expected at least one query` });
        for (const t of p.targets) {
          if (t.expr === undefined || t.expr.trim() === '') report({ dashboard: d, panel: p, message: `Unexpected empty target ${t.refId ?? '?'} in ${panelName(p)}, expected an expression` });
        }
      }
    }
  },
};
