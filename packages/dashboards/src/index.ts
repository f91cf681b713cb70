/**
 * @monspec/dashboards: the resolved model → Grafana dashboards (via @grafana/grafana-foundation-sdk),
 * file-provisioning YAML, a dashboard lint and deeplinks. Pure: no files, environment or clock.
 */
export { generate, dashboardsGenerator, dashboardPath, type GenerateOptions } from './generate.js';
export { lintFindingToDiagnostic } from './lint/diagnostics.js';
export { buildDashboard } from './dashboard.js';
export { deeplinks, type DashboardDeeplink, type PanelDeeplink, type QueryDeeplink } from './deeplinks.js';
export { DATASOURCE_VARIABLES } from './datasource.js';
export { layoutPanels, GRID_COLUMNS, type GridPos } from './layout.js';
export { thresholdSteps, convertValue, levelsIn } from './thresholds.js';
export { gaugeRange } from './panels/gauge.js';
export { valueColumn as tableValueColumn } from './panels/table.js';
export type { Json } from './serialize.js';
export { lintDashboards, LINT_RULES, type DashboardFinding, type LintRule } from './lint/index.js';
export { dashboardQueryRules, dashboardQueryRuleFile, type QueryRule } from './query-rules.js';
export { substituteVariables } from './substitute.js';
export {
  SUPPORTED_MACROS,
  defaultVariableValues,
  expandMacros,
  grafanaInterval,
  macroValues,
  macrosUsed,
  rateIntervalMs,
  roundInterval,
  unsupportedMacros,
  type MacroContext,
} from './grafana-macros.js';
export {
  dashboardRange,
  grafanaQuery,
  prometheusRequest,
  isInstantTarget,
  relativeMs,
  type DashboardJson,
  type PanelJson,
  type RunnableQuery,
  type TargetJson,
} from './grafana-query.js';
