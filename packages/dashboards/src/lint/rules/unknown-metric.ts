import { analyzePromql } from '@monspec/metrics-spec';
import { seriesIndex } from '../series.js';
import type { LintRule } from '../types.js';
import { panelName, targetLanguage } from '../types.js';

export const unknownMetric: LintRule = {
  id: 'dashboard-unknown-metric',
  severity: 'error',
  description: 'Every series a PromQL target reads is a declared metric (or one of its histogram/summary series) or a recording rule of the spec.',
  run({ model, dashboards }, report) {
    const series = seriesIndex(model);
    for (const d of dashboards) {
      for (const p of d.panels) {
        for (const t of p.targets) {
          if (!t.expr || targetLanguage(p, t) !== 'promql') continue;
          const analysis = analyzePromql(t.expr);
          if (analysis.syntaxErrors.length > 0) continue;
          for (const name of analysis.metricNames) {
            if (!series.has(name)) report({ dashboard: d, panel: p, message: `Unexpected unknown series ${name} in target ${t.refId ?? '?'} of ${panelName(p)}, expected a metric or recording rule declared in the spec` });
          }
        }
      }
    }
  },
};
