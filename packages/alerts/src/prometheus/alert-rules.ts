/** `prometheus/rules/alerts.rules.yml`: every Prometheus-datasource alert, mixin style. */
import { sortedRecord, type AlertingRule, type Artifact, type ArtifactDescriptor, type ResolvedModel, type RuleFile } from '@monspec/metrics-spec';
import { dedupLabels, deployment } from '../deployment.js';
import type { LinkedAlert } from '../links.js';
import { yamlFile } from '../yaml.js';
import { alertGroup } from './groups.js';

export const ALERT_RULES_PATH = 'prometheus/rules/alerts.rules.yml';

/** A rule-file alerting rule (Prometheus and Loki ruler share the shape). */
export function alertingRule(linked: LinkedAlert, extraLabels: Readonly<Record<string, string>> = {}): AlertingRule {
  const a = linked.alert;
  return {
    alert: a.name,
    expr: a.query,
    ...(a.forSeconds > 0 ? { for: a.for } : {}),
    labels: sortedRecord({ ...a.labels, ...extraLabels }),
    annotations: { ...linked.annotations },
  };
}

export function alertRulesDescriptor(model: ResolvedModel): ArtifactDescriptor {
  return {
    path: ALERT_RULES_PATH,
    title: 'Prometheus alerting rules.',
    engine: 'prometheus',
    role: 'prometheus-alerting-rules',
    ...deployment(model, 'prometheus', 'Prometheus rule_files, with alertmanager/alertmanager.yml'),
  };
}

export function alertRulesFile(model: ResolvedModel, alerts: readonly LinkedAlert[]): Artifact {
  const extra = dedupLabels(model);
  const rules = alerts.filter((l) => l.alert.datasource === 'prometheus').map((l) => alertingRule(l, extra));
  const file: RuleFile = { groups: rules.length ? [{ name: alertGroup(model), interval: model.service.alerting.evaluationInterval, rules }] : [] };
  return { ...alertRulesDescriptor(model), content: yamlFile(file) };
}
