/**
 * The monitoring architecture of a service as data: who scrapes, stores, shows, evaluates and notifies,
 * from the model. The setup guide shows it as a picture (svg.ts), so the graph is built once and drawn
 * from the same nodes and edges everywhere.
 */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { count } from '../markdown/inline.js';
import { compare, contactPointType, usesLoki } from '../view/common.js';

export interface ArchitectureNode {
  readonly id: string;
  readonly label: string;
  /** Left-to-right column: the stage of the flow the node belongs to. */
  readonly column: number;
  /** A fixed row, for a node placed out of the way of edges that pass its column; else stacked. */
  readonly row?: number;
}

export interface ArchitectureEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

export interface ArchitectureGraph {
  readonly title: string;
  readonly nodes: readonly ArchitectureNode[];
  readonly edges: readonly ArchitectureEdge[];
}

export function architectureGraph(model: ResolvedModel): ArchitectureGraph {
  const s = model.service;
  const engine = s.alerting.engine;
  const viaPrometheus = engine !== 'grafana';
  const viaGrafana = engine !== 'prometheus';
  const logs = model.logs.sources.length > 0;
  const loki = usesLoki(model);
  const lokiAlerts = model.alerts.some((a) => a.datasource === 'loki');
  const nodes: ArchitectureNode[] = [{ id: 'svc', label: `${s.name} (${s.replicas} × ${s.metricsPath})`, column: 0 }];
  const edges: ArchitectureEdge[] = [{ from: 'svc', to: 'prom', label: `scrape every ${s.scrapeInterval}` }];
  nodes.push({ id: 'prom', label: `Prometheus (${s.datasources.prometheus.name})`, column: 1 });
  // Loki appears only for a service that ships logs: an empty box would promise a pipeline.
  if (loki) {
    nodes.push({ id: 'loki', label: `Loki (${s.datasources.loki.name})`, column: 1 });
    if (logs) edges.push({ from: 'svc', to: 'loki', label: 'logs' });
  }
  nodes.push({ id: 'grafana', label: `Grafana: ${count(model.dashboards.length, 'dashboard')} in ${s.grafana.folder}`, column: 2 });
  edges.push({ from: 'prom', to: 'grafana' });
  if (loki) edges.push({ from: 'loki', to: 'grafana' });
  if (viaPrometheus) {
    // Two rows below Grafana: the rule edges from Prometheus and Loki pass under the Grafana box.
    nodes.push({ id: 'am', label: 'Alertmanager', column: 3, row: 2 });
    edges.push({ from: 'prom', to: 'am', label: 'alerting rules' });
    if (lokiAlerts) edges.push({ from: 'loki', to: 'am', label: 'log alerting rules' });
  }
  if (viaGrafana) {
    nodes.push({ id: 'ga', label: 'Grafana alerting', column: 3, row: 0 });
    edges.push({ from: 'grafana', to: 'ga', label: 'Grafana-managed rules' });
  }
  const cps = [...model.notifications.contactPoints].sort((a, b) => compare(a.name, b.name));
  cps.forEach((cp, i) => {
    nodes.push({ id: `cp${i}`, label: `${contactPointType(cp)}: ${cp.name}`, column: 4 });
    if (viaPrometheus) edges.push({ from: 'am', to: `cp${i}` });
    if (viaGrafana) edges.push({ from: 'ga', to: `cp${i}` });
  });
  return { title: `Monitoring architecture of ${s.name}`, nodes, edges };
}
