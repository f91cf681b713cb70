/** `generate(model)`: the Prometheus, Alertmanager and Grafana alerting artifacts of one environment, as data (the Loki rules are `lokiRulesGenerator`'s). Pure. */
import type { Artifact, ArtifactDescriptor, Generator, ResolvedModel } from '@monspec/metrics-spec';
import { linkAlerts } from './links.js';
import { recordingRulesDescriptor, recordingRulesFile } from './prometheus/recording-rules.js';
import { alertRulesDescriptor, alertRulesFile } from './prometheus/alert-rules.js';
import { unitTestsDescriptor, unitTestsFile } from './prometheus/unit-tests.js';
import { alertmanagerDescriptor, alertmanagerFile, type AlertmanagerOptions } from './alertmanager/config.js';
import { grafanaRulesDescriptor, grafanaRulesFile } from './grafana/rules.js';
import { grafanaContactPointsDescriptor, grafanaContactPointsFile } from './grafana/contact-points.js';
import { grafanaPoliciesDescriptor, grafanaPoliciesFile } from './grafana/policies.js';
import { grafanaAlertmanagerDatasourceDescriptor, grafanaAlertmanagerDatasourceFile } from './grafana/alertmanager-datasource.js';

export interface GenerateOptions {
  readonly alertmanager?: AlertmanagerOptions;
}

function byPath<T extends { readonly path: string }>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The files `generate` returns, without their content (each file's module owns its descriptor). */
function describe(model: ResolvedModel, options: GenerateOptions = {}): ArtifactDescriptor[] {
  const forward = grafanaAlertmanagerDatasourceDescriptor(model);
  return [
    recordingRulesDescriptor(model),
    alertRulesDescriptor(model),
    unitTestsDescriptor(),
    alertmanagerDescriptor(model, options.alertmanager),
    grafanaRulesDescriptor(model),
    grafanaContactPointsDescriptor(model),
    grafanaPoliciesDescriptor(model),
    ...(forward ? [forward] : []),
  ].sort(byPath);
}

export function generate(model: ResolvedModel, options: GenerateOptions = {}): Artifact[] {
  const alerts = linkAlerts(model);
  const artifacts: Artifact[] = [
    recordingRulesFile(model),
    alertRulesFile(model, alerts),
    unitTestsFile(model, alerts),
    alertmanagerFile(model, options.alertmanager),
    grafanaRulesFile(model, alerts),
    grafanaContactPointsFile(model),
    grafanaPoliciesFile(model),
  ];
  const forward = grafanaAlertmanagerDatasourceFile(model);
  if (forward) artifacts.push(forward);
  return artifacts.sort(byPath);
}

/** Prometheus, Alertmanager and Grafana alerting artifacts as a generator of the CLI's registry. */
export const alertsGenerator = { id: 'alerts', describe, generate } satisfies Generator<GenerateOptions>;
