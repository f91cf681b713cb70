/**
 * The Grafana half against the real Prometheus: every generated Grafana-managed rule with a
 * Prometheus data query runs its query on the stack's Prometheus (an instant query, as the rule's
 * model says) and its expression chain through @monspec/alerts' evaluator of Grafana's documented
 * semantics; at the same evaluation time its Prometheus twin's rule expression runs on the same
 * Prometheus. The label sets whose condition holds must be the same. Comparing conditions at one
 * timestamp (not alert states) keeps `for` out of it: both engines apply the same `for` to the same
 * condition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateRule, GRAFANA_RULES_PATH, type DataSeries, type RuleData } from '@monspec/alerts';
import type { ResolvedAlert } from '@monspec/metrics-spec';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { Stack } from './stack.js';

type Labels = Record<string, string>;

interface GrafanaRule {
  readonly uid: string;
  readonly title: string;
  readonly condition: string;
  readonly data: readonly RuleData[];
  readonly labels: Readonly<Record<string, string>>;
}

export interface TwinState {
  readonly alert: string;
  /** Label sets (sorted JSON) whose condition holds, per engine. */
  readonly grafana: string[];
  readonly prometheus: string[];
}

function key(labels: Readonly<Record<string, string>>): string {
  // Grafana's data plane carries the metric name as the frame/field name, not as a label
  // (https://grafana.com/developers/dataplane/timeseries), and PromQL comparisons drop __name__.
  return JSON.stringify(Object.entries(labels).filter(([k]) => k !== '__name__').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function instant(stack: Stack, expr: string, time: number): Promise<Array<{ metric: Labels; value: [number, string] }>> {
  const url = `${stack.prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}&time=${time}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${expr}: ${await res.text()}`);
  const body = (await res.json()) as { data: { resultType: string; result: Array<{ metric: Labels; value: [number, string] }> } };
  if (body.data.resultType !== 'vector') throw new Error(`Unexpected ${body.data.resultType} result for ${expr}, expected a vector`);
  return body.data.result;
}

/** The generated Grafana rules of the stack's environment, each with its Prometheus twin. */
function grafanaRules(stack: Stack): Array<{ rule: GrafanaRule; twin: ResolvedAlert }> {
  const file = join(stack.dir, 'out', 'e2e', GRAFANA_RULES_PATH);
  const doc = parse(readFileSync(file, 'utf8')) as { groups: Array<{ rules: GrafanaRule[] }> };
  const promUid = stack.model.service.datasources.prometheus.uid;
  return doc.groups
    .flatMap((g) => g.rules)
    .filter((r) => r.data.some((d) => d.datasourceUid === promUid))
    .map((rule) => {
      const twin = stack.model.alerts.find((a) => a.datasource === 'prometheus' && rule.title.split(' ')[0] === a.name && key(a.labels) === key(rule.labels));
      if (!twin) throw new Error(`Grafana rule "${rule.title}" has no Prometheus twin in the model`);
      return { rule, twin };
    });
}

/** Both engines' condition at one timestamp, for every rule. */
async function twinStates(stack: Stack): Promise<TwinState[]> {
  const time = Math.floor(Date.now() / 1000) - 1;
  const out: TwinState[] = [];
  for (const { rule, twin } of grafanaRules(stack)) {
    const queries = new Map<string, DataSeries[]>();
    for (const d of rule.data.filter((x) => x.datasourceUid !== '__expr__')) {
      const expr = String(d.model['expr'] ?? '');
      const result = await instant(stack, expr, time);
      queries.set(d.refId, result.map((r) => ({ labels: r.metric, values: [Number(r.value[1])] })));
    }
    const grafana = evaluateRule(rule, queries).firing.map(key).sort();
    const prometheus = (await instant(stack, twin.query, time)).map((r) => key(r.metric)).sort();
    out.push({ alert: rule.title, grafana, prometheus });
  }
  return out;
}

/**
 * Grafana's condition holds for exactly the label sets its twin's does, for every rule; and each of
 * `firing` (alert names Prometheus fires now) holds in Grafana. Retried briefly: the two queries of
 * a rule may straddle a rule evaluation that changes a recorded series.
 */
export async function proveGrafanaTwins(stack: Stack, firing: readonly string[]): Promise<TwinState[]> {
  let states: TwinState[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    states = await twinStates(stack);
    if (states.every((s) => JSON.stringify(s.grafana) === JSON.stringify(s.prometheus))) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  expect(states.length, 'every Prometheus-datasource Grafana rule was evaluated').toBe(stack.model.alerts.filter((a) => a.datasource === 'prometheus').length);
  for (const s of states) expect(s.grafana, `Grafana rule "${s.alert}" holds for the label sets its Prometheus twin holds for`).toEqual(s.prometheus);
  for (const name of firing) {
    expect(states.some((s) => s.alert.split(' ')[0] === name && s.grafana.length > 0), `Grafana's ${name} holds while Prometheus fires it`).toBe(true);
  }
  return states;
}
