/**
 * `loki/rules/logs.rules.yml` for the Loki ruler (Prometheus rule-file shape, LogQL expressions):
 * recording rules counting error lines per log source and lines per error pattern over 5 minutes
 * (`<source>:error_log_lines:count5m`, `<source>:log_pattern_lines:count5m{pattern="..."}`, remote-
 * written to Prometheus), and the spec's Loki alerts (error-log spikes) when Prometheus-side rulers
 * evaluate this environment's alerts; with the grafana engine Grafana evaluates them instead.
 */
import { errorLinesQuery, patternLinesQuery, type Artifact, type ArtifactDescriptor, type Generator, type RecordingRule, type ResolvedLogPattern, type ResolvedLogSource, type ResolvedModel, type RuleFile, type RuleGroup } from '@monspec/metrics-spec';
import { dedupLabels, prometheusEvaluates } from '../deployment.js';
import { linkAlerts, type LinkedAlert } from '../links.js';
import { alertingRule } from '../prometheus/alert-rules.js';
import { yamlFile } from '../yaml.js';

export const LOKI_RULES_PATH = 'loki/rules/logs.rules.yml';

/** In the tenant's folder when the spec names the tenant: the Loki ruler's local storage layout, `<directory>/<tenant>/<file>`. */
function lokiRulesPath(model: ResolvedModel): string {
  const tenant = model.service.alerting.lokiTenant;
  return tenant === undefined ? LOKI_RULES_PATH : `loki/rules/${tenant}/logs.rules.yml`;
}
const WINDOW = '5m';

function metricPrefix(source: string): string {
  return source.replace(/[^a-zA-Z0-9_]/g, '_');
}

function errorLinesExpr(source: ResolvedLogSource): string | undefined {
  return source.errorFilter ? `sum(count_over_time(${errorLinesQuery(source)} [${WINDOW}]))` : undefined;
}

function patternExpr(source: ResolvedLogSource, pattern: ResolvedLogPattern): string {
  return `sum(count_over_time(${patternLinesQuery(source, pattern)} [${WINDOW}]))`;
}

function lokiRulesFile(model: ResolvedModel, alerts: readonly LinkedAlert[]): Artifact {
  const interval = model.service.alerting.evaluationInterval;
  const groups: RuleGroup[] = [];
  for (const source of model.logs.sources) {
    const rules: RecordingRule[] = [];
    const errors = errorLinesExpr(source);
    if (errors) rules.push({ record: `${metricPrefix(source.name)}:error_log_lines:count${WINDOW}`, expr: errors });
    for (const p of model.logs.patterns.filter((x) => x.source === source.name)) {
      rules.push({ record: `${metricPrefix(source.name)}:log_pattern_lines:count${WINDOW}`, expr: patternExpr(source, p), labels: { pattern: p.name } });
    }
    if (rules.length) groups.push({ name: `${source.name}.logs.recording`, interval, rules });
  }
  const lokiAlerts = alerts.filter((l) => l.alert.datasource === 'loki');
  if (prometheusEvaluates(model.service.alerting.engine) && lokiAlerts.length) groups.push({ name: `${model.service.name}.logs.alerts`, interval, rules: lokiAlerts.map((l) => alertingRule(l, dedupLabels(model))) });
  return { ...lokiRulesDescriptor(model), content: yamlFile({ groups } satisfies RuleFile) };
}

/** Deployed when it holds a rule: an error-line or pattern count, or a log alert the Loki ruler evaluates (the same conditions as the groups above). */
function lokiRulesDescriptor(model: ResolvedModel): ArtifactDescriptor {
  const engine = model.service.alerting.engine;
  const evaluates = prometheusEvaluates(engine);
  const counts = model.logs.sources.some((s) => errorLinesExpr(s) !== undefined || model.logs.patterns.some((p) => p.source === s.name));
  const alerts = evaluates && model.alerts.some((a) => a.datasource === 'loki');
  const deployed = counts || alerts;
  return {
    path: lokiRulesPath(model),
    title: 'Loki ruler rules (LogQL). Recording rules need the ruler remote_write to Prometheus.',
    engine: 'loki',
    role: 'loki-rules',
    deployed,
    deploy: deployed
      ? `Deploy: yes, to the Loki ruler's rule directory (alerting engine ${engine}: ${evaluates ? 'the Loki ruler evaluates the log alerts' : 'Grafana evaluates the log alerts; only recording rules here'}).`
      : `Deploy: no (no log source with an error filter or pattern, and no log alert the Loki ruler evaluates with alerting engine ${engine}); generated for review only.`,
  };
}

/**
 * The Loki ruler's rules as their own output: this export plus one line in the CLI's registry
 * (apps/cli/src/generators/registry.ts) is all an output needs (CONTRIBUTING.md, "Add an output").
 */
export const lokiRulesGenerator = {
  id: 'loki-rules',
  describe: (model: ResolvedModel): ArtifactDescriptor[] => [lokiRulesDescriptor(model)],
  generate: (model: ResolvedModel): Artifact[] => [lokiRulesFile(model, linkAlerts(model))],
} satisfies Generator;
