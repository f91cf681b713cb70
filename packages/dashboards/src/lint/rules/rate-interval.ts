import { indexModel } from '@monspec/metrics-spec';
import { rangeUses } from '../scan.js';
import type { LintRule } from '../types.js';
import { panelName, targetsOf } from '../types.js';

/** Ranges that follow the dashboard: per step ($__rate_interval) or over the whole range ($__range). */
const DYNAMIC = /^\$\{?__(rate_interval|range)\}?$/;

export const rateInterval: LintRule = {
  id: 'dashboard-rate-interval',
  severity: 'error',
  description:
    'rate(), irate() and increase() in dashboard PromQL use [$__rate_interval] (or [$__range]) so the window follows the zoom level and scrape interval; a fixed window is accepted only when it is the window the panel threshold is defined over.',
  run({ model, dashboards }, report) {
    const index = indexModel(model);
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'promql')) {
      const window = (dashboard.uid ? index.dashboard(dashboard.uid) : undefined)?.panels.find((mp) => mp.id === panel.id)?.threshold?.window;
      for (const use of rangeUses(expr)) {
        if (DYNAMIC.test(use.range) || (window !== undefined && use.range === window)) continue;
        report({ dashboard, panel, message: `Unexpected ${use.fn}(…[${use.range}]) in target ${target.refId ?? '?'} of ${panelName(panel)}, expected ${use.fn}(…[$__rate_interval])` });
      }
    }
  },
};
