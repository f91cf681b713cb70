/**
 * `alertmanager/alertmanager.yml`: routing by severity under a route for this service's common
 * labels, grouping, the spec's inhibitions, and one receiver per contact point. Alertmanager does
 * not expand environment variables, so secrets are `*_file` fields naming a mounted file:
 * `<secretsDir>/<ENV_NAME>` (default /etc/alertmanager/secrets/SLACK_WEBHOOK_URL, ...), or the
 * file a `secret: { file }` reference names, the SMTP password included. A webhook's secret is its
 * Bearer token. The SMTP relay comes from the spec (notifications.smtp); there is no default relay.
 */
import { quoteLabelValue, type Artifact, type ArtifactDescriptor, type ResolvedContactPoint, type ResolvedModel } from '@monspec/metrics-spec';
import { deployment } from '../deployment.js';
import { defaultReceiver, serviceMatchers } from '../receivers.js';
import { yamlFile } from '../yaml.js';

export const ALERTMANAGER_PATH = 'alertmanager/alertmanager.yml';
export const DEFAULT_SECRETS_DIR = '/etc/alertmanager/secrets';

export interface AlertmanagerOptions {
  /** Directory where secret files are mounted, one file per secret named after its environment variable. */
  readonly secretsDir?: string;
}

function matcher(name: string, value: string): string {
  return `${name}=${quoteLabelValue(value)}`;
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

/** `alertname` matcher limiting an inhibition side to some alerts. */
function alertnameMatchers(names: readonly string[]): string[] {
  if (names.length === 0) return [];
  return names.length === 1 ? [matcher('alertname', names[0] as string)] : [`alertname=~${JSON.stringify(names.join('|'))}`];
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
            title: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}',
            text: '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.description }}\nRunbook: {{ .Annotations.runbook_url }}\nDashboard: {{ .Annotations.dashboard_url }}\n{{ end }}',
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
            description: '{{ .CommonAnnotations.summary }}',
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

function duration(key: string, value: string | undefined): Record<string, string> {
  return value ? { [key]: value } : {};
}

export function alertmanagerConfig(model: ResolvedModel, options: AlertmanagerOptions = {}): Record<string, unknown> {
  const n = model.notifications;
  const severityRoutes = n.routes.flatMap((route) =>
    route.contactPoints.map((cp, i) => ({
      receiver: cp,
      matchers: [matcher('severity', route.severity)],
      ...duration('group_wait', route.groupWait),
      ...duration('group_interval', route.groupInterval),
      ...duration('repeat_interval', route.repeatInterval),
      // Every contact point of a severity is notified: all but the last route continue.
      ...(i < route.contactPoints.length - 1 ? { continue: true } : {}),
    })),
  );
  const service = serviceMatchers(model);
  const routes = service.length ? [{ receiver: defaultReceiver(model), matchers: service.map(([k, v]) => matcher(k, v)), routes: severityRoutes }] : severityRoutes;
  return {
    global: { resolve_timeout: '5m', ...smtpGlobals(model, options) },
    route: { receiver: defaultReceiver(model), group_by: [...n.groupBy], routes },
    inhibit_rules: n.inhibitions.map((i) => ({
      source_matchers: [matcher('severity', i.source), ...alertnameMatchers(i.sourceAlerts), ...service.map(([k, v]) => matcher(k, v))],
      target_matchers: [matcher('severity', i.target), ...alertnameMatchers(i.targetAlerts), ...service.map(([k, v]) => matcher(k, v))],
      equal: [...i.equal],
    })),
    receivers: n.contactPoints.map((cp) => receiver(cp, options)),
  };
}

export function alertmanagerDescriptor(model: ResolvedModel, options: AlertmanagerOptions = {}): ArtifactDescriptor {
  return {
    path: ALERTMANAGER_PATH,
    title: `Alertmanager configuration. Secrets are files under ${options.secretsDir ?? DEFAULT_SECRETS_DIR}/<ENV_NAME>, never values in this file.`,
    engine: 'alertmanager',
    role: 'alertmanager-config',
    ...deployment(model, 'prometheus', 'Alertmanager (--config.file)'),
  };
}

export function alertmanagerFile(model: ResolvedModel, options: AlertmanagerOptions = {}): Artifact {
  return { ...alertmanagerDescriptor(model, options), content: yamlFile(alertmanagerConfig(model, options)) };
}
