import { analyzePromql, seriesIndex } from '@monspec/metrics-spec';
import { isGlobalVariable, variableRefs } from '../scan.js';
import type { LintRule } from '../types.js';
import { panelName, targetsOf } from '../types.js';

export const undeclaredVariable: LintRule = {
  id: 'dashboard-undeclared-variable',
  severity: 'error',
  description: 'Every $variable a query uses is a variable of its dashboard or one of Grafana\'s globals ($__rate_interval, ...).',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      const declared = new Set(d.variables.map((v) => v.name));
      for (const p of d.panels) {
        for (const t of p.targets) {
          for (const name of variableRefs(t.expr ?? '')) {
            if (!isGlobalVariable(name) && !declared.has(name)) report({ dashboard: d, panel: p, message: `Unexpected undeclared variable $${name} in target ${t.refId ?? '?'} of ${panelName(p)}, expected a variable of the dashboard` });
          }
        }
      }
    }
  },
};

/** Variables that filter series by a label (not datasource pickers or intervals). */
const FILTER_TYPES = new Set(['query', 'custom']);

export const variableFilter: LintRule = {
  id: 'dashboard-variable-filter',
  severity: 'warning',
  description:
    'A dashboard variable filters every query that can be filtered: each PromQL selector whose series carries the variable\'s label matches it against the variable (e.g. {tier=~"$tier"}). Series without the label (process metrics, rules aggregated away from it) are exempt.',
  run({ model, dashboards }, report) {
    const series = seriesIndex(model);
    const filterNames = new Map(dashboards.map((d) => [d, d.variables.filter((v) => FILTER_TYPES.has(v.type ?? '') && v.name).map((v) => v.name ?? '')]));
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'promql')) {
      const names = filterNames.get(dashboard) ?? [];
      if (names.length === 0) continue;
      const analysis = analyzePromql(expr);
      if (analysis.syntaxErrors.length > 0) continue;
      for (const sel of analysis.selectors) {
        const labels = series.get(sel.name)?.labels;
        for (const name of names) {
          if (!labels?.has(name)) continue;
          const filtered = sel.matchers.some((m) => m.label === name && variableRefs(m.value).includes(name));
          if (!filtered) report({ dashboard, panel, message: `Unexpected ${sel.name} without {${name}=~"$${name}"} in target ${target.refId ?? '?'} of ${panelName(panel)}, expected the $${name} variable to filter it` });
        }
      }
    }
  },
};
