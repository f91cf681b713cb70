/** SLOs: objective and budget, burn-rate branches, error-ratio rule names, one alert rule per branch. */
import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import { DEFAULT_BURN_RATE_WINDOWS, SEVERITIES, sloErrorRatioRuleName } from '../conventions.js';
import type { MonspecDocument, Runbook, Severity, Slo } from '../generated/spec-types.js';
import type { ResolvedAlert, ResolvedBurnRateWindow, ResolvedService, ResolvedSlo } from '../model.js';
import type { CheckContext } from '../checks/context.js';
import type { PlaceholderScope } from '../placeholders.js';
import { parseDuration, parseQuantity } from '../quantity.js';
import { sortedRecord } from '../sorted-record.js';
import { escapePointerSegment as p, type SourceMap } from '../source-map.js';
import { formatValue } from '../units.js';
import { byName, promNumber, parsePanelRef, rendered } from './common.js';
import { resolveTests, resolveRunbook } from './alerts.js';

export function resolveSlos(spec: MonspecDocument): ResolvedSlo[] {
  return Object.entries(spec.slos ?? {})
    .map(([name, slo]) => resolveSlo(name, slo))
    .sort(byName);
}

function resolveSlo(name: string, slo: Slo): ResolvedSlo {
  const q = parseQuantity(slo.objective, 'ratio');
  const objective = q.ok ? q.value : Number.NaN;
  const errorBudget = Number((1 - objective).toPrecision(12));
  const windows: ResolvedBurnRateWindow[] = (slo.windows ?? DEFAULT_BURN_RATE_WINDOWS).map((w) => ({
    severity: w.severity,
    longWindow: w.longWindow,
    shortWindow: w.shortWindow,
    burnRate: w.burnRate,
    for: w.for ?? SCHEMA_DEFAULTS.burnRateWindow.for,
    errorRatioThreshold: Number((w.burnRate * errorBudget).toPrecision(12)),
  }));
  const ratioRules: Record<string, string> = {};
  const window = slo.window ?? SCHEMA_DEFAULTS.slo.window;
  // The SLO window too: the error budget remaining reads the error ratio over the whole window.
  const rateWindows = [...new Set([...windows.flatMap((w) => [w.shortWindow, w.longWindow]), window])].sort((a, b) => parseDuration(a) - parseDuration(b));
  for (const w of rateWindows) ratioRules[w] = sloErrorRatioRuleName(name, w);
  return {
    name,
    description: slo.description,
    objective,
    errorBudget,
    window,
    sli: { errors: slo.sli.errors, total: slo.sli.total },
    windows,
    alertName: slo.alert.name,
    ratioRules,
  };
}

export function resolveSloAlerts(
  slo: ResolvedSlo,
  def: Slo,
  runbook: Runbook | undefined,
  ctx: CheckContext,
  service: ResolvedService,
  sourceMap: SourceMap,
): ResolvedAlert[] {
  const scope: PlaceholderScope = {
    thresholds: ctx.thresholdLevels,
    extra: { budget: { value: slo.errorBudget, unit: 'ratio' }, objective: { value: slo.objective, unit: 'ratio' } },
  };
  // One rule per burn-rate branch (long and short window, burn rate, `for`), so each branch keeps
  // its own `for` and the model holds exactly what is deployed. The `long_window`/`short_window`
  // labels keep the branches of one severity apart in Alertmanager.
  const ordered = SEVERITIES.flatMap((s) => slo.windows.filter((w) => w.severity === s));
  return ordered.map((w): ResolvedAlert => {
    const severity: Severity = w.severity;
    const t = promNumber(w.errorRatioThreshold);
    const query = `${slo.ratioRules[w.longWindow]} > ${t}\nand\n${slo.ratioRules[w.shortWindow]} > ${t}`;
    const forText = w.for;
    const alertScope: PlaceholderScope = { ...scope, for: forText };
    const description =
      def.alert.description ??
      `The error budget of SLO ${slo.name} (objective ${formatValue(slo.objective, 'ratio')} over ${slo.window}) is burning ${w.burnRate}x over ${w.longWindow} and ${w.shortWindow}.`;
    const branchLabels = { long_window: w.longWindow, short_window: w.shortWindow };
    return {
      name: slo.alertName,
      id: `${slo.alertName}:${severity}:${w.longWindow}-${w.shortWindow}`,
      origin: 'slo',
      datasource: 'prometheus',
      severity,
      expr: query,
      condition: undefined,
      query,
      for: forText,
      forSeconds: parseDuration(forText),
      summary: rendered(def.alert.summary, alertScope),
      description: rendered(description, alertScope),
      labels: sortedRecord({ ...service.alerting.commonLabels, ...(def.alert.labels ?? {}), slo: slo.name, ...branchLabels, severity }),
      annotations: {},
      dashboard: parsePanelRef(def.alert.dashboard),
      runbook: resolveRunbook(runbook, alertScope),
      tests: resolveTests(def.alert.tests, alertScope).filter((c) =>
        c.expect.every((e) => (e.labels.severity ?? severity) === severity && (e.labels.long_window ?? w.longWindow) === w.longWindow && (e.labels.short_window ?? w.shortWindow) === w.shortWindow),
      ),
      noDataState: 'OK',
      execErrState: 'Error',
      slo: { name: slo.name, windows: [w] },
      sourceFile: sourceMap.fileOf(`/slos/${p(slo.name)}`),
    };
  });
}
