/**
 * The org's one Alertmanager config: each service's own subtree (the route its generator scopes by
 * the service's common labels, e.g. service="checkout", team="payments", with its severity routes)
 * under one root whose receiver catches anything no service matches, every service's receivers and
 * inhibitions, and the org's SMTP relay. Built from each service's generated config (found by role),
 * so the merge routes exactly as each service's own file does.
 */
import type { Artifact, Workspace } from '@monspec/metrics-spec';
import { stringifyYaml } from '@monspec/metrics-spec';
import type { FleetEntry } from './entry.js';

const ORG_ALERTMANAGER_PATH = 'alertmanager/alertmanager.yml';

type Config = Record<string, unknown> & { route?: { group_by?: unknown; routes?: unknown[] }; receivers?: unknown[]; inhibit_rules?: unknown[]; global?: Record<string, unknown> };

function orgAlertmanagerConfig(services: readonly FleetEntry[], org: Workspace['org']): Record<string, unknown> {
  const configs = services.map((s) => ({ service: s, config: (s.files['alertmanager-config'] ?? {}) as Config }));
  const routes = configs.flatMap(({ service, config }) => {
    const subtrees = config.route?.routes ?? [];
    // The generator scopes a service by its common labels; without them its routes would catch every service's alerts.
    if (subtrees.length !== 1 || Object.keys(service.service.commonLabels).length === 0) {
      throw new Error(`Unexpected routing of ${service.name} without a subtree scoped by its common labels, expected service.alerting.commonLabels (service, team)`);
    }
    return subtrees.map((r) => ({ ...(r as Record<string, unknown>), group_by: config.route?.group_by }));
  });
  const smtp = org.smtp
    ? { smtp_smarthost: org.smtp.smarthost, smtp_from: org.smtp.from }
    : Object.fromEntries(Object.entries(configs.find((c) => c.config.global?.smtp_smarthost)?.config.global ?? {}).filter(([k]) => k.startsWith('smtp_')));
  return {
    global: { resolve_timeout: '5m', ...smtp },
    route: { receiver: org.receiver.name, group_by: ['alertname', 'service'], routes },
    inhibit_rules: configs.flatMap(({ config }) => config.inhibit_rules ?? []),
    receivers: [{ name: org.receiver.name, email_configs: [{ to: org.receiver.email, send_resolved: true }] }, ...configs.flatMap(({ config }) => config.receivers ?? [])],
  };
}

export function orgAlertmanagerFile(services: readonly FleetEntry[], org: Workspace['org']): Artifact {
  return {
    path: ORG_ALERTMANAGER_PATH,
    title: `Alertmanager configuration of ${org.name}: one subtree per service, the root receiver ${org.receiver.name} for the rest.`,
    engine: 'alertmanager',
    role: 'alertmanager-config',
    deploy: 'Deploy: yes, to the org Alertmanager (--config.file); the services\' own alertmanager.yml files are for their tests only.',
    deployed: true,
    content: stringifyYaml(orgAlertmanagerConfig(services, org)),
  };
}
