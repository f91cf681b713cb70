import { metricsRead } from '@monspec/metrics-spec';
import type { LintRule } from '../types.js';
import { targetsOf } from '../types.js';

export const metricCoverage: LintRule = {
  id: 'dashboard-metric-coverage',
  severity: 'warning',
  description: 'Every metric the spec declares is shown on at least one panel, directly or through a recording rule.',
  run({ model, dashboards }, report) {
    const first = dashboards[0];
    if (!first) return;
    const shown = new Set<string>();
    for (const { expr } of targetsOf(dashboards, 'promql')) for (const m of metricsRead(model, expr)) shown.add(m);
    for (const m of model.metrics) {
      // Reported on the first dashboard: the finding is about the set, not one dashboard.
      if (!shown.has(m.name)) report({ dashboard: first, message: `Unexpected metric ${m.name} on no panel, expected every declared metric on at least one panel` });
    }
  },
};
