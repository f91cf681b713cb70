import { analyzePromql, seriesIndex } from '@monspec/metrics-spec';
import type { LintRule } from '../types.js';
import { panelName, targetsOf } from '../types.js';

const COUNTER_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'resets']);

export const counterRate: LintRule = {
  id: 'dashboard-counter-rate',
  severity: 'error',
  description: 'Counters (and histogram _bucket/_sum/_count series) appear only inside rate(), irate(), increase() or resets(): a raw counter only shows how long the process has been up.',
  run({ model, dashboards }, report) {
    const series = seriesIndex(model);
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'promql')) {
      const analysis = analyzePromql(expr);
      if (analysis.syntaxErrors.length > 0) continue;
      for (const sel of analysis.selectors) {
        if (!series.get(sel.name)?.counter) continue;
        if (sel.enclosingFunction && COUNTER_FUNCTIONS.has(sel.enclosingFunction)) continue;
        report({ dashboard, panel, message: `Unexpected counter ${sel.name} outside rate()/increase() in target ${target.refId ?? '?'} of ${panelName(panel)}, expected rate(${sel.name}[$__rate_interval])` });
      }
    }
  },
};
