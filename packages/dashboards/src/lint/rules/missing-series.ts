import { analyzePromql, seriesIndex } from '@monspec/metrics-spec';
import type { LintRule } from '../types.js';
import { panelName, targetsOf } from '../types.js';

export const missingSeries: LintRule = {
  id: 'dashboard-missing-series',
  severity: 'warning',
  description:
    'A target that sums a counter into one series shows 0, not "No data", before the counter is first used. The generated instrumentation creates every label combination at 0 when all labels have declared values; a counter with a label that has only a bound (e.g. user) has no series until its first increment, so a total over it needs a fallback (`… or vector(0)`).',
  run({ model, dashboards }, report) {
    const series = seriesIndex(model);
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'promql')) {
      // Grouped results (by/without) name their groups; an empty table is the honest answer there.
      if (/\b(by|without)\s*\(/.test(expr) || /\bor\b/.test(expr)) continue;
      const analysis = analyzePromql(expr);
      if (analysis.syntaxErrors.length > 0) continue;
      for (const sel of analysis.selectors) {
        const info = series.get(sel.name);
        const unbounded = info?.counter ? info.metric?.labels.find((l) => !l.values || l.values.length === 0) : undefined;
        if (!unbounded) continue;
        report({
          dashboard,
          panel,
          message: `Unexpected total over ${sel.name} without a fallback in target ${target.refId ?? '?'} of ${panelName(panel)} (label ${unbounded.name} has no declared values, so no series exists before the first increment), expected \`… or vector(0)\``,
        });
      }
    }
  },
};
