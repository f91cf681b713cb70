/**
 * A contract double of Grafana's legacy HTTP API (Grafana 9–13), only the endpoints `monspec plan` and
 * `monspec apply` call, on loopback. Grafana is AGPL and cannot run here, so each behaviour below is
 * written from Grafana's documentation, named beside it:
 *
 * - DASHBOARD_API: https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/
 * - DASHBOARD_VERSIONS: https://grafana.com/docs/grafana/latest/developers/http_api/dashboard_versions/
 * - FOLDER_API:    https://grafana.com/docs/grafana/latest/developers/http_api/folder/
 * - SEARCH_API:    https://grafana.com/docs/grafana/latest/developers/http_api/folder_dashboard_search/
 * - AUTH:          https://grafana.com/docs/grafana/latest/developers/http_api/authentication/
 * - JSON_MODEL:    https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/
 * - PROVISIONING:  https://grafana.com/docs/grafana/latest/administration/provisioning/#dashboards
 * - ERRORS:        Grafana's pkg/services/dashboards/errors.go (the status codes the docs' "Status Codes" lists come from)
 * - Alerting provisioning (`/api/v1/provisioning/*`): grafana-alerting-double.ts, with its own references.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { handleAlerting, newAlertingState, storedRule, type AlertingState, type StoredContactPoint } from './grafana-alerting-double.js';

type Json = Record<string, unknown>;

export interface StoredDashboard {
  dashboard: Json;
  folderUid: string;
  /** The version history, newest first (DASHBOARD_VERSIONS). */
  versions?: Array<{ version: number; message: string; createdBy: string }>;
  /** Set for a dashboard loaded from a provisioning file (PROVISIONING): its path. */
  provisionedExternalId?: string;
}

export interface GrafanaDouble {
  readonly url: string;
  readonly token: string;
  readonly folders: Map<string, { uid: string; title: string; id: number; version: number }>;
  readonly dashboards: Map<string, StoredDashboard>;
  /** Every request, `METHOD /path`, in order. */
  readonly requests: string[];
  /** Each request's X-Grafana-Org-Id header ('' when absent), in order (AUTH: it selects the organisation). */
  readonly orgHeaders: string[];
  /** Answers the `n`th (1-based) request from now that matches `method path-prefix` with `status` (a 5xx in the middle of an apply). */
  failRequest(match: string, n: number, status: number): void;
  /** Runs once, just before the next dashboard save is handled (a concurrent edit landing between plan and apply). */
  beforeNextSave(hook: () => void): void;
  /** A save from Grafana's UI: the change, the frontend's defaults (JSON_MODEL) added, version + 1. */
  uiEdit(uid: string, change: (dashboard: Json) => void): void;
  /** A dashboard loaded by file provisioning (PROVISIONING). */
  provision(dashboard: Json, folderUid: string, path: string): void;
  /** Grafana alerting's provisioning state: contact points, the policy tree, rules. */
  readonly alerting: AlertingState;
  /** An edit in Grafana's alerting UI of the rule `uid` (provenance stays ''). */
  uiEditRule(uid: string, change: (rule: Json) => void): void;
  /** A contact point or rule group loaded by file provisioning (provenance 'file'). */
  provisionContactPoint(cp: Omit<StoredContactPoint, 'provenance'>): void;
  provisionRuleGroup(folderUid: string, group: string, rules: Json[]): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<Json> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text) as Json;
}

/** What Grafana's dashboard UI adds to a dashboard model when a person saves it (JSON_MODEL lists these fields and defaults). */
function addFrontendDefaults(d: Json): void {
  d.weekStart ??= '';
  d.liveNow ??= false;
  const annotations = (d.annotations ?? {}) as Json;
  if (!Array.isArray(annotations.list)) {
    annotations.list = [
      { builtIn: 1, datasource: { type: 'grafana', uid: '-- Grafana --' }, enable: true, hide: true, iconColor: 'rgba(0, 211, 255, 1)', name: 'Annotations & Alerts', type: 'dashboard' },
    ];
  }
  d.annotations = annotations;
  for (const panel of (d.panels ?? []) as Json[]) panel.pluginVersion ??= '11.3.0';
}

