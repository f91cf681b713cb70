/**
 * `rulers/kubernetes/<service>.alertmanagerconfig.yaml`: this service's routing, inhibitions and
 * receivers as a Prometheus Operator `AlertmanagerConfig` object (monitoring.coreos.com/v1alpha1;
 * https://prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1alpha1.AlertmanagerConfig),
 * the same routing as alertmanager/alertmanager.yml (alertmanager/routing.ts), spelt in the CRD's
 * camelCase. Secrets are keys of one Kubernetes Secret in the same namespace, never values: the CRD's
 * secret fields are SecretKeySelectors (`{ name, key }`).
 */
import type { ArtifactDescriptor, ResolvedContactPoint, ResolvedModel } from '@monspec/metrics-spec';
import { PAGERDUTY_DESCRIPTION, routing, SLACK_TEXT, SLACK_TITLE, type RouteMatcher, type ServiceRoute } from '../alertmanager/routing.js';
import { kubernetesName, type KubernetesMetadata } from './kubernetes.js';

interface SecretKeySelector {
  readonly name: string;
  readonly key: string;
}

export interface AlertmanagerConfigObject {
  readonly apiVersion: 'monitoring.coreos.com/v1alpha1';
  readonly kind: 'AlertmanagerConfig';
  readonly metadata: KubernetesMetadata;
  readonly spec: {
    readonly route: Record<string, unknown>;
    readonly receivers: readonly Record<string, unknown>[];
    readonly inhibitRules: readonly Record<string, unknown>[];
  };
}

/** The Secret (in the objects' namespace) whose keys hold the contact points' secrets. */
export function secretName(model: ResolvedModel): string {
  return `${kubernetesName(model.service.name)}-alertmanager`;
}

/**
 * A contact point's key in that Secret: its environment variable's name, else its file's name, else
 * `<contact point>-url` (a Secret key allows letters, digits, `-`, `_` and `.`).
 */
function secretKey(cp: ResolvedContactPoint): string {
  const named = cp.secretEnv ?? cp.secretFile?.slice(cp.secretFile.lastIndexOf('/') + 1);
  return (named ?? `${cp.name}-url`).replace(/[^-._a-zA-Z0-9]/g, '_');
}

function matchers(ms: readonly RouteMatcher[]): Array<{ name: string; value: string; matchType: string }> {
  return ms.map((m) => ({ name: m.name, value: m.value, matchType: m.matchType }));
}

function route(r: ServiceRoute): Record<string, unknown> {
  return {
    receiver: r.receiver,
    matchers: matchers(r.matchers),
    ...(r.groupWait ? { groupWait: r.groupWait } : {}),
    ...(r.groupInterval ? { groupInterval: r.groupInterval } : {}),
    ...(r.repeatInterval ? { repeatInterval: r.repeatInterval } : {}),
    ...(r.continue ? { continue: true } : {}),
    ...(r.routes ? { routes: r.routes.map(route) } : {}),
  };
}

function receiver(model: ResolvedModel, cp: ResolvedContactPoint): Record<string, unknown> {
  const secret = (key: string): SecretKeySelector => ({ name: secretName(model), key });
  switch (cp.type) {
    case 'email': {
      const smtp = model.notifications.smtp;
      const relay = smtp
        ? { smarthost: smtp.smarthost, from: smtp.from, ...(smtp.username ? { authUsername: smtp.username } : {}), ...(smtp.passwordEnv ? { authPassword: secret(smtp.passwordEnv) } : {}), requireTLS: smtp.requireTls }
        : {};
      return { name: cp.name, emailConfigs: cp.addresses.map((to) => ({ to, sendResolved: true, ...relay })) };
    }
    case 'slack':
      return { name: cp.name, slackConfigs: [{ apiURL: secret(secretKey(cp)), ...(cp.channel ? { channel: cp.channel } : {}), sendResolved: true, title: SLACK_TITLE, text: SLACK_TEXT }] };
    case 'pagerduty':
      return { name: cp.name, pagerdutyConfigs: [{ routingKey: secret(secretKey(cp)), sendResolved: true, description: PAGERDUTY_DESCRIPTION, ...(cp.url ? { url: cp.url } : {}) }] };
    case 'webhook': {
      const auth = cp.secretEnv !== undefined || cp.secretFile !== undefined ? { httpConfig: { authorization: { type: 'Bearer', credentials: secret(secretKey(cp)) } } } : {};
      return { name: cp.name, webhookConfigs: [{ url: cp.url ?? 'http://127.0.0.1:9/unset', sendResolved: true, ...auth }] };
    }
  }
}

/** The Secret keys the object reads, for the deploy line and the guide. */
export function secretKeys(model: ResolvedModel): string[] {
  const keys = model.notifications.contactPoints.filter((cp) => cp.type !== 'email' && (cp.type === 'slack' || cp.type === 'pagerduty' || cp.secretEnv !== undefined || cp.secretFile !== undefined)).map(secretKey);
  if (model.notifications.smtp?.passwordEnv) keys.push(model.notifications.smtp.passwordEnv);
  return [...new Set(keys)].sort();
}

export function alertmanagerConfigPath(model: ResolvedModel): string {
  return `rulers/kubernetes/${kubernetesName(model.service.name)}.alertmanagerconfig.yaml`;
}

export function alertmanagerConfigDescriptor(model: ResolvedModel, namespace: string, deployed: boolean, deploy: string): ArtifactDescriptor {
  return {
    path: alertmanagerConfigPath(model),
    title: `Prometheus Operator AlertmanagerConfig ${kubernetesName(model.service.name)} in namespace ${namespace}: the routing of alertmanager/alertmanager.yml. Secrets are keys of the Secret ${secretName(model)} (${secretKeys(model).join(', ') || 'none'}).`,
    engine: 'alertmanager',
    role: 'alertmanager-operator-config',
    deployed,
    deploy,
  };
}

export function alertmanagerConfigObject(model: ResolvedModel, metadata: KubernetesMetadata): AlertmanagerConfigObject {
  const r = routing(model);
  return {
    apiVersion: 'monitoring.coreos.com/v1alpha1',
    kind: 'AlertmanagerConfig',
    metadata,
    spec: {
      route: { receiver: r.receiver, groupBy: [...r.groupBy], routes: r.routes.map(route) },
      receivers: model.notifications.contactPoints.map((cp) => receiver(model, cp)),
      inhibitRules: r.inhibitions.map((i) => ({ sourceMatch: matchers(i.source), targetMatch: matchers(i.target), equal: [...i.equal] })),
    },
  };
}
