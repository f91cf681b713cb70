import { analyzeLogql, analyzePromql } from '@monspec/metrics-spec';
import type { LintRule } from '../types.js';
import { panelName, targetLanguage } from '../types.js';

export const promqlSyntax: LintRule = {
  id: 'dashboard-promql-syntax',
  severity: 'error',
  description: 'Every PromQL target parses (@prometheus-io/lezer-promql, with Grafana variables replaced).',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      for (const p of d.panels) {
        for (const t of p.targets) {
          if (!t.expr || targetLanguage(p, t) !== 'promql') continue;
          const first = analyzePromql(t.expr).syntaxErrors[0];
          if (first) report({ dashboard: d, panel: p, message: `${first.message} in PromQL target ${t.refId ?? '?'} of ${panelName(p)}, expected a valid PromQL expression` });
        }
      }
    }
  },
};

export const logqlSyntax: LintRule = {
  id: 'dashboard-logql-syntax',
  severity: 'error',
  description: 'Every LogQL target parses (@grafana/lezer-logql, with Grafana variables replaced).',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      for (const p of d.panels) {
        for (const t of p.targets) {
          if (!t.expr || targetLanguage(p, t) !== 'logql') continue;
          const first = analyzeLogql(t.expr).syntaxErrors[0];
          if (first) report({ dashboard: d, panel: p, message: `${first.message} in LogQL target ${t.refId ?? '?'} of ${panelName(p)}, expected a valid LogQL expression` });
        }
      }
    }
  },
};
