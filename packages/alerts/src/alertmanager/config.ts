/**
 * `alertmanager/alertmanager.yml`: routing by severity under a route for this service's common
 * labels, grouping, the spec's inhibitions, and one receiver per contact point. Alertmanager does
 * not expand environment variables, so secrets are `*_file` fields naming a mounted file:
 * `<secretsDir>/<ENV_NAME>` (default /etc/alertmanager/secrets/SLACK_WEBHOOK_URL, ...), or the
 * file a `secret: { file }` reference names, the SMTP password included. A webhook's secret is its
 * Bearer token. The SMTP relay comes from the spec (notifications.smtp); there is no default relay.
 */
import { quoteLabelValue, type Artifact, type ArtifactDescriptor, type ResolvedContactPoint, type ResolvedModel } from '@monspec/metrics-spec';
import { alertmanagerFileDeployment } from '../deployment.js';
import { PAGERDUTY_DESCRIPTION, routing, SLACK_TEXT, SLACK_TITLE, type RouteMatcher, type ServiceRoute } from './routing.js';
import { yamlFile } from '../yaml.js';

export const ALERTMANAGER_PATH = 'alertmanager/alertmanager.yml';
export const DEFAULT_SECRETS_DIR = '/etc/alertmanager/secrets';

export interface AlertmanagerOptions {
  /** Directory where secret files are mounted, one file per secret named after its environment variable. */
  readonly secretsDir?: string;
}

/** A matcher as Alertmanager's config spells it: `name="value"` (the value quoted as PromQL does). */
function matcherText(m: RouteMatcher): string {
  return `${m.name}${m.matchType}${quoteLabelValue(m.value)}`;
}

function secretFile(options: AlertmanagerOptions, cp: ResolvedContactPoint): string {
  return cp.secretFile ?? `${options.secretsDir ?? DEFAULT_SECRETS_DIR}/${cp.secretEnv ?? cp.name}`;
}

function hasSecret(cp: ResolvedContactPoint): boolean {
  return cp.secretEnv !== undefined || cp.secretFile !== undefined;
}

/** The spec's SMTP relay as Alertmanager's global smtp_* settings (the password as a mounted file). */
function smtpGlobals(model: ResolvedModel, options: AlertmanagerOptions): Record<string, unknown> {
  const smtp = model.notifications.smtp;
  if (!smtp) return {};
  return {
    smtp_smarthost: smtp.smarthost,
    smtp_from: smtp.from,
    ...(smtp.username ? { smtp_auth_username: smtp.username } : {}),
    ...(smtp.passwordEnv ? { smtp_auth_password_file: `${options.secretsDir ?? DEFAULT_SECRETS_DIR}/${smtp.passwordEnv}` } : {}),
    smtp_require_tls: smtp.requireTls,
  };
}

function receiver(cp: ResolvedContactPoint, options: AlertmanagerOptions): Record<string, unknown> {
  switch (cp.type) {
    case 'email':
      return { name: cp.name, email_configs: cp.addresses.map((to) => ({ to, send_resolved: true })) };
    case 'slack':
      return {
        name: cp.name,
        slack_configs: [
          {
            ...(cp.url && !hasSecret(cp) ? { api_url: cp.url } : { api_url_file: secretFile(options, cp) }),
            ...(cp.channel ? { channel: cp.channel } : {}),
            send_resolved: true,
            title: SLACK_TITLE,
            text: SLACK_TEXT,
          },
        ],
      };
    case 'pagerduty':
      return {
        name: cp.name,
        pagerduty_configs: [
          {
            routing_key_file: secretFile(options, cp),
            send_resolved: true,
            description: PAGERDUTY_DESCRIPTION,
            // The contact point's non-secret API URL override (a proxy, or a test receiver).
            ...(cp.url ? { url: cp.url } : {}),
          },
        ],
      };
    case 'webhook':
      return {
        name: cp.name,
        webhook_configs: [
          {
            url: cp.url ?? 'http://127.0.0.1:9/unset',
            send_resolved: true,
            // Alertmanager 0.25 has no url_file for webhooks: the secret is the Bearer token the relay checks.
            ...(hasSecret(cp) ? { http_config: { authorization: { type: 'Bearer', credentials_file: secretFile(options, cp) } } } : {}),
          },
        ],
      };
  }
}

function routeConfig(r: ServiceRoute): Record<string, unknown> {
  return {
    receiver: r.receiver,
    matchers: r.matchers.map(matcherText),
    ...(r.groupWait ? { group_wait: r.groupWait } : {}),
    ...(r.groupInterval ? { group_interval: r.groupInterval } : {}),
    ...(r.repeatInterval ? { repeat_interval: r.repeatInterval } : {}),
    ...(r.continue ? { continue: true } : {}),
    ...(r.routes ? { routes: r.routes.map(routeConfig) } : {}),
  };
}

export function alertmanagerConfig(model: ResolvedModel, options: AlertmanagerOptions = {}): Record<string, unknown> {
  const r = routing(model);
  return {
    global: { resolve_timeout: '5m', ...smtpGlobals(model, options) },
    route: { receiver: r.receiver, group_by: [...r.groupBy], routes: r.routes.map(routeConfig) },
    inhibit_rules: r.inhibitions.map((i) => ({ source_matchers: i.source.map(matcherText), target_matchers: i.target.map(matcherText), equal: [...i.equal] })),
    receivers: model.notifications.contactPoints.map((cp) => receiver(cp, options)),
  };
}

export function alertmanagerDescriptor(model: ResolvedModel, options: AlertmanagerOptions = {}): ArtifactDescriptor {
  return {
    path: ALERTMANAGER_PATH,
    title: `Alertmanager configuration. Secrets are files under ${options.secretsDir ?? DEFAULT_SECRETS_DIR}/<ENV_NAME>, never values in this file.`,
    engine: 'alertmanager',
    role: 'alertmanager-config',
    ...alertmanagerFileDeployment(model, 'Alertmanager (--config.file)'),
  };
}

export function alertmanagerFile(model: ResolvedModel, options: AlertmanagerOptions = {}): Artifact {
  return { ...alertmanagerDescriptor(model, options), content: yamlFile(alertmanagerConfig(model, options)) };
}
