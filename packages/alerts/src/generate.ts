/** `generate(model)`: the Prometheus, Alertmanager and Grafana alerting artifacts of one environment, as data (the Loki rules are `lokiRulesGenerator`'s). Pure. */
import type { Artifact, Generator, ResolvedModel } from '@monspec/metrics-spec';
import { linkAlerts } from './links.js';
import { recordingRulesFile } from './prometheus/recording-rules.js';
import { alertRulesFile } from './prometheus/alert-rules.js';
import { unitTestsFile } from './prometheus/unit-tests.js';
import { alertmanagerFile, type AlertmanagerOptions } from './alertmanager/config.js';
import { grafanaRulesFile } from './grafana/rules.js';
import { grafanaContactPointsFile } from './grafana/contact-points.js';
import { grafanaPoliciesFile } from './grafana/policies.js';
import { grafanaAlertmanagerDatasourceFile } from './grafana/alertmanager-datasource.js';

export interface GenerateOptions {
  readonly alertmanager?: AlertmanagerOptions;
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
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Prometheus, Alertmanager and Grafana alerting artifacts as a generator of the CLI's registry. */
export const alertsGenerator = { id: 'alerts', generate } satisfies Generator<GenerateOptions>;
