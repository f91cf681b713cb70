/**
 * Routing as data, shared by Alertmanager, Grafana policies and the route tests: which receivers
 * (contact point names) each severity reaches, and the labels a route test sends.
 */
import { quoteLabelValue, SEVERITIES, type ResolvedModel, type Severity } from '@monspec/metrics-spec';

/** The receiver of alerts no severity route matches. */
export function defaultReceiver(model: ResolvedModel): string {
  return model.notifications.defaultContactPoint ?? model.notifications.contactPoints[0]?.name ?? 'default';
}

/** Severity → receiver names, in routing order (what `amtool config routes test` prints). */
export function expectedReceivers(model: ResolvedModel): Record<Severity, string[]> {
  const out = {} as Record<Severity, string[]>;
  for (const severity of SEVERITIES) {
    const route = model.notifications.routes.find((r) => r.severity === severity);
    out[severity] = route && route.contactPoints.length ? [...route.contactPoints] : [defaultReceiver(model)];
  }
  return out;
}

/** Labels that select this service's routes: the common labels (service, team, environment, ...). */
export function serviceMatchers(model: ResolvedModel): Array<[string, string]> {
  return Object.entries(model.service.alerting.commonLabels).sort(([a], [b]) => (a < b ? -1 : 1));
}

/** `name="value"` arguments for `amtool config routes test` of one severity, quoted as matchers (spaces, commas, `=`, quotes). */
export function routeTestLabels(model: ResolvedModel, severity: Severity): string[] {
  return [`severity=${quoteLabelValue(severity)}`, ...serviceMatchers(model).map(([k, v]) => `${k}=${quoteLabelValue(v)}`)];
}
