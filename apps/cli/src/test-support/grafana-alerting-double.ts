/**
 * The alerting provisioning part of the Grafana contract double (grafana-double.ts routes
 * `/api/v1/provisioning/*` here). Each behaviour names where it is documented:
 *
 * - ALERTING_API: https://grafana.com/docs/grafana/latest/developers/http_api/alerting_provisioning/
 *   (endpoints, bodies, status codes: 202 for contact point and policy writes, 200 for a rule group
 *   PUT, 204 for its DELETE, 404 for a rule group that does not exist)
 * - PROVENANCE: the X-Disable-Provenance header (grafana/grafana#58410): a write with it stores
 *   provenance '' (editable in the UI), without it 'api'; and Grafana's provisioning services
 *   (pkg/services/ngalert/provisioning: contactpoints.go, alert_rules.go) refuse a write whose
 *   provenance differs from the stored one unless that is '' ("cannot change provenance from '%s' to '%s'").
 * - SECURE_SETTINGS: ALERTING_API, "Get all the contact points": secure settings come back as
 *   "[REDACTED]"; a write sending "[REDACTED]" keeps the stored value. Which settings are secure: the
 *   notifier docs (https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/).
 * - FILE_PROVISIONING: https://grafana.com/docs/grafana/latest/alerting/set-up/provision-alerting-resources/file-provisioning/
 *   (a file-provisioned resource has provenance 'file' and cannot be edited through the API or UI).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

type Json = Record<string, unknown>;

export interface StoredContactPoint {
  uid: string;
  name: string;
  type: string;
  settings: Json;
  disableResolveMessage: boolean;
  provenance: string;
}

export interface AlertingState {
  readonly contactPoints: Map<string, StoredContactPoint>;
  /** The organisation's policy tree; Grafana's default: one root route to the default email contact point. */
  policies: { tree: Json; provenance: string };
  /** Rules by uid, as stored (with folderUID, ruleGroup, provenance and the server's fields). */
  readonly rules: Map<string, Json>;
  /** Group intervals in seconds, by `folderUid/group`. */
  readonly intervals: Map<string, number>;
  /** Every write's X-Disable-Provenance header value ('' when absent), in order. */
  readonly provenanceHeaders: string[];
}

const SECURE: Readonly<Record<string, readonly string[]>> = { slack: ['url', 'token'], pagerduty: ['integrationKey'], webhook: ['password', 'authorization_credentials'], email: [] };
const REDACTED = '[REDACTED]';

export function newAlertingState(): AlertingState {
  return {
    contactPoints: new Map(),
    // ALERTING_API "Get the notification policy tree": a fresh Grafana routes everything to its default contact point.
    policies: { tree: { receiver: 'grafana-default-email', group_by: ['grafana_folder', 'alertname'] }, provenance: '' },
    rules: new Map(),
    intervals: new Map(),
    provenanceHeaders: [],
  };
}

/** A duration as Grafana's API prints it (Prometheus model.Duration: `5m`, `1h30m`, `0s`). */
export function grafanaDuration(text: string): string {
  const units: Array<[string, number]> = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];
  let seconds = 0;
  for (const m of text.matchAll(/(\d+)([dhms])/g)) seconds += Number(m[1]) * (units.find(([u]) => u === m[2])?.[1] ?? 0);
  let rest = seconds;
  let out = '';
  for (const [u, n] of units) {
    const v = Math.floor(rest / n);
    if (v > 0) out += `${v}${u}`;
    rest -= v * n;
  }
  return out || '0s';
}

function redact(cp: StoredContactPoint): Json {
  const settings = Object.fromEntries(Object.entries(cp.settings).map(([k, v]) => [k, (SECURE[cp.type] ?? []).includes(k) && v !== '' ? REDACTED : v]));
  return { ...cp, settings };
}

function receivers(route: Json): string[] {
  return [...(typeof route.receiver === 'string' ? [route.receiver] : []), ...((route.routes ?? []) as Json[]).flatMap(receivers)];
}

function provenanceError(stored: string, wanted: string): Json | undefined {
  // PROVENANCE: only a resource with provenance '' may change it.
  return stored !== wanted && stored !== '' ? { message: `cannot change provenance from '${stored}' to '${wanted}'` } : undefined;
}

const groupKey = (folderUid: string, group: string) => `${folderUid}/${group}`;

function groupOf(state: AlertingState, folderUid: string, group: string): Json | undefined {
  const rules = [...state.rules.values()].filter((r) => r.folderUID === folderUid && r.ruleGroup === group);
  if (!rules.length) return undefined;
  return { title: group, folderUid, interval: state.intervals.get(groupKey(folderUid, group)) ?? 60, rules };
}

/** A rule as Grafana stores and returns it: the server's fields added, `for` in its own spelling. */
export function storedRule(rule: Json, folderUid: string, group: string, provenance: string, id: number): Json {
  return {
    id,
    ...rule,
    orgID: 1,
    folderUID: folderUid,
    ruleGroup: group,
    for: grafanaDuration(String(rule.for ?? '0s')),
    updated: new Date(0).toISOString(),
    provenance,
    notification_settings: null,
    record: null,
    keep_firing_for: '0s',
  };
}