export async function startGrafanaDouble(options: { token?: string; port?: number } = {}): Promise<GrafanaDouble> {
  const token = options.token ?? 'glsa_double_secret_token';
  const folders: GrafanaDouble['folders'] = new Map();
  const dashboards: GrafanaDouble['dashboards'] = new Map();
  const requests: string[] = [];
  const orgHeaders: string[] = [];
  const failures: Array<{ match: string; remaining: number; status: number }> = [];
  let saveHook: (() => void) | undefined;
  let nextId = 1;
  const alerting = newAlertingState();

  function save(uid: string, dashboard: Json, folderUid: string, message: string, createdBy: string): Json {
    const existing = dashboards.get(uid);
    // DASHBOARD_API: the stored model carries the numeric id, the uid, and a version that increments on every save.
    const stored = { ...dashboard, id: (existing?.dashboard.id as number | undefined) ?? nextId++, uid, version: ((existing?.dashboard.version as number | undefined) ?? 0) + 1 };
    // DASHBOARD_VERSIONS: each save is a version with the save's message and who made it.
    const versions = [{ version: stored.version, message, createdBy }, ...(existing?.versions ?? [])];
    dashboards.set(uid, { dashboard: stored, folderUid, versions });
    return stored;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const route = `${req.method} ${url.pathname}`;
    requests.push(route);
    orgHeaders.push(String(req.headers['x-grafana-org-id'] ?? ''));
    // AUTH: a service account token goes in `Authorization: Bearer`; a bad one is 401 Unauthorized.
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { message: 'Unauthorized' });
    const failure = failures.find((f) => route.startsWith(f.match));
    if (failure && --failure.remaining === 0) {
      failures.splice(failures.indexOf(failure), 1);
      return send(res, failure.status, { message: 'Internal Server Error' });
    }

    let m;
    if (req.method === 'GET' && (m = /^\/api\/folders\/([^/]+)$/.exec(url.pathname))) {
      // FOLDER_API: GET /api/folders/:uid is the folder, 404 when there is none.
      const f = folders.get(decodeURIComponent(m[1] as string));
      return f ? send(res, 200, f) : send(res, 404, { message: 'folder not found' });
    }
    if (req.method === 'POST' && url.pathname === '/api/folders') {
      const b = await body(req);
      const uid = String(b.uid);
      // FOLDER_API: 409 when a folder with the same uid (or, at the root, the same title) exists.
      if (folders.has(uid) || [...folders.values()].some((f) => f.title === b.title)) return send(res, 409, { message: 'a folder with the same name already exists' });
      const folder = { uid, title: String(b.title), id: nextId++, version: 1 };
      folders.set(uid, folder);
      return send(res, 200, folder);
    }
    if (req.method === 'GET' && (m = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(url.pathname))) {
      const d = dashboards.get(decodeURIComponent(m[1] as string));
      // DASHBOARD_API: 404 dashboard not found.
      if (!d) return send(res, 404, { message: 'Dashboard not found' });
      // DASHBOARD_API, "Get dashboard by uid": the model plus meta, which says whether it is provisioned and from which file.
      return send(res, 200, {
        dashboard: d.dashboard,
        meta: { folderUid: d.folderUid, version: d.dashboard.version, provisioned: d.provisionedExternalId !== undefined, provisionedExternalId: d.provisionedExternalId ?? '', canSave: true },
      });
    }
    if (req.method === 'GET' && (m = /^\/api\/dashboards\/uid\/([^/]+)\/versions$/.exec(url.pathname))) {
      const d = dashboards.get(decodeURIComponent(m[1] as string));
      if (!d) return send(res, 404, { message: 'Dashboard not found' });
      // DASHBOARD_VERSIONS (Grafana 12 shape): `{ continueToken, versions }`, newest first, `limit` honoured.
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      return send(res, 200, { continueToken: '', versions: (d.versions ?? []).slice(0, limit) });
    }
    if (req.method === 'DELETE' && (m = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(url.pathname))) {
      const uid = decodeURIComponent(m[1] as string);
      const d = dashboards.get(uid);
      if (!d) return send(res, 404, { message: 'Dashboard not found' });
      // ERRORS: ErrDashboardCannotDeleteProvisionedDashboard, 400.
      if (d.provisionedExternalId !== undefined) return send(res, 400, { message: 'provisioned dashboard cannot be deleted' });
      dashboards.delete(uid);
      return send(res, 200, { title: d.dashboard.title, message: 'Dashboard deleted' });
    }
    if (req.method === 'GET' && url.pathname === '/api/search') {
      // SEARCH_API: tag and type=dash-db filter; each hit has uid, title, tags and folderUid.
      const tags = url.searchParams.getAll('tag');
      const hits = [...dashboards.values()]
        .filter((d) => tags.every((t) => ((d.dashboard.tags ?? []) as string[]).includes(t)))
        .map((d) => ({ uid: d.dashboard.uid, title: d.dashboard.title, type: 'dash-db', tags: d.dashboard.tags ?? [], folderUid: d.folderUid }));
      return send(res, 200, hits);
    }
    if (req.method === 'POST' && url.pathname === '/api/dashboards/db') {
      const b = await body(req);
      saveHook?.();
      saveHook = undefined;
      const dashboard = b.dashboard as Json;
      const uid = String(dashboard.uid);
      const folderUid = String(b.folderUid ?? '');
      const existing = dashboards.get(uid);
      // ERRORS: ErrDashboardCannotSaveProvisionedDashboard, 400 "Cannot save provisioned dashboard".
      if (existing?.provisionedExternalId !== undefined) return send(res, 400, { message: 'Cannot save provisioned dashboard' });
      if (folderUid !== '' && !folders.has(folderUid)) return send(res, 400, { message: 'folder not found' });
      if (!b.overwrite) {
        // DASHBOARD_API, "Status Codes": 412 version-mismatch when the stored version is not the one sent (someone else saved).
        if (existing && existing.dashboard.version !== dashboard.version) return send(res, 412, { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' });
        // DASHBOARD_API: 412 name-exists when another dashboard in the folder has the same title.
        const clash = [...dashboards.values()].find((d) => d.dashboard.uid !== uid && d.folderUid === folderUid && d.dashboard.title === dashboard.title);
        if (clash) return send(res, 412, { status: 'name-exists', message: 'A dashboard with the same name in the folder already exists' });
      }
      const stored = save(uid, dashboard, folderUid, typeof b.message === 'string' ? b.message : '', 'sa-monspec');
      return send(res, 200, { id: stored.id, uid, url: `/d/${uid}/x`, status: 'success', version: stored.version, slug: 'x' });
    }
    if (await handleAlerting(alerting, req, url, res, send, () => body(req), folders, () => nextId++)) return;
    send(res, 404, { message: 'Not found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { message: String(err) }));
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(options.port ?? 0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    folders,
    dashboards,
    requests,
    orgHeaders,
    failRequest: (match, n, status) => void failures.push({ match, remaining: n, status }),
    beforeNextSave: (hook) => void (saveHook = hook),
    uiEdit(uid, change) {
      const d = dashboards.get(uid);
      if (!d) throw new Error(`no dashboard ${uid} in the double`);
      const next = structuredClone(d.dashboard);
      change(next);
      addFrontendDefaults(next);
      save(uid, next, d.folderUid, '', 'admin');
    },
    provision(dashboard, folderUid, path) {
      const stored = save(String(dashboard.uid), dashboard, folderUid, '', 'provisioning');
      dashboards.set(String(dashboard.uid), { dashboard: stored, folderUid, provisionedExternalId: path });
    },
    alerting,
    uiEditRule(uid, change) {
      const rule = alerting.rules.get(uid);
      if (!rule) throw new Error(`no rule ${uid} in the double`);
      const next = structuredClone(rule);
      change(next);
      alerting.rules.set(uid, next);
    },
    provisionContactPoint: (cp) => void alerting.contactPoints.set(cp.uid, { ...cp, provenance: 'file' }),
    provisionRuleGroup(folderUid, group, rules) {
      for (const r of rules) alerting.rules.set(String(r.uid), storedRule(r, folderUid, group, 'file', nextId++));
      alerting.intervals.set(`${folderUid}/${group}`, 60);
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
