/**
 * The one pass that gives every alert its annotations, kubernetes-mixin style: the static
 * `summary`, the templated `description`, `runbook_url` and `dashboard_url` (the alert's panel),
 * plus any annotations the spec declares. Every generator reads alerts through this pass.
 */
import { indexModel, panelUrl, runbookUrl, sortedRecord, type ResolvedAlert, type ResolvedModel } from '@monspec/metrics-spec';

export interface LinkedAlert {
  readonly alert: ResolvedAlert;
  /** Sorted by key. */
  readonly annotations: Readonly<Record<string, string>>;
}

/** Where runbooks live when the service publishes none: the docs generator's path, relative to the environment's output directory. */
export function runbookFallback(alertName: string): string {
  return `docs/runbooks/${alertName}.md`;
}

export function dashboardLink(model: ResolvedModel, alert: ResolvedAlert): string {
  const hit = indexModel(model).panel(alert.dashboard);
  return hit ? panelUrl(model, hit.dashboard, hit.panel) : `${model.service.grafana.url}/d/${alert.dashboard.dashboard}`;
}

export function linkAlert(model: ResolvedModel, alert: ResolvedAlert): LinkedAlert {
  return {
    alert,
    annotations: sortedRecord({
      ...alert.annotations,
      summary: alert.summary,
      description: alert.description,
      runbook_url: runbookUrl(model, alert.name) ?? runbookFallback(alert.name),
      dashboard_url: dashboardLink(model, alert),
    }),
  };
}

export function linkAlerts(model: ResolvedModel): LinkedAlert[] {
  return model.alerts.map((a) => linkAlert(model, a));
}
