/**
 * `grafana/provisioning/alerting/contact-points.yaml`: one contact point per spec contact point.
 * Secrets are `${ENV_NAME}` or `$__file{path}` references Grafana expands at provisioning time
 * (https://grafana.com/docs/grafana/latest/administration/provisioning/#using-environment-variables); never values.
 */
import type { Artifact, ArtifactDescriptor, ResolvedContactPoint, ResolvedModel } from '@monspec/metrics-spec';
import { grafanaSmtpSettings } from '@monspec/metrics-spec';
import { deployment } from '../deployment.js';
import { yamlFile } from '../yaml.js';
import { escapeDollars, grafanaUid } from './escape.js';
import type { GrafanaContactPointsFile } from './provisioning-types.js';

export const GRAFANA_CONTACT_POINTS_PATH = 'grafana/provisioning/alerting/contact-points.yaml';

/** The secret as Grafana provisioning expands it: `${VAR}` or `$__file{path}` (never the value). */
function secretRef(cp: ResolvedContactPoint): string | undefined {
  return cp.secretEnv ? `\${${cp.secretEnv}}` : cp.secretFile ? `$__file{${cp.secretFile}}` : undefined;
}

function secret(cp: ResolvedContactPoint): string | undefined {
  return secretRef(cp) ?? (cp.url ? escapeDollars(cp.url) : undefined);
}

function settings(cp: ResolvedContactPoint): Record<string, unknown> {
  switch (cp.type) {
    case 'email':
      return { addresses: escapeDollars(cp.addresses.join(';')), singleEmail: false };
    case 'slack':
      return { url: secret(cp) ?? '', ...(cp.channel ? { recipient: escapeDollars(cp.channel) } : {}) };
    case 'pagerduty':
      return { integrationKey: secret(cp) ?? '' };
    case 'webhook': {
      // https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/
      const token = secretRef(cp);
      return { url: escapeDollars(cp.url ?? ''), ...(token ? { authorization_scheme: 'Bearer', authorization_credentials: token } : {}) };
    }
  }
}

/** Grafana sends email through its own [smtp] section, not provisioning: say what it must hold. */
function smtpLine(model: ResolvedModel): string {
  const settings = grafanaSmtpSettings(model);
  return settings ? ` Email needs grafana.ini [smtp]: ${settings.join('; ')}.` : '';
}

export function grafanaContactPointsFile(model: ResolvedModel): Artifact {
  const data: GrafanaContactPointsFile = {
    apiVersion: 1,
    contactPoints: model.notifications.contactPoints.map((cp) => ({
      orgId: 1,
      name: cp.name,
      receivers: [{ uid: grafanaUid('monspec', model.service.name, cp.name), type: cp.type, settings: settings(cp), disableResolveMessage: false }],
    })),
  };
  return { ...grafanaContactPointsDescriptor(model), content: yamlFile(data) };
}

export function grafanaContactPointsDescriptor(model: ResolvedModel): ArtifactDescriptor {
  const envs = model.notifications.contactPoints.flatMap((c) => (c.secretEnv ? [c.secretEnv] : []));
  const files = model.notifications.contactPoints.flatMap((c) => (c.secretFile ? [c.secretFile] : []));
  return {
    path: GRAFANA_CONTACT_POINTS_PATH,
    title: `Grafana contact points (file provisioning).${envs.length ? ` Grafana's environment must define ${envs.join(', ')}.` : ''}${files.length ? ` Grafana must be able to read ${files.join(', ')}.` : ''}${smtpLine(model)}`,
    engine: 'grafana',
    role: 'grafana-contact-points',
    ...deployment(model, 'grafana-notify', 'Grafana provisioning/alerting/'),
  };
}
