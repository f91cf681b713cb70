/** `prometheus/rules/alerts.rules.yml`: every Prometheus-datasource alert, mixin style. */
import { sortedRecord, type AlertingRule, type Artifact, type ArtifactDescriptor, type ResolvedModel, type RuleFile, type RuleGroup } from '@monspec/metrics-spec';
import { dedupLabels, ruleFileDeployment } from '../deployment.js';
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
    ...ruleFileDeployment(model, 'prometheus', 'Prometheus rule_files, with alertmanager/alertmanager.yml'),
  };
}

/** The alerting-rule group of the Prometheus-datasource alerts (none without such alerts). */
export function alertRuleGroups(model: ResolvedModel, alerts: readonly LinkedAlert[]): RuleGroup[] {
  const extra = dedupLabels(model);
  const rules = alerts.filter((l) => l.alert.datasource === 'prometheus').map((l) => alertingRule(l, extra));
  return rules.length ? [{ name: alertGroup(model), interval: model.service.alerting.evaluationInterval, rules }] : [];
}

export function alertRulesFile(model: ResolvedModel, alerts: readonly LinkedAlert[]): Artifact {
  return { ...alertRulesDescriptor(model), content: yamlFile({ groups: alertRuleGroups(model, alerts) } satisfies RuleFile) };
}
