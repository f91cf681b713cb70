import { indexModel } from '@monspec/metrics-spec';
import { rangeUses } from '../scan.js';
import type { LintRule } from '../types.js';
import { panelName, targetsOf } from '../types.js';

const RANGE = /^\$\{?__range\}?$/;

/** Panel kinds whose instant value summarises the selected time range; a gauge shows the value now. */
const SUMMARY_KINDS = new Set(['table', 'piechart', 'stat', 'bargauge']);

export const instantRange: LintRule = {
  id: 'dashboard-instant-range',
  severity: 'error',
  description:
    'Which window fits which target: an instant query of a panel that summarises the selected time range (table, pie chart, stat, bar gauge) reads rate()/increase() over [$__range], since [$__rate_interval] would show only the last minutes of a 24 h range; a range query (a graph) reads [$__rate_interval] per point, never [$__range], which would smear the whole range into every point; a gauge shows the value now ([$__rate_interval]). A fixed window equal to the panel threshold\'s window is accepted in both.',
  run({ model, dashboards }, report) {
    const index = indexModel(model);
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'promql')) {
      const window = (dashboard.uid ? index.dashboard(dashboard.uid) : undefined)?.panels.find((mp) => mp.id === panel.id)?.threshold?.window;
      for (const use of rangeUses(expr)) {
        if (window !== undefined && use.range === window) continue;
        const where = `target ${target.refId ?? '?'} of ${panelName(panel)}`;
        if (target.instant && SUMMARY_KINDS.has(panel.type ?? '') && !RANGE.test(use.range)) {
          report({ dashboard, panel, message: `Unexpected ${use.fn}(…[${use.range}]) in the instant ${where}, expected ${use.fn}(…[$__range]) so the value covers the selected time range` });
        } else if (!target.instant && RANGE.test(use.range)) {
          report({ dashboard, panel, message: `Unexpected ${use.fn}(…[${use.range}]) in the range ${where}, expected ${use.fn}(…[$__rate_interval]) per point` });
        }
      }
    }
  },
};
