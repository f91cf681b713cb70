import type { LintRule } from '../types.js';
import { panelName } from '../types.js';

/** Visualisations without a value axis have no unit to set. */
const UNITLESS = new Set(['logs', 'text', 'row', 'dashlist', 'news']);

export const panelUnit: LintRule = {
  id: 'dashboard-unit',
  severity: 'error',
  description: 'Every panel that shows values sets a unit (fieldConfig.defaults.unit).',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      for (const p of d.panels) {
        if (UNITLESS.has(p.type ?? '')) continue;
        if (!p.unit) report({ dashboard: d, panel: p, message: `Unexpected ${panelName(p)} without a unit, expected fieldConfig.defaults.unit (set unit: on the panel in the spec)` });
      }
    }
  },
};
