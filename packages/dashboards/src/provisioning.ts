/**
 * Grafana file provisioning (apiVersion 1): a dashboard file provider that loads the generated JSON
 * from where it is mounted, into the service's folder, and the Prometheus and Loki datasources with
 * the fixed uids the dashboards' datasource variables default to (unless the spec references existing ones).
 */
import { stringifyYaml, type ResolvedModel } from '@monspec/metrics-spec';
import { sortKeys, type Json } from './serialize.js';

export const DASHBOARD_PROVIDER_PATH = 'grafana/provisioning/dashboards/monspec.yaml';
export const DATASOURCES_PATH = 'grafana/provisioning/datasources/monspec.yaml';

/** Where Grafana finds the dashboard files unless told otherwise. */
export function defaultDashboardsMountPath(model: ResolvedModel): string {
  return `/var/lib/grafana/dashboards/${model.service.name}`;
}

function yaml(value: Json): string {
  return stringifyYaml(sortKeys(value));
}

export function dashboardProvider(model: ResolvedModel, mountPath: string): string {
  return yaml({
    apiVersion: 1,
    providers: [
      {
        name: `monspec-${model.service.name}`,
        orgId: 1,
        type: 'file',
        folder: model.service.grafana.folder,
        // The files are the source of truth: no deletion or saving from the UI.
        disableDeletion: true,
        allowUiUpdates: false,
        updateIntervalSeconds: 30,
        options: { path: mountPath, foldersFromFilesStructure: false },
      },
    ],
  });
}

/**
 * The datasources monspec provisions, under the spec's names and uids (monspec's own by default:
 * Grafana's provisioner matches by name, so a generic "Prometheus" would take over an existing
 * datasource; the `datasource-name` check rejects that). A datasource with `provision: false` is an
 * existing one the dashboards reference by uid: it gets no entry.
 */
export function datasources(model: ResolvedModel): string {
  const { prometheus, loki } = model.service.datasources;
  const entries: Json[] = [];
  if (prometheus.provision) {
    entries.push({
      name: prometheus.name,
      type: 'prometheus',
      uid: prometheus.uid,
      access: 'proxy',
      url: prometheus.url,
      isDefault: false,
      editable: false,
      jsonData: {
        httpMethod: 'POST',
        // Grafana derives $__rate_interval from this (4 × the scrape interval).
        timeInterval: model.service.scrapeInterval,
      },
    });
  }
  if (loki.provision) {
    entries.push({
      name: loki.name,
      type: 'loki',
      uid: loki.uid,
      access: 'proxy',
      url: loki.url,
      isDefault: false,
      editable: false,
      jsonData: { maxLines: 1000 },
    });
  }
  return yaml({ apiVersion: 1, datasources: entries });
}
