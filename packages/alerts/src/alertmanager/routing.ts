/**
 * This service's Alertmanager routing as data, before any file format: the route tree (a route for
 * the service's common labels, then one per severity and contact point), the inhibitions and the
 * receivers' message templates. alertmanager.yml (config.ts) and the Prometheus Operator's
 * AlertmanagerConfig object (rulers/alertmanager-config.ts) are two spellings of it.
 */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { defaultReceiver, serviceMatchers } from '../receivers.js';

export interface RouteMatcher {
  readonly name: string;
  readonly matchType: '=' | '=~';
  readonly value: string;
}

export interface ServiceRoute {
  readonly receiver: string;
  readonly matchers: readonly RouteMatcher[];
  readonly groupWait?: string;
  readonly groupInterval?: string;
  readonly repeatInterval?: string;
  /** Whether later sibling routes are tried too. */
  readonly continue?: boolean;
  readonly routes?: readonly ServiceRoute[];
}

export interface Inhibition {
  readonly source: readonly RouteMatcher[];
  readonly target: readonly RouteMatcher[];
  readonly equal: readonly string[];
}

export interface Routing {
  /** The root's receiver and grouping. */
  readonly receiver: string;
  readonly groupBy: readonly string[];
  readonly routes: readonly ServiceRoute[];
  readonly inhibitions: readonly Inhibition[];
}

/** The message templates every spelling of a receiver uses (Alertmanager's Go templates). */
export const SLACK_TITLE = '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}';
export const SLACK_TEXT = '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.description }}\nRunbook: {{ .Annotations.runbook_url }}\nDashboard: {{ .Annotations.dashboard_url }}\n{{ end }}';
export const PAGERDUTY_DESCRIPTION = '{{ .CommonAnnotations.summary }}';

function equal(name: string, value: string): RouteMatcher {
  return { name, matchType: '=', value };
}

/** `alertname` matcher limiting an inhibition side to some alerts. */
function alertnameMatchers(names: readonly string[]): RouteMatcher[] {
  if (names.length === 0) return [];
  return names.length === 1 ? [equal('alertname', names[0] as string)] : [{ name: 'alertname', matchType: '=~', value: names.join('|') }];
}

export function routing(model: ResolvedModel): Routing {
  const n = model.notifications;
  const severityRoutes: ServiceRoute[] = n.routes.flatMap((route) =>
    route.contactPoints.map((cp, i) => ({
      receiver: cp,
      matchers: [equal('severity', route.severity)],
      ...(route.groupWait ? { groupWait: route.groupWait } : {}),
      ...(route.groupInterval ? { groupInterval: route.groupInterval } : {}),
      ...(route.repeatInterval ? { repeatInterval: route.repeatInterval } : {}),
      // Every contact point of a severity is notified: all but the last route continue.
      ...(i < route.contactPoints.length - 1 ? { continue: true } : {}),
    })),
  );
  const service = serviceMatchers(model).map(([k, v]) => equal(k, v));
  return {
    receiver: defaultReceiver(model),
    groupBy: [...n.groupBy],
    routes: service.length ? [{ receiver: defaultReceiver(model), matchers: service, routes: severityRoutes }] : severityRoutes,
    inhibitions: n.inhibitions.map((i) => ({
      source: [equal('severity', i.source), ...alertnameMatchers(i.sourceAlerts), ...service],
      target: [equal('severity', i.target), ...alertnameMatchers(i.targetAlerts), ...service],
      equal: [...i.equal],
    })),
  };
}
