import type { LintRule } from '../types.js';
import { panelName } from '../types.js';

/** Visualisations whose series are told apart only by a legend. */
const WITH_LEGEND = new Set(['timeseries', 'piechart']);

export const legendShown: LintRule = {
  id: 'dashboard-legend',
  severity: 'error',
  description: 'Time series and pie charts show their legend.',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      for (const p of d.panels) {
        if (WITH_LEGEND.has(p.type ?? '') && p.showLegend !== true) report({ dashboard: d, panel: p, message: `Unexpected hidden legend on ${panelName(p)}, expected options.legend.showLegend: true` });
      }
    }
  },
};
