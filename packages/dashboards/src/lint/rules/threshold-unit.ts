import { UNITS, indexModel } from '@monspec/metrics-spec';
import { convertValue } from '../../thresholds.js';
import type { LintRule } from '../types.js';
import { panelName } from '../types.js';

export const thresholdUnit: LintRule = {
  id: 'dashboard-threshold-unit',
  severity: 'error',
  description: 'A panel\'s threshold is in the panel\'s unit or one convertible to it (ratio ↔ percent, seconds ↔ milliseconds), and the generated unit is the one the spec asks for.',
  run({ model, dashboards }, report) {
    const index = indexModel(model);
    for (const d of dashboards) {
      const md = d.uid ? index.dashboard(d.uid) : undefined;
      if (!md) continue;
      for (const p of d.panels) {
        const mp = md.panels.find((x) => x.id === p.id);
        if (!mp) continue;
        // A missing unit is dashboard-unit's finding.
        if (mp.unit !== undefined && p.unit !== undefined && p.unit !== UNITS[mp.unit].grafana) {
          report({ dashboard: d, panel: p, message: `Unexpected unit ${JSON.stringify(p.unit ?? null)} on ${panelName(p)}, expected ${UNITS[mp.unit].grafana} (${mp.unit})` });
        }
        const t = mp.threshold;
        if (t && mp.unit !== undefined && convertValue(1, t.unit, mp.unit) === undefined) {
          report({ dashboard: d, panel: p, message: `Unexpected threshold ${t.name} in ${t.unit} on ${panelName(p)} in ${mp.unit}, expected a threshold in ${mp.unit}` });
        }
      }
    }
  },
};
