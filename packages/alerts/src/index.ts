export { generate, alertsGenerator, type GenerateOptions } from './generate.js';
export { linkAlerts, linkAlert, type LinkedAlert } from './links.js';
export { expectedReceivers, routeTestLabels, defaultReceiver } from './receivers.js';
export { prometheusEvaluates, grafanaEvaluates } from './deployment.js';
export { alertmanagerConfig, DEFAULT_SECRETS_DIR, type AlertmanagerOptions } from './alertmanager/config.js';
export { RECORDING_RULES_PATH } from './prometheus/recording-rules.js';
export { ALERT_RULES_PATH } from './prometheus/alert-rules.js';
export { UNIT_TESTS_PATH, promtoolTestCaseCount } from './prometheus/unit-tests.js';
export { ALERTMANAGER_PATH } from './alertmanager/config.js';
export { GRAFANA_RULES_PATH } from './grafana/rules.js';
export { GRAFANA_CONTACT_POINTS_PATH } from './grafana/contact-points.js';
export { GRAFANA_POLICIES_PATH } from './grafana/policies.js';
export { LOKI_RULES_PATH, lokiRulesGenerator } from './loki/rules.js';
export { rulersGenerator } from './rulers/generator.js';
// The promtool/amtool runners (I/O) are on the `@monspec/alerts/tools` subpath only, never on this entry.
export { evaluateRule, reduce, threshold, math, GrafanaExpressionError, type DataSeries, type NumberResult, type RuleData, type RuleEvaluation } from './grafana/evaluate.js';
export { grafanaUid } from './grafana/escape.js';
