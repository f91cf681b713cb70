/**
 * Writes one alerting item of a plan through Grafana's provisioning API
 * (https://grafana.com/docs/grafana/latest/developers/http_api/alerting_provisioning/), every write
 * with `X-Disable-Provenance` (alerting-client.ts). Contact-point secrets are expanded from apply's
 * environment first (provisioning-values.ts): Grafana stores the value the API is sent.
 */
import { createContactPoint, deleteContactPoint, deleteRuleGroup, policyTree, provenanceOf, putPolicyTree, putRuleGroup, updateContactPoint } from './alerting-client.js';
import type { ApiContactPoint, Json } from './alerting-desired.js';
import { ownedRouteIndex } from './alerting-plan.js';
import { GrafanaError, type GrafanaClient } from './grafana-client.js';
import type { PlanItem } from './plan.js';
import { expandSettings } from './provisioning-values.js';

/** The contact points of the plan's writes with their secrets expanded; throws (exit 2, nothing written) when one is missing. */
export function resolveSecrets(items: readonly PlanItem[], env: NodeJS.ProcessEnv): Map<string, ApiContactPoint> {
  const out = new Map<string, ApiContactPoint>();
  for (const i of items) {
    if (i.alerting?.type !== 'contact point' || (i.action !== 'create' && i.action !== 'update')) continue;
    const cp = i.alerting.contactPoint;
    out.set(cp.uid, { ...cp, settings: expandSettings(cp.settings, env, `contact point ${JSON.stringify(cp.name)}`) });
  }
  return out;
}

/** Replaces the service's route under the root (or adds it) in the tree as Grafana holds it now; siblings and the root's settings stay. */
async function writeRoute(client: GrafanaClient, route: Json): Promise<void> {
  const tree = await policyTree(client);
  const provenance = provenanceOf(tree);
  if (provenance !== '') throw new GrafanaError(`the notification policy tree is now owned by ${provenance === 'file' ? 'file provisioning' : `provenance "${provenance}"`}; not written`, 409, undefined);
  const { provenance: _p, ...root } = tree;
  const routes = Array.isArray(root.routes) ? [...(root.routes as Json[])] : [];
  const i = ownedRouteIndex(root, route);
  if (i < 0) routes.push(route);
  else routes[i] = route;
  await putPolicyTree(client, { ...root, routes });
}

/** Lines saying what was done (and deeplinks to the alerts written); throws GrafanaError when Grafana refuses. */
export async function applyAlertingItem(client: GrafanaClient, item: PlanItem, secrets: ReadonlyMap<string, ApiContactPoint>): Promise<string[]> {
  const w = item.alerting;
  const name = `${item.kind} ${JSON.stringify(item.title)} (${item.uid})`;
  if (item.action === 'delete') {
    if (item.kind === 'contact point') await deleteContactPoint(client, item.uid);
    else if (item.kind === 'rule group') await deleteRuleGroup(client, item.uid.slice(0, item.uid.indexOf('/')), item.title);
    return [`deleted ${name}`];
  }
  const verb = item.action === 'create' ? 'created' : 'updated';
  if (w?.type === 'contact point') {
    const cp = secrets.get(w.contactPoint.uid) ?? w.contactPoint;
    await (item.action === 'create' ? createContactPoint(client, cp) : updateContactPoint(client, cp));
  } else if (w?.type === 'policy') {
    await writeRoute(client, w.route);
  } else if (w?.type === 'rule group') {
    await putRuleGroup(client, w.group);
    const links = w.group.rules
      .filter((r) => w.changed.includes(String(r.uid)))
      .map((r) => `    alert ${JSON.stringify(String(r.title))}: ${client.target.url}/alerting/grafana/${encodeURIComponent(String(r.uid))}/view`);
    return [`${verb} ${name}`, ...links];
  }
  return [`${verb} ${name}`];
}
