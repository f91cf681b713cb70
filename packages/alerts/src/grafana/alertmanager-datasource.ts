/**
 * `grafana/provisioning/datasources/alertmanager.yaml`, with engine `both` only: the external
 * Alertmanager as a Grafana data source that receives Grafana-managed alerts
 * (`handleGrafanaManagedAlerts`), as Grafana documents for sending alerts to an external
 * Alertmanager: https://grafana.com/docs/grafana/latest/alerting/set-up/configure-alertmanager/
 * Grafana's "Send alerts to: External Alertmanagers only" (Alerting → Settings) is not
 * file-provisionable; the header says to set it, or Grafana's own Alertmanager notifies as well.
 */
import type { Artifact, ArtifactDescriptor, ResolvedModel } from '@monspec/metrics-spec';
import { grafanaForwards } from '../deployment.js';
import { yamlFile } from '../yaml.js';
import { grafanaUid } from './escape.js';
import type { GrafanaDatasourcesFile } from './provisioning-types.js';

const GRAFANA_ALERTMANAGER_DATASOURCE_PATH = 'grafana/provisioning/datasources/alertmanager.yaml';

/** With engine `both` only (none otherwise). */
export function grafanaAlertmanagerDatasourceDescriptor(model: ResolvedModel): ArtifactDescriptor | undefined {
  const url = model.service.alerting.alertmanagerUrl;
  if (!grafanaForwards(model) || !url) return undefined;
  return {
    path: GRAFANA_ALERTMANAGER_DATASOURCE_PATH,
    title: `The external Alertmanager (${url}) as a Grafana data source receiving Grafana-managed alerts (engine both).`,
    engine: 'grafana',
    role: 'grafana-alertmanager-datasource',
    deployed: true,
    deploy: 'Deploy: yes, to Grafana provisioning/datasources/, and set Alerting → Settings → "Send alerts to" to External Alertmanagers only, so Grafana does not notify its own contact points as well.',
  };
}

export function grafanaAlertmanagerDatasourceFile(model: ResolvedModel): Artifact | undefined {
  const descriptor = grafanaAlertmanagerDatasourceDescriptor(model);
  const url = model.service.alerting.alertmanagerUrl;
  if (!descriptor || !url) return undefined;
  const data: GrafanaDatasourcesFile = {
    apiVersion: 1,
    datasources: [
      {
        name: 'Alertmanager',
        uid: grafanaUid('monspec', model.service.name, 'alertmanager'),
        type: 'alertmanager',
        access: 'proxy',
        url,
        jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: true },
      },
    ],
  };
  return { ...descriptor, content: yamlFile(data) };
}
