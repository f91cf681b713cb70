/**
 * The ruler part of the plan: the rule groups the spec generates for Mimir/Cortex (rulerSource: the
 * mimir file, or the deployed Prometheus rule files) and for Loki (role loki-rules) against the groups
 * of the service's namespace (`monspec-<service>` unless the spec's mimir ruler names one) in each ruler,
 * one item per group. The namespace is monspec's: a group there that the spec no longer generates is
 * an orphan, deleted only with --prune. Rulers keep no author, so a live edit shows as an update from
 * the live value to the spec's.
 */
import { parse } from 'yaml';
import { rulerNamespace, type ArtifactDescriptor, type ResolvedModel } from '@monspec/metrics-spec';
import { UsageError } from '../errors.js';
import { generateEnvironment } from '../build/generate-all.js';
import { GENERATORS } from '../generators/registry.js';
import { TOOL_VERSION } from '../version.js';
import { comparable } from './alerting-normalise.js';
import { jsonChanges } from './dashboard-diff.js';
import type { Action } from './plan.js';
import type { RuleGroupYaml, RulerClient, RulerKind } from './ruler-client.js';

const DURATIONS: ReadonlySet<string> = new Set(['for', 'keep_firing_for', 'interval']);

export interface RulerItem {
  readonly ruler: RulerKind;
  readonly url: string;
  readonly namespace: string;
  readonly group: string;
  readonly action: Action;
  readonly details: readonly string[];
  /** The group apply POSTs (create/update). */
  readonly desired?: RuleGroupYaml;
}

export interface RulerPlan {
  readonly items: readonly RulerItem[];
}

/**
 * What a ruler of `kind` evaluates for this spec, and in which namespace (one per service, named so
 * that it says whose it is). Mimir: the spec's mimir file (its namespace, `monspec-<service>` unless
 * the spec names one) when service.alerting.ruler selects Mimir, else the rule files this environment
 * deploys; a spec whose rules go to another ruler (thanos, the Prometheus Operator) has nothing for
 * Mimir, and says so instead of deploying them twice. Loki: the deployed Loki rules.
 */
function rulerSource(model: ResolvedModel, kind: RulerKind): { readonly namespace: string; readonly picks: (a: ArtifactDescriptor) => boolean } {
  if (kind === 'Loki') return { namespace: rulerNamespace(model.service.name), picks: (a) => a.role === 'loki-rules' && a.deployed };
  const ruler = model.service.alerting.ruler;
  if (ruler.type === 'mimir') return { namespace: ruler.namespace, picks: (a) => a.role === 'ruler-rules' && a.subject === 'mimir' && a.deployed };
  if (ruler.type !== 'prometheus') {
    throw new UsageError(`Unexpected a Mimir target with service.alerting.ruler type ${ruler.type} (environment ${model.environment}): its rule groups go to that ruler, expected ruler type mimir or prometheus, or no Mimir target`);
  }
  return { namespace: rulerNamespace(model.service.name), picks: (a) => (a.role === 'prometheus-recording-rules' || a.role === 'prometheus-alerting-rules') && a.deployed };
}

async function desiredGroups(model: ResolvedModel, picks: (a: ArtifactDescriptor) => boolean): Promise<RuleGroupYaml[]> {
  const generators = [];
  for (const g of GENERATORS) if ((await g.describe(model)).some(picks)) generators.push(g);
  const { artifacts } = await generateEnvironment(model, TOOL_VERSION, generators);
  return artifacts.filter(picks).flatMap((a) => ((parse(a.content) as { groups?: RuleGroupYaml[] }).groups ?? []));
}

const ruleName = (r: Record<string, unknown>) => String(r.alert ?? r.record);

