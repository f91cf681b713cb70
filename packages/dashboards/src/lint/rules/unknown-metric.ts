import { analyzePromql, seriesIndex } from '@monspec/metrics-spec';
import type { LintRule } from '../types.js';
import { panelName, targetsOf } from '../types.js';

export const unknownMetric: LintRule = {
  id: 'dashboard-unknown-metric',
  severity: 'error',
  description: 'Every series a PromQL target reads is a declared metric (or one of its histogram/summary series) or a recording rule of the spec.',
  run({ model, dashboards }, report) {
    const series = seriesIndex(model);
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'promql')) {
      const analysis = analyzePromql(expr);
      if (analysis.syntaxErrors.length > 0) continue;
      for (const name of analysis.metricNames) {
        if (!series.has(name)) report({ dashboard, panel, message: `Unexpected unknown series ${name} in target ${target.refId ?? '?'} of ${panelName(panel)}, expected a metric or recording rule declared in the spec` });
      }
    }
  },
};
