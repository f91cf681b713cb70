/**
 * The org's Grafana provisioning: one notification policy tree (each service's subtree under the
 * root receiver; provisioning a tree replaces the org's whole tree, so there must be one), the
 * contact points of every service plus the root's, and one dashboard provider per service whose
 * folder is its team's when the workspace names one. Built from each service's files, by role.
 * File provisioning formats: https://grafana.com/docs/grafana/latest/administration/provisioning/
 * and https://grafana.com/docs/grafana/latest/alerting/set-up/provision-alerting-resources/file-provisioning/
 */
import type { Artifact, Workspace } from '@monspec/metrics-spec';
import { stringifyYaml } from '@monspec/metrics-spec';
import type { FleetEntry } from './entry.js';

const ORG_POLICIES_PATH = 'grafana/provisioning/alerting/policies.yaml';
const ORG_CONTACT_POINTS_PATH = 'grafana/provisioning/alerting/contact-points.yaml';
const ORG_DASHBOARD_PROVIDERS_PATH = 'grafana/provisioning/dashboards/fleet.yaml';

type Tree = { policies?: { routes?: unknown[]; group_by?: unknown }[] };

function orgPolicies(services: readonly FleetEntry[], org: Workspace['org']): Record<string, unknown> {
  const routes = services.flatMap((s) => {
    const root = ((s.files['grafana-policies'] ?? {}) as Tree).policies?.[0];
    return (root?.routes ?? []).map((r) => ({ ...(r as Record<string, unknown>), group_by: root?.group_by }));
  });
  return { apiVersion: 1, policies: [{ orgId: 1, receiver: org.receiver.name, group_by: ['alertname', 'service'], routes }] };
}

function orgContactPoints(services: readonly FleetEntry[], org: Workspace['org']): Record<string, unknown> {
  const root = { orgId: 1, name: org.receiver.name, receivers: [{ uid: `monspec-org-${org.receiver.name}`.slice(0, 40), type: 'email', settings: { addresses: org.receiver.email, singleEmail: false }, disableResolveMessage: false }] };
  const points = services.flatMap((s) => ((s.files['grafana-contact-points'] ?? {}) as { contactPoints?: unknown[] }).contactPoints ?? []);
  return { apiVersion: 1, contactPoints: [root, ...points] };
}

/** The org's folder for a team, when the workspace names one (own keys only: a team may be called `constructor`). */
export function teamFolder(org: Workspace['org'], team: string): string | undefined {
  const folders = org.grafana?.folders ?? {};
  return Object.hasOwn(folders, team) ? folders[team] : undefined;
}

/** The folder a service's dashboards go to: its team's, when the workspace names one. */
function folderOf(service: FleetEntry, org: Workspace['org']): string {
  return teamFolder(org, service.service.team) ?? service.service.folder;
}

function orgDashboardProviders(services: readonly FleetEntry[], org: Workspace['org']): Record<string, unknown> {
  const providers = services.flatMap((s) =>
    (((s.files['grafana-dashboard-provider'] ?? {}) as { providers?: Record<string, unknown>[] }).providers ?? []).map((p) => ({ ...p, folder: folderOf(s, org) })),
  );
  return { apiVersion: 1, providers };
}

export function orgGrafanaFiles(services: readonly FleetEntry[], org: Workspace['org']): Artifact[] {
  return [
    {
      path: ORG_POLICIES_PATH,
      title: `Grafana notification policy tree of ${org.name} (file provisioning; replaces the org's tree): one subtree per service.`,
      engine: 'grafana',
      role: 'grafana-policies',
      deploy: 'Deploy: when Grafana alerting notifies (services with alerting engine grafana or both); Grafana provisioning/alerting/.',
      deployed: true,
      content: stringifyYaml(orgPolicies(services, org)),
    },
    {
      path: ORG_CONTACT_POINTS_PATH,
      title: `Grafana contact points of every service of ${org.name} and the root receiver (file provisioning).`,
      engine: 'grafana',
      role: 'grafana-contact-points',
      deploy: 'Deploy: with the policy tree, to Grafana provisioning/alerting/.',
      deployed: true,
      content: stringifyYaml(orgContactPoints(services, org)),
    },
    {
      path: ORG_DASHBOARD_PROVIDERS_PATH,
      title: `Grafana dashboard providers of ${org.name}: one per service, in its team's folder.`,
      engine: 'grafana',
      role: 'grafana-dashboard-provider',
      deploy: 'Deploy: yes, to Grafana provisioning/dashboards/ (instead of the services\' own provider files).',
      deployed: true,
      content: stringifyYaml(orgDashboardProviders(services, org)),
    },
  ];
}
