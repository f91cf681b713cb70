/**
 * The one pass that gives every alert its annotations, kubernetes-mixin style: the static
 * `summary`, the templated `description`, `runbook_url` and `dashboard_url` (the alert's panel),
 * plus any annotations the spec declares. Every generator reads alerts through this pass.
 */
import { alertDashboardUrl, runbookLink, sortedRecord, type ResolvedAlert, type ResolvedModel } from '@monspec/metrics-spec';

export interface LinkedAlert {
  readonly alert: ResolvedAlert;
  /** Sorted by key. */
  readonly annotations: Readonly<Record<string, string>>;
}

export function linkAlert(model: ResolvedModel, alert: ResolvedAlert): LinkedAlert {
  return {
    alert,
    annotations: sortedRecord({
      ...alert.annotations,
      summary: alert.summary,
      description: alert.description,
      runbook_url: runbookLink(model, alert.name),
      dashboard_url: alertDashboardUrl(model, alert),
    }),
  };
}

export function linkAlerts(model: ResolvedModel): LinkedAlert[] {
  return model.alerts.map((a) => linkAlert(model, a));
}
