/**
 * The Grafana alerting part of the plan: contact points, the service's notification-policy subtree
 * and the alert rule groups the spec generates, against what Grafana's provisioning API holds.
 * Ownership: monspec writes with `X-Disable-Provenance` (provenance ''), so a live object whose
 * provenance is `file` (file provisioning) or anything else (`api`: Terraform or another API client)
 * belongs to another manager and is skipped, never written or pruned. Which objects are monspec's:
 * contact points whose uid starts `monspec-<service>-` (the generator's uids), the route under the
 * policy root matching the service's common labels, and rule groups in the service's folder.
 */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { grafanaUid } from '@monspec/alerts';
import { alertRules, contactPoints, policyTree, provenanceOf, ruleGroup, type LiveContactPoint } from './alerting-client.js';
import type { ApiContactPoint, ApiRuleGroup, DesiredAlerting, Json } from './alerting-desired.js';
import { comparable, comparableSettings, REDACTED, withoutServerFields } from './alerting-normalise.js';
import { jsonChanges } from './dashboard-diff.js';
import { canonical } from './normalise.js';
import type { GrafanaClient } from './grafana-client.js';
import { expandValue } from './provisioning-values.js';
import type { PlanItem } from './plan.js';

/** What apply writes for an alerting item. */
export type AlertingWrite =
  | { readonly type: 'contact point'; readonly contactPoint: ApiContactPoint }
  | { readonly type: 'policy'; readonly route: Json }
  | { readonly type: 'rule group'; readonly group: ApiRuleGroup; /** Uids of the rules created or changed (for deeplinks). */ readonly changed: readonly string[] };

const RULE_DURATIONS: ReadonlySet<string> = new Set(['for', 'keep_firing_for']);
const ROUTE_DURATIONS: ReadonlySet<string> = new Set(['group_wait', 'group_interval', 'repeat_interval']);

function ownerOf(provenance: string): string {
  return provenance === 'file' ? 'file provisioning' : `another manager (provenance "${provenance}")`;
}

/** Setting lines for a contact point; a secret is named, never shown. */
function settingChanges(live: Json, desired: Json, env: NodeJS.ProcessEnv): string[] {
  const plainLive: Json = {};
  const plainDesired: Json = {};
  const lines: string[] = [];
  const cmp = comparableSettings(live, desired);
  for (const k of new Set([...Object.keys(cmp), ...Object.keys(desired)])) {
    const d = desired[k];
    const e = typeof d === 'string' ? expandValue(d, env) : undefined;
    if (e?.secret) {
      // Grafana answers "[REDACTED]" for secure settings: nothing to compare (comparableSettings).
      if (live[k] === REDACTED) continue;
      if (e.value === undefined || e.value !== live[k]) lines.push(`settings.${k}: (secret) differs from the spec's`);
      continue;
    }
    plainLive[k] = cmp[k];
    plainDesired[k] = e ? e.value : d;
  }
  return [...jsonChanges(plainLive, plainDesired).map((l) => `settings.${l}`), ...lines];
}

function contactPointItems(desired: readonly ApiContactPoint[], live: readonly LiveContactPoint[], service: string, prune: boolean, env: NodeJS.ProcessEnv): PlanItem[] {
  const items: PlanItem[] = [];
  const byUid = new Map(live.map((c) => [c.uid, c]));
  for (const cp of desired) {
    const l = byUid.get(cp.uid);
    const base = { kind: 'contact point', uid: cp.uid, title: cp.name } as const;
    if (!l) {
      items.push({ ...base, action: 'create', details: [], alerting: { type: 'contact point', contactPoint: cp } });
      continue;
    }
    if (l.provenance !== '') {
      items.push({ ...base, action: 'skipped', owner: ownerOf(l.provenance), details: [] });
      continue;
    }
    const details = [
      ...(l.name !== cp.name ? [`name ${JSON.stringify(l.name)} → ${JSON.stringify(cp.name)}`] : []),
      ...(l.type !== cp.type ? [`type ${JSON.stringify(l.type)} → ${JSON.stringify(cp.type)}`] : []),
      ...(l.disableResolveMessage !== cp.disableResolveMessage ? [`disableResolveMessage ${String(l.disableResolveMessage)} → ${String(cp.disableResolveMessage)}`] : []),
      ...settingChanges(l.settings, cp.settings, env),
    ];
    items.push({ ...base, action: details.length ? 'update' : 'unchanged', details, alerting: { type: 'contact point', contactPoint: cp } });
  }
  // The generator's uids are `monspec-<service>-<name>`: others with that prefix are ones it no longer generates.
  const prefix = `${grafanaUid('monspec', service)}-`;
  const wanted = new Set(desired.map((c) => c.uid));
  for (const l of live) {
    if (wanted.has(l.uid) || !l.uid.startsWith(prefix)) continue;
    if (l.provenance !== '') items.push({ kind: 'contact point', uid: l.uid, title: l.name, action: 'skipped', owner: ownerOf(l.provenance), details: ['not in the spec'] });
    else items.push({ kind: 'contact point', uid: l.uid, title: l.name, action: prune ? 'delete' : 'orphan', details: prune ? [] : ['not in the spec; --prune deletes it'] });
  }
  return items;
}

const matcherKey = (route: Json) => canonical(((route.object_matchers ?? []) as string[][]).map((m) => m.join('\u0000')).sort());
const matcherText = (route: Json) => ((route.object_matchers ?? []) as string[][]).map(([k, op, v]) => `${k}${op}${JSON.stringify(v)}`).join(', ');

