/** `prometheus/rules/alerts.rules.yml`: every Prometheus-datasource alert, mixin style. */
import { sortedRecord, type Artifact, type ResolvedModel } from '@monspec/metrics-spec';
import { artifactHeader } from '../header.js';
import { dedupLabels, deployLine } from '../deployment.js';
import type { LinkedAlert } from '../links.js';
import { yamlFile } from '../yaml.js';
import { alertGroup } from './groups.js';

export const ALERT_RULES_PATH = 'prometheus/rules/alerts.rules.yml';

/** A rule-file alerting rule (Prometheus and Loki ruler share the shape). */
export function alertingRule(linked: LinkedAlert, extraLabels: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const a = linked.alert;
  return {
    alert: a.name,
    expr: a.query,
    ...(a.forSeconds > 0 ? { for: a.for } : {}),
    labels: sortedRecord({ ...a.labels, ...extraLabels }),
    annotations: { ...linked.annotations },
  };
}

export function alertRulesFile(model: ResolvedModel, alerts: readonly LinkedAlert[]): Artifact {
  const extra = dedupLabels(model);
  const rules = alerts.filter((l) => l.alert.datasource === 'prometheus').map((l) => alertingRule(l, extra));
  const groups = rules.length ? [{ name: alertGroup(model), interval: model.service.alerting.evaluationInterval, rules }] : [];
  const header = artifactHeader(model, 'Prometheus alerting rules.', deployLine(model, 'prometheus', 'Prometheus rule_files, with alertmanager/alertmanager.yml'));
  return { path: ALERT_RULES_PATH, content: yamlFile(header, { groups }) };
}
