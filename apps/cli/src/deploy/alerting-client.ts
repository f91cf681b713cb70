/**
 * The calls of Grafana's alerting provisioning HTTP API that plan and apply make
 * (https://grafana.com/docs/grafana/latest/developers/http_api/alerting_provisioning/). Every write
 * sends `X-Disable-Provenance: true`: what monspec writes stays editable in Grafana's UI, and one
 * setting for every write is what keeps later updates working (Grafana refuses a write that would
 * change a resource's provenance, so mixing the two breaks the next update; grafana/grafana#58410
 * added the header).
 */
import type { ApiContactPoint, ApiRuleGroup, Json } from './alerting-desired.js';
import type { GrafanaClient } from './grafana-client.js';

const BASE = '/api/v1/provisioning';
const WRITE_HEADERS = { 'x-disable-provenance': 'true' } as const;

export interface LiveContactPoint extends ApiContactPoint {
  /** '' when written through the API with X-Disable-Provenance or in the UI; 'file', 'api' (Terraform, …) otherwise. */
  readonly provenance: string;
}

const provenanceOf = (o: Json) => (typeof o.provenance === 'string' ? o.provenance : '');

async function read(client: GrafanaClient, path: string): Promise<unknown> {
  const r = await client.call('GET', path);
  if (r.status !== 200) client.fail('GET', path, r.status, r.json);
  return r.json;
}

async function write(client: GrafanaClient, method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
  const r = await client.call(method, path, body, WRITE_HEADERS);
  if (r.status < 200 || r.status > 299) client.fail(method, path, r.status, r.json);
}

export async function contactPoints(client: GrafanaClient): Promise<LiveContactPoint[]> {
  const list = await read(client, `${BASE}/contact-points`);
  return (Array.isArray(list) ? (list as Json[]) : []).map((c) => ({
    uid: String(c.uid),
    name: String(c.name),
    type: String(c.type),
    settings: (c.settings ?? {}) as Json,
    disableResolveMessage: c.disableResolveMessage === true,
    provenance: provenanceOf(c),
  }));
}

export const createContactPoint = (client: GrafanaClient, cp: ApiContactPoint) => write(client, 'POST', `${BASE}/contact-points`, cp);
export const updateContactPoint = (client: GrafanaClient, cp: ApiContactPoint) => write(client, 'PUT', `${BASE}/contact-points/${encodeURIComponent(cp.uid)}`, cp);
export const deleteContactPoint = (client: GrafanaClient, uid: string) => write(client, 'DELETE', `${BASE}/contact-points/${encodeURIComponent(uid)}`);

/** The organisation's whole notification policy tree (its root carries the tree's provenance). */
export const policyTree = async (client: GrafanaClient) => (await read(client, `${BASE}/policies`)) as Json;
export const putPolicyTree = (client: GrafanaClient, tree: Json) => write(client, 'PUT', `${BASE}/policies`, tree);

const groupPath = (folderUid: string, group: string) => `${BASE}/folder/${encodeURIComponent(folderUid)}/rule-groups/${encodeURIComponent(group)}`;

/** A rule group, or undefined when there is none (404). */
export async function ruleGroup(client: GrafanaClient, folderUid: string, group: string): Promise<(ApiRuleGroup & { rules: Json[] }) | undefined> {
  const path = groupPath(folderUid, group);
  const r = await client.call('GET', path);
  if (r.status === 404) return undefined;
  if (r.status !== 200) client.fail('GET', path, r.status, r.json);
  const g = r.json as Json;
  return { title: String(g.title), folderUid: String(g.folderUid), interval: Number(g.interval), rules: Array.isArray(g.rules) ? (g.rules as Json[]) : [] };
}

export const putRuleGroup = (client: GrafanaClient, g: ApiRuleGroup) => write(client, 'PUT', groupPath(g.folderUid, g.title), g);
export const deleteRuleGroup = (client: GrafanaClient, folderUid: string, group: string) => write(client, 'DELETE', groupPath(folderUid, group));

/** Every alert rule of the organisation (to find the groups of a folder). */
export async function alertRules(client: GrafanaClient): Promise<Json[]> {
  const list = await read(client, `${BASE}/alert-rules`);
  return Array.isArray(list) ? (list as Json[]) : [];
}

export { provenanceOf };