/** Rules keyed `name#n` (the nth rule of that name: SLO burn-rate alerts share one). */
function keyed(rules: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const seen = new Map<string, number>();
  for (const r of Array.isArray(rules) ? (rules as Array<Record<string, unknown>>) : []) {
    const n = (seen.get(ruleName(r)) ?? 0) + 1;
    seen.set(ruleName(r), n);
    out.set(`${ruleName(r)}#${n}`, r);
  }
  return out;
}

/** The spec's lines for one group: group fields, then per rule (created, deleted, or its changed fields). */
function groupChanges(live: RuleGroupYaml, desired: RuleGroupYaml): string[] {
  const { rules: liveRules, ...liveRest } = comparable(live, desired, DURATIONS) as RuleGroupYaml;
  const { rules: desiredRules, ...desiredRest } = desired;
  const out = jsonChanges(liveRest, desiredRest);
  const a = keyed(liveRules);
  const b = keyed(desiredRules);
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    const [l, d] = [a.get(key), b.get(key)];
    const name = JSON.stringify(ruleName((d ?? l) as Record<string, unknown>));
    if (!l) out.push(`rule ${name}: created`);
    else if (!d) out.push(`rule ${name}: deleted`);
    else out.push(...jsonChanges(comparable(l, d, DURATIONS), d).map((c) => `rule ${name}: ${c}`));
  }
  return out;
}

export async function makeRulerPlan(model: ResolvedModel, clients: readonly RulerClient[], options: { prune: boolean }): Promise<RulerPlan> {
  const items: RulerItem[] = [];
  for (const client of clients) {
    const { kind, url } = client.target;
    const { namespace, picks } = rulerSource(model, kind);
    const desired = await desiredGroups(model, picks);
    const live = new Map((await client.groups(namespace)).map((g) => [String(g.name), g]));
    const base = { ruler: kind, url, namespace };
    for (const g of desired) {
      const l = live.get(g.name);
      if (!l) {
        items.push({ ...base, group: g.name, action: 'create', details: [], desired: g });
        continue;
      }
      const details = groupChanges(l, g);
      items.push({ ...base, group: g.name, action: details.length ? 'update' : 'unchanged', details, desired: g });
    }
    const wanted = new Set(desired.map((g) => g.name));
    for (const name of [...live.keys()].filter((n) => !wanted.has(n)).sort()) {
      items.push({ ...base, group: name, action: options.prune ? 'delete' : 'orphan', details: options.prune ? [] : ['not in the spec; --prune deletes it'] });
    }
  }
  return { items };
}

const CHANGING: ReadonlySet<Action> = new Set(['create', 'update', 'delete']);
export const rulerChangeCount = (plan: RulerPlan) => plan.items.filter((i) => CHANGING.has(i.action)).length;

const MARK: Record<Action, string> = { create: '+', update: '~', delete: '-', unchanged: '=', skipped: '!', orphan: '?' };

export function rulerPlanText(plan: RulerPlan, clients: readonly RulerClient[]): string {
  const lines: string[] = [];
  for (const c of clients) {
    const mine = plan.items.filter((i) => i.ruler === c.target.kind);
    lines.push(`${c.target.kind} ruler ${c.target.url}${c.target.tenant ? ` (tenant ${c.target.tenant})` : ''}: namespace ${mine[0]?.namespace ?? '(none)'}`);
    if (!mine.length) lines.push('  (no rule groups generated or live)');
    for (const i of mine) {
      lines.push(`  ${MARK[i.action]} rule group ${JSON.stringify(i.group)}: ${i.action === 'orphan' ? 'not in the spec, kept' : i.action}`);
      for (const d of i.details) lines.push(`      ${d}`);
    }
  }
  const n = rulerChangeCount(plan);
  lines.push(n === 0 ? 'Rulers: no changes.' : `Rulers: ${n} change(s).`);
  return lines.join('\n');
}

export function rulerPlanJson(plan: RulerPlan): unknown[] {
  return plan.items.map((i) => ({ ruler: i.ruler, url: i.url, namespace: i.namespace, group: i.group, action: i.action, details: i.details }));
}
