/**
 * The files of the ruler `service.alerting.ruler` selects, when it is not Prometheus's own
 * rule_files: the same rule groups as prometheus/rules (which are still generated and promtool-tested,
 * then marked "Deploy: no"), in the format that ruler loads. One generator for every ruler format, so
 * choosing another ruler per environment is an overlay, never a second output to wire up.
 */
import type { Artifact, ArtifactDescriptor, Generator, ResolvedModel, RuleGroup } from '@monspec/metrics-spec';
import { prometheusEvaluates } from '../deployment.js';
import { linkAlerts } from '../links.js';
import { alertmanagerConfigDescriptor, alertmanagerConfigObject, alertmanagerConfigPath, secretKeys, secretName } from './alertmanager-config.js';
import { yamlFile } from '../yaml.js';
import { prometheusRuleGroups } from './groups.js';
import { kubernetesMetadata } from './kubernetes.js';
import { mimirDescriptor, mimirRulesFile } from './mimir.js';
import { prometheusRuleDescriptor, prometheusRuleObject } from './prometheus-rule.js';
import { thanosDescriptor, thanosRulesFile } from './thanos.js';

/** Deployed when Prometheus-side rulers send this environment's alerts (not with engine grafana). */
function operatorAlertmanagerDescriptor(model: ResolvedModel, namespace: string): ArtifactDescriptor {
  const engine = model.service.alerting.engine;
  if (!prometheusEvaluates(engine)) return alertmanagerConfigDescriptor(model, namespace, false, `Deploy: no (alerting engine ${engine}: Grafana evaluates and notifies); generated for review only.`);
  const path = alertmanagerConfigPath(model);
  const keys = secretKeys(model);
  return alertmanagerConfigDescriptor(
    model,
    namespace,
    true,
    `Deploy: yes, with kubectl apply -f ${path}${keys.length ? ` after creating the Secret ${secretName(model)} (keys ${keys.join(', ')}) in namespace ${namespace}` : ''}; the Alertmanager object's alertmanagerConfigSelector must match its labels. The operator routes only alerts labelled namespace="${namespace}" to it unless the Alertmanager's alertmanagerConfigMatcherStrategy is None.`,
  );
}

/** Each file of the selected ruler: its descriptor and how to build its data from the rule groups. */
function rulerFiles(model: ResolvedModel): Array<{ readonly descriptor: ArtifactDescriptor; readonly data: (groups: readonly RuleGroup[]) => unknown }> {
  const ruler = model.service.alerting.ruler;
  switch (ruler.type) {
    case 'prometheus':
      return [];
    case 'mimir':
      return [{ descriptor: mimirDescriptor(ruler.namespace), data: (groups) => mimirRulesFile(ruler.namespace, groups) }];
    case 'thanos':
      return [{ descriptor: thanosDescriptor(model.service.name, ruler.partialResponseStrategy), data: (groups) => thanosRulesFile(groups, ruler.partialResponseStrategy) }];
    case 'prometheus-operator': {
      const metadata = kubernetesMetadata(model.service.name, ruler.namespace, ruler.labels);
      return [
        { descriptor: prometheusRuleDescriptor(model.service.name, ruler.namespace), data: (groups) => prometheusRuleObject(metadata, groups) },
        { descriptor: operatorAlertmanagerDescriptor(model, ruler.namespace), data: () => alertmanagerConfigObject(model, metadata) },
      ];
    }
  }
}

function describe(model: ResolvedModel): ArtifactDescriptor[] {
  return rulerFiles(model).map((f) => f.descriptor);
}

function generate(model: ResolvedModel): Artifact[] {
  const files = rulerFiles(model);
  if (files.length === 0) return [];
  const groups = prometheusRuleGroups(model, linkAlerts(model));
  return files.map((f) => ({ ...f.descriptor, content: yamlFile(f.data(groups)) }));
}

/** The selected ruler's files as a generator of the CLI's registry. */
export const rulersGenerator = { id: 'rulers', describe, generate } satisfies Generator;
