import { indexModel } from '@monspec/metrics-spec';
import { rangeUses } from '../scan.js';
import type { LintRule } from '../types.js';
import { panelName, targetLanguage } from '../types.js';

/** Ranges that follow the dashboard: per step ($__rate_interval) or over the whole range ($__range). */
const DYNAMIC = /^\$\{?__(rate_interval|range)\}?$/;

export const rateInterval: LintRule = {
  id: 'dashboard-rate-interval',
  severity: 'error',
  description:
    'rate(), irate() and increase() in dashboard PromQL use [$__rate_interval] (or [$__range]) so the window follows the zoom level and scrape interval; a fixed window is accepted only when it is the window the panel threshold is defined over.',
  run({ model, dashboards }, report) {
    const index = indexModel(model);
    for (const d of dashboards) {
      const modelDashboard = d.uid ? index.dashboard(d.uid) : undefined;
      for (const p of d.panels) {
        const window = modelDashboard?.panels.find((mp) => mp.id === p.id)?.threshold?.window;
        for (const t of p.targets) {
          if (!t.expr || targetLanguage(p, t) !== 'promql') continue;
          for (const use of rangeUses(t.expr)) {
            if (DYNAMIC.test(use.range) || (window !== undefined && use.range === window)) continue;
            report({ dashboard: d, panel: p, message: `Unexpected ${use.fn}(…[${use.range}]) in target ${t.refId ?? '?'} of ${panelName(p)}, expected ${use.fn}(…[$__rate_interval])` });
          }
        }
      }
    }
  },
};
