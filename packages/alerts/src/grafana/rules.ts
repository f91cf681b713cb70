/**
 * `grafana/provisioning/alerting/rules.yaml`: Grafana-managed alert rules in the file-provisioning
 * format (apiVersion 1): one group in the service's folder; per rule A = the signal query, B =
 * reduce (last), C = threshold (> / <) or a math comparison (==, !=, >=, <=); `for`, labels,
 * annotations, no-data and error states. Templates use `$values.B.Value` where Prometheus uses
 * `$value` (Grafana's `$value` is a descriptive string).
 */
import { indexModel, parseDuration, type Artifact, type ArtifactDescriptor, type ResolvedAlert, type ResolvedModel } from '@monspec/metrics-spec';
import { deployment, grafanaForwards } from '../deployment.js';
import type { LinkedAlert } from '../links.js';
import { yamlFile } from '../yaml.js';
import { escapeRecord, grafanaUid } from './escape.js';
import type { GrafanaRule, GrafanaRulesFile } from './provisioning-types.js';

export const GRAFANA_RULES_PATH = 'grafana/provisioning/alerting/rules.yaml';

function grafanaTemplate(text: string): string {
  return text.replace(/\$value\b/g, '$values.B.Value');
}

function condition(alert: ResolvedAlert): Record<string, unknown> {
  const c = alert.condition;
  const base = { refId: 'C', datasource: { type: '__expr__', uid: '__expr__' } };
  if (!c) {
    // The query is the whole condition (it returns series only while it holds).
    return { ...base, type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: 'gt', params: [0] } }] };
  }
  if (c.op === '>' || c.op === '<') {
    return { ...base, type: 'threshold', expression: 'B', conditions: [{ evaluator: { type: c.op === '>' ? 'gt' : 'lt', params: [c.value] } }] };
  }
  return { ...base, type: 'math', expression: `$B ${c.op} ${c.value}` };
}

/** Seconds of data the query needs: the largest range selector, at least 10 minutes. */
function lookback(expr: string): number {
  let max = 600;
  for (const m of expr.matchAll(/\[([0-9a-z]+)\]/g)) {
    const s = parseDuration(m[1] as string);
    if (Number.isFinite(s) && s > max) max = s;
  }
  return max;
}

function titles(model: ResolvedModel, alerts: readonly LinkedAlert[]): Map<LinkedAlert, string> {
  // Engine both: the title is the `alertname` of Grafana's copy, so it must be the alert name for
  // Alertmanager to merge the copies (Grafana 12+ allows equal titles in a folder, grafana#102067).
  if (grafanaForwards(model)) return new Map(alerts.map((l) => [l, l.alert.name]));
  const count = new Map<string, number>();
  for (const l of alerts) count.set(l.alert.name, (count.get(l.alert.name) ?? 0) + 1);
  // Titles are unique per folder: alerts sharing a name (SLO burn-rate branches) get the severity
  // and the branch's windows appended.
  const suffix = (l: LinkedAlert) => {
    const w = l.alert.slo?.windows[0];
    return w ? `${l.alert.severity}, ${w.longWindow}/${w.shortWindow}` : l.alert.severity;
  };
  return new Map(alerts.map((l) => [l, (count.get(l.alert.name) ?? 0) > 1 ? `${l.alert.name} (${suffix(l)})` : l.alert.name]));
}

function rule(model: ResolvedModel, linked: LinkedAlert, title: string): GrafanaRule {
  const a = linked.alert;
  const ds = model.service.datasources[a.datasource];
  const queryExpr = a.condition ? a.expr : a.query;
  const panel = indexModel(model).panel(a.dashboard);
  return {
    uid: grafanaUid(model.service.name, a.id.replace(/:/g, '-')),
    title,
    condition: 'C',
    data: [
      {
        refId: 'A',
        relativeTimeRange: { from: lookback(queryExpr), to: 0 },
        datasourceUid: ds.uid,
        model: {
          refId: 'A',
          datasource: { type: a.datasource, uid: ds.uid },
          expr: queryExpr,
          instant: true,
          range: false,
          ...(a.datasource === 'loki' ? { queryType: 'instant' } : {}),
          intervalMs: 1000,
          maxDataPoints: 43200,
        },
      },
      {
        refId: 'B',
        relativeTimeRange: { from: 0, to: 0 },
        datasourceUid: '__expr__',
        model: { refId: 'B', datasource: { type: '__expr__', uid: '__expr__' }, type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' } },
      },
      { refId: 'C', relativeTimeRange: { from: 0, to: 0 }, datasourceUid: '__expr__', model: condition(a) },
    ],
    ...(panel ? { dashboardUid: panel.dashboard.uid, panelId: panel.panel.id } : {}),
    noDataState: a.noDataState,
    execErrState: a.execErrState,
    for: a.for,
    annotations: Object.fromEntries(Object.entries(linked.annotations).map(([k, v]) => [k, grafanaTemplate(v)])),
    labels: escapeRecord(a.labels),
    isPaused: false,
  };
}

export function grafanaRulesFile(model: ResolvedModel, alerts: readonly LinkedAlert[]): Artifact {
  const named = titles(model, alerts);
  const data: GrafanaRulesFile = {
    apiVersion: 1,
    groups: [
      {
        orgId: 1,
        name: model.service.name,
        folder: model.service.grafana.folder,
        interval: model.service.alerting.evaluationInterval,
        rules: alerts.map((l) => rule(model, l, named.get(l) ?? l.alert.name)),
      },
    ],
  };
  return { ...grafanaRulesDescriptor(model), content: yamlFile(data) };
}

export function grafanaRulesDescriptor(model: ResolvedModel): ArtifactDescriptor {
  return {
    path: GRAFANA_RULES_PATH,
    title: 'Grafana-managed alert rules (file provisioning).',
    engine: 'grafana',
    role: 'grafana-alert-rules',
    ...deployment(model, 'grafana', 'Grafana provisioning/alerting/'),
  };
}
