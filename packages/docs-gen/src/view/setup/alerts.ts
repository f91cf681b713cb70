/** The guide's alerts table and SLOs with their burn-rate windows. */
import { formatValue, humanDuration } from '@monspec/metrics-spec';
import { cell, link } from '../../markdown/inline.js';
import { runbookDoc } from '../../paths.js';
import { bySeverityThenName, conditionCode, durationText, routeFor, thresholdText } from '../common.js';
import type { SetupGround } from './ground.js';
import type { SetupView, AlertRow, SloView } from './types.js';

export function alertsSection(g: SetupGround): Pick<SetupView, 'alerts' | 'slos'> {
  const { model, ctx } = g;
  const alerts: AlertRow[] = [...model.alerts].sort(bySeverityThenName).map((a) => ({
    name: cell(link(ctx.text(a.name), runbookDoc(a.name))),
    severity: a.severity,
    condition: cell(conditionCode(a)),
    threshold: cell(thresholdText(a, model)),
    duration: cell(durationText(a)),
    route: cell(routeFor(model, a.severity, ctx)),
    runbook: cell(link('runbook', runbookDoc(a.name))),
  }));

  const slos: SloView[] = model.slos.map((slo) => ({
    name: ctx.text(slo.name),
    description: ctx.prose(slo.description),
    objective: formatValue(slo.objective, 'ratio'),
    window: `${slo.window} (${humanDuration(slo.window)})`,
    budget: formatValue(slo.errorBudget, 'ratio'),
    alert: link(ctx.text(slo.alertName), runbookDoc(slo.alertName)),
    windows: slo.windows.map((w) => ({
      severity: w.severity,
      burnRate: `${w.burnRate}×`,
      windows: `${w.longWindow} and ${w.shortWindow}`,
      errorRatio: `> ${formatValue(w.errorRatioThreshold, 'ratio')}`,
      duration: w.for,
    })),
  }));

  return { alerts, slos };
}