/** The root's child route the service owns (same matchers), its index, or -1. */
export function ownedRouteIndex(tree: Json, route: Json): number {
  const routes = Array.isArray(tree.routes) ? (tree.routes as Json[]) : [];
  return routes.findIndex((r) => matcherKey(r) === matcherKey(route));
}

async function policyItems(client: GrafanaClient, desired: DesiredAlerting): Promise<PlanItem[]> {
  if (!desired.route) return desired.noRoute ? [{ kind: 'notification policy', uid: 'root', title: 'service route', action: 'skipped', owner: "the organisation (no route of the service's own)", details: [desired.noRoute] }] : [];
  const route = desired.route;
  const base = { kind: 'notification policy', uid: matcherText(route), title: 'service route' } as const;
  const tree = await policyTree(client);
  const provenance = provenanceOf(tree);
  // The tree's provenance is one for the whole tree: a file-provisioned tree is not monspec's to edit.
  if (provenance !== '') return [{ ...base, action: 'skipped', owner: ownerOf(provenance), details: ['the whole notification policy tree'] }];
  const i = ownedRouteIndex(tree, route);
  if (i < 0) return [{ ...base, action: 'create', details: [`a route under the root, beside ${Array.isArray(tree.routes) ? tree.routes.length : 0} other route(s) left as they are`], alerting: { type: 'policy', route } }];
  const live = (tree.routes as Json[])[i] as Json;
  const details = jsonChanges(comparable(live, route, ROUTE_DURATIONS), route);
  return [{ ...base, action: details.length ? 'update' : 'unchanged', details, alerting: { type: 'policy', route } }];
}

/** The spec's lines for one alert of a group: created, deleted, or `for 5m → 10m`. */
function ruleChanges(live: Json | undefined, desired: Json | undefined): string[] {
  const title = JSON.stringify(String((desired ?? live)?.title));
  if (!live) return [`alert ${title}: created`];
  if (!desired) return [`alert ${title}: deleted`];
  const l = withoutServerFields(comparable(live, desired, RULE_DURATIONS) as Json);
  const d = withoutServerFields(desired);
  return jsonChanges(l, d).map((c) => `alert ${title}: ${c}`);
}

async function ruleGroupItems(client: GrafanaClient, groups: readonly ApiRuleGroup[], folderUid: string, prune: boolean): Promise<PlanItem[]> {
  const items: PlanItem[] = [];
  for (const g of groups) {
    const base = { kind: 'rule group', uid: `${folderUid}/${g.title}`, title: g.title } as const;
    const live = await ruleGroup(client, folderUid, g.title);
    if (!live || live.rules.length === 0) {
      items.push({ ...base, action: 'create', details: g.rules.map((r) => `alert ${JSON.stringify(String(r.title))}: created`), alerting: { type: 'rule group', group: g, changed: g.rules.map((r) => String(r.uid)) } });
      continue;
    }
    const foreign = live.rules.map((r) => provenanceOf(r)).find((p) => p !== '');
    if (foreign !== undefined) {
      items.push({ ...base, action: 'skipped', owner: ownerOf(foreign), details: [] });
      continue;
    }
    const liveByUid = new Map(live.rules.map((r) => [String(r.uid), r]));
    const desiredByUid = new Map(g.rules.map((r) => [String(r.uid), r]));
    const perRule = [...new Set([...desiredByUid.keys(), ...liveByUid.keys()])].map((uid) => [uid, ruleChanges(liveByUid.get(uid), desiredByUid.get(uid))] as const);
    const details = [...(live.interval !== g.interval ? [`interval ${live.interval}s → ${g.interval}s`] : []), ...perRule.flatMap(([, lines]) => lines)];
    const changed = perRule.filter(([uid, lines]) => lines.length > 0 && desiredByUid.has(uid)).map(([uid]) => uid);
    items.push({ ...base, action: details.length ? 'update' : 'unchanged', details, alerting: { type: 'rule group', group: g, changed } });
  }
  // Groups in the service's folder that the spec no longer generates.
  const wanted = new Set(groups.map((g) => g.title));
  const others = new Map<string, string>();
  for (const r of await alertRules(client)) {
    const group = String(r.ruleGroup);
    if (r.folderUID !== folderUid || wanted.has(group)) continue;
    if (!others.has(group) || provenanceOf(r) !== '') others.set(group, provenanceOf(r));
  }
  for (const [group, provenance] of [...others].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const base = { kind: 'rule group', uid: `${folderUid}/${group}`, title: group } as const;
    if (provenance !== '') items.push({ ...base, action: 'skipped', owner: ownerOf(provenance), details: ['not in the spec'] });
    else items.push({ ...base, action: prune ? 'delete' : 'orphan', details: prune ? [] : ['not in the spec; --prune deletes it'] });
  }
  return items;
}

/** Contact points, the policy subtree and rule groups; nothing (and no request) when the environment deploys no Grafana alerting. */
export async function alertingItems(model: ResolvedModel, client: GrafanaClient, desired: DesiredAlerting, folderUid: string, options: { prune: boolean; env: NodeJS.ProcessEnv }): Promise<PlanItem[]> {
  const items: PlanItem[] = [];
  if (desired.contactPoints.length) items.push(...contactPointItems(desired.contactPoints, await contactPoints(client), model.service.name, options.prune, options.env));
  if (desired.route || desired.noRoute) items.push(...(await policyItems(client, desired)));
  if (desired.groups.length) items.push(...(await ruleGroupItems(client, desired.groups, folderUid, options.prune)));
  return items;
}