/** Handles `/api/v1/provisioning/*`; false for any other path. */
export async function handleAlerting(state: AlertingState, req: IncomingMessage, url: URL, res: ServerResponse, send: (res: ServerResponse, status: number, body: unknown) => void, body: () => Promise<Json>, folders: ReadonlyMap<string, unknown>, nextId: () => number): Promise<boolean> {
  const path = url.pathname;
  if (!path.startsWith('/api/v1/provisioning/')) return false;
  const method = req.method ?? 'GET';
  // PROVENANCE: the header decides the provenance a write stores.
  const header = String(req.headers['x-disable-provenance'] ?? '');
  const provenance = header === 'true' ? '' : 'api';
  if (method !== 'GET') state.provenanceHeaders.push(header);
  let m;

  if (path === '/api/v1/provisioning/contact-points') {
    if (method === 'GET') return send(res, 200, [...state.contactPoints.values()].map(redact)), true;
    if (method === 'POST') {
      const b = await body();
      // ALERTING_API, "Create a contact point": 400 for an invalid one (name and type required).
      if (typeof b.name !== 'string' || typeof b.type !== 'string') return send(res, 400, { message: 'invalid contact point: name and type are required' }), true;
      const uid = typeof b.uid === 'string' && b.uid !== '' ? b.uid : `cp${nextId()}`;
      if (state.contactPoints.has(uid)) return send(res, 400, { message: `contact point with uid ${uid} already exists` }), true;
      const cp = { uid, name: b.name, type: b.type, settings: (b.settings ?? {}) as Json, disableResolveMessage: b.disableResolveMessage === true, provenance };
      state.contactPoints.set(uid, cp);
      return send(res, 202, redact(cp)), true;
    }
  }
  if ((m = /^\/api\/v1\/provisioning\/contact-points\/([^/]+)$/.exec(path))) {
    const uid = decodeURIComponent(m[1] as string);
    const existing = state.contactPoints.get(uid);
    if (!existing) return send(res, 404, { message: 'contact point not found' }), true;
    const refused = provenanceError(existing.provenance, provenance);
    if (refused) return send(res, 400, refused), true;
    if (method === 'PUT') {
      const b = await body();
      // SECURE_SETTINGS: "[REDACTED]" sent back keeps the stored secret.
      const settings = Object.fromEntries(Object.entries((b.settings ?? {}) as Json).map(([k, v]) => [k, v === REDACTED ? existing.settings[k] : v]));
      state.contactPoints.set(uid, { uid, name: String(b.name), type: String(b.type), settings, disableResolveMessage: b.disableResolveMessage === true, provenance });
      return send(res, 202, { message: 'contactpoint updated' }), true;
    }
    if (method === 'DELETE') {
      // ALERTING_API: a contact point a notification policy still routes to cannot be deleted (409).
      const others = [...state.contactPoints.values()].filter((c) => c.uid !== uid && c.name === existing.name);
      if (!others.length && receivers(state.policies.tree).includes(existing.name)) return send(res, 409, { message: `contact point '${existing.name}' is currently used by a notification policy` }), true;
      state.contactPoints.delete(uid);
      return send(res, 202, { message: 'contactpoint deleted' }), true;
    }
  }
  if (path === '/api/v1/provisioning/policies') {
    if (method === 'GET') return send(res, 200, { ...state.policies.tree, provenance: state.policies.provenance }), true;
    if (method === 'PUT') {
      const b = await body();
      const refused = provenanceError(state.policies.provenance, provenance);
      if (refused) return send(res, 400, refused), true;
      // ALERTING_API, "Sets the notification policy tree": 400 when a route names a receiver that does not exist.
      const names = new Set([...state.contactPoints.values()].map((c) => c.name).concat('grafana-default-email'));
      const unknown = receivers(b).find((r) => !names.has(r));
      if (unknown) return send(res, 400, { message: `invalid object specification: receiver '${unknown}' does not exist` }), true;
      const { provenance: _ignored, ...tree } = b;
      state.policies = { tree, provenance };
      return send(res, 202, { message: 'policies updated' }), true;
    }
  }
  if (path === '/api/v1/provisioning/alert-rules' && method === 'GET') return send(res, 200, [...state.rules.values()]), true;
  if ((m = /^\/api\/v1\/provisioning\/folder\/([^/]+)\/rule-groups\/([^/]+)$/.exec(path))) {
    const folderUid = decodeURIComponent(m[1] as string);
    const group = decodeURIComponent(m[2] as string);
    const live = groupOf(state, folderUid, group);
    if (method === 'GET') return live ? send(res, 200, live) : send(res, 404, { message: 'rule group not found' }), true;
    const stored = [...state.rules.values()].filter((r) => r.folderUID === folderUid && r.ruleGroup === group);
    const refused = stored.map((r) => provenanceError(String(r.provenance), provenance)).find(Boolean);
    if (refused) return send(res, 400, refused), true;
    if (method === 'PUT') {
      const b = await body();
      // ALERTING_API: the folder must exist.
      if (!folders.has(folderUid)) return send(res, 404, { message: 'folder does not exist' }), true;
      const rules = (b.rules ?? []) as Json[];
      if (rules.some((r) => typeof r.uid !== 'string' || typeof r.title !== 'string')) return send(res, 400, { message: 'invalid alert rule: uid and title are required' }), true;
      // ALERTING_API, "Create or update alert rule group": the group becomes exactly the rules sent.
      for (const r of stored) state.rules.delete(String(r.uid));
      for (const r of rules) state.rules.set(String(r.uid), storedRule(r, folderUid, group, provenance, nextId()));
      state.intervals.set(groupKey(folderUid, group), Number(b.interval));
      return send(res, 200, groupOf(state, folderUid, group)), true;
    }
    if (method === 'DELETE') {
      if (!live) return send(res, 404, { message: 'rule group not found' }), true;
      for (const r of stored) state.rules.delete(String(r.uid));
      state.intervals.delete(groupKey(folderUid, group));
      res.writeHead(204).end();
      return true;
    }
  }
  send(res, 404, { message: 'Not found' });
  return true;
}
