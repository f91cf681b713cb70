import { analyzeLogql, analyzePromql } from '@monspec/metrics-spec';
import type { LintRule } from '../types.js';
import { panelName, targetsOf } from '../types.js';

export const promqlSyntax: LintRule = {
  id: 'dashboard-promql-syntax',
  severity: 'error',
  description: 'Every PromQL target parses (@prometheus-io/lezer-promql, with Grafana variables replaced).',
  run({ dashboards }, report) {
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'promql')) {
      const first = analyzePromql(expr).syntaxErrors[0];
      if (first) report({ dashboard, panel, message: `${first.message} in PromQL target ${target.refId ?? '?'} of ${panelName(panel)}, expected a valid PromQL expression` });
    }
  },
};

export const logqlSyntax: LintRule = {
  id: 'dashboard-logql-syntax',
  severity: 'error',
  description: 'Every LogQL target parses (@grafana/lezer-logql, with Grafana variables replaced).',
  run({ dashboards }, report) {
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'logql')) {
      const first = analyzeLogql(expr).syntaxErrors[0];
      if (first) report({ dashboard, panel, message: `${first.message} in LogQL target ${target.refId ?? '?'} of ${panelName(panel)}, expected a valid LogQL expression` });
    }
  },
};
