/**
 * The dashboard lint: rules with ids (like the spec checks) over generated dashboard JSON, with the
 * model for what the spec declares. The CLI prints the findings and fails the build on errors.
 */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { modelDashboards } from '../dashboard.js';
import type { Json } from '../serialize.js';
import { counterRate } from './rules/counter-rate.js';
import { datasourceMacros } from './rules/datasource-macros.js';
import { datasourceVariable } from './rules/datasource-variable.js';
import { emptyTarget } from './rules/empty-target.js';
import { gridBounds, gridOverlap } from './rules/grid.js';
import { legendShown } from './rules/legend.js';
import { linkContext } from './rules/link-context.js';
import { metricCoverage } from './rules/metric-coverage.js';
import { missingSeries } from './rules/missing-series.js';
import { logqlSyntax, promqlSyntax } from './rules/query-syntax.js';
import { instantRange } from './rules/instant-range.js';
import { rateInterval } from './rules/rate-interval.js';
import { titlesAndDescriptions } from './rules/text.js';
import { thresholdUnit } from './rules/threshold-unit.js';
import { topkRatio } from './rules/topk-ratio.js';
import { uniqueIds } from './rules/unique-ids.js';
import { panelUnit } from './rules/unit.js';
import { unknownMetric } from './rules/unknown-metric.js';
import { undeclaredVariable, variableFilter } from './rules/variables.js';
import type { DashboardFinding, LintRule } from './types.js';
import { viewDashboard } from './view.js';

export type { DashboardFinding, LintRule } from './types.js';

export const LINT_RULES: readonly LintRule[] = [
  datasourceVariable,
  panelUnit,
  rateInterval,
  counterRate,
  titlesAndDescriptions,
  emptyTarget,
  uniqueIds,
  gridBounds,
  gridOverlap,
  promqlSyntax,
  unknownMetric,
  logqlSyntax,
  legendShown,
  undeclaredVariable,
  variableFilter,
  metricCoverage,
  thresholdUnit,
  datasourceMacros,
  instantRange,
  topkRatio,
  linkContext,
  missingSeries,
];

/**
 * Lints dashboard JSON against the model: the given dashboards, or the ones `generate` would write.
 * Findings come in dashboard order, then panel id, rule id and message.
 */
export function lintDashboards(model: ResolvedModel, dashboards?: readonly Json[]): DashboardFinding[] {
  const views = (dashboards ?? modelDashboards(model)).map(viewDashboard);
  const findings: Array<DashboardFinding & { order: number }> = [];
  for (const rule of LINT_RULES) {
    rule.run({ model, dashboards: views }, (r) => {
      findings.push({
        ruleId: rule.id,
        severity: rule.severity,
        message: r.message,
        dashboard: r.dashboard.uid ?? '',
        ...(r.panel?.id !== undefined ? { panel: r.panel.id } : {}),
        ...(r.panel?.title !== undefined ? { panelTitle: r.panel.title } : {}),
        order: views.indexOf(r.dashboard),
      });
    });
  }
  findings.sort((a, b) => a.order - b.order || (a.panel ?? 0) - (b.panel ?? 0) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message));
  return findings.map(({ order: _order, ...f }) => f);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
