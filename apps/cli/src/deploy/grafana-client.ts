/**
 * The few calls of Grafana's legacy HTTP API (Grafana 9–13) that plan and apply make, over Node's
 * fetch with a timeout. The token goes only into the Authorization header: no message ever holds it.
 * Docs: https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/ , …/folder/ and
 * …/folder_dashboard_search/.
 */
import type { ResolvedDeployTarget } from '@monspec/metrics-spec';
import { UsageError } from '../errors.js';
import { baseUrl } from '../http/base-url.js';

export interface GrafanaTarget {
  /** Without a trailing slash. */
  readonly url: string;
  readonly token: string;
  /** The organisation (X-Grafana-Org-Id); the token's own when absent. */
  readonly orgId?: number;
  /** The folder title there (a declared target's `folder`); service.grafana.folder when absent. */
  readonly folder?: string;
  /** Where the token came from, for the refusal's message. */
  readonly tokenVar?: string;
}

export type DashboardJson = Record<string, unknown>;

export interface LiveDashboard {
  readonly dashboard: DashboardJson;
  readonly folderUid: string;
  readonly version: number;
  /** `meta.provisioned`: loaded from a provisioning file, which owns it. */
  readonly provisioned: boolean;
  readonly provisionedExternalId: string;
}

export interface SearchHit {
  readonly uid: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly folderUid: string;
}

/** An HTTP answer Grafana gave that the caller may handle (412, 409); anything else unexpected is a UsageError (exit 2). */
export class GrafanaError extends Error {
  override readonly name = 'GrafanaError';
  constructor(
    message: string,
    readonly status: number,
    readonly grafanaStatus: string | undefined,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 30_000;

/** The target from the environment, as Grafana's own tools read it; undefined when GRAFANA_URL is unset. */
export function targetFromEnv(env: NodeJS.ProcessEnv): GrafanaTarget {
  const url = env.GRAFANA_URL;
  // An empty variable is an unset one (CI templates often export empty secrets).
  const token = env.GRAFANA_TOKEN || env.GRAFANA_SERVICE_ACCOUNT_TOKEN;
  if (!url) throw new UsageError('no Grafana target: expected GRAFANA_URL (and GRAFANA_TOKEN or GRAFANA_SERVICE_ACCOUNT_TOKEN) in the environment');
  // Checked first: a URL with credentials is refused before any message prints it.
  const base = baseUrl('GRAFANA_URL', url);
  if (!token) throw new UsageError(`no Grafana token for ${base}: expected GRAFANA_TOKEN or GRAFANA_SERVICE_ACCOUNT_TOKEN in the environment (a service account token)`);
  return { url: base, token };
}

/** A Grafana declared in the spec (`targets.<name>.grafana`): the token from the variable it names. */
export function grafanaTargetFromSpec(declared: NonNullable<ResolvedDeployTarget['grafana']>, env: NodeJS.ProcessEnv, where: string): GrafanaTarget {
  const url = baseUrl(`${where}.url`, declared.url);
  const token = env[declared.tokenEnv];
  if (!token) throw new UsageError(`no Grafana token for ${url}: ${where} names the environment variable ${declared.tokenEnv}, which is not set here`);
  return { url, token, tokenVar: declared.tokenEnv, ...(declared.org === undefined ? {} : { orgId: declared.org }), ...(declared.folder === undefined ? {} : { folder: declared.folder }) };
}

export class GrafanaClient {
  constructor(readonly target: GrafanaTarget) {}

  /** One request; `headers` are added (the alerting provisioning writes send X-Disable-Provenance). */
  async call(method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<{ status: number; json: Record<string, unknown> | unknown[] }> {
    let res: Response;
    try {
      res = await fetch(`${this.target.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.target.token}`, accept: 'application/json', ...(this.target.orgId === undefined ? {} : { 'x-grafana-org-id': String(this.target.orgId) }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      const cause = (err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new UsageError(`Grafana at ${this.target.url} did not answer ${method} ${path}: ${cause}`);
    }
    const text = await res.text();
    let json: Record<string, unknown> | unknown[] = {};
    try {
      json = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    if (res.status === 401 || res.status === 403) {
      throw new UsageError(`Grafana at ${this.target.url} refused the token (HTTP ${res.status} on ${method} ${path}): expected a service account token with the Editor role in ${this.target.tokenVar ?? 'GRAFANA_TOKEN'}`);
    }
    return { status: res.status, json };
  }

  fail(method: string, path: string, status: number, json: unknown): never {
    const o = (json ?? {}) as { message?: unknown; status?: unknown };
    const message = typeof o.message === 'string' ? o.message.replaceAll(this.target.token, '***') : '';
    const grafanaStatus = typeof o.status === 'string' ? o.status : undefined;
    throw new GrafanaError(`Grafana answered HTTP ${status} to ${method} ${path}${message ? `: ${message}` : ''}`, status, grafanaStatus);
  }

  async folder(uid: string): Promise<{ uid: string; title: string } | undefined> {
    const path = `/api/folders/${encodeURIComponent(uid)}`;
    const r = await this.call('GET', path);
    if (r.status === 404) return undefined;
    if (r.status !== 200) this.fail('GET', path, r.status, r.json);
    const f = r.json as { uid?: unknown; title?: unknown };
    return { uid: String(f.uid), title: String(f.title) };
  }

  async createFolder(uid: string, title: string): Promise<void> {
    const r = await this.call('POST', '/api/folders', { uid, title });
    if (r.status !== 200) this.fail('POST', '/api/folders', r.status, r.json);
  }

  async dashboard(uid: string): Promise<LiveDashboard | undefined> {
    const path = `/api/dashboards/uid/${encodeURIComponent(uid)}`;
    const r = await this.call('GET', path);
    if (r.status === 404) return undefined;
    if (r.status !== 200) this.fail('GET', path, r.status, r.json);
    const { dashboard, meta } = r.json as { dashboard: DashboardJson; meta: Record<string, unknown> };
    return {
      dashboard,
      folderUid: typeof meta.folderUid === 'string' ? meta.folderUid : '',
      version: typeof dashboard.version === 'number' ? dashboard.version : 0,
      provisioned: meta.provisioned === true,
      provisionedExternalId: typeof meta.provisionedExternalId === 'string' ? meta.provisionedExternalId : '',
    };
  }

  /**
   * Who saved the live version and with what message, or undefined when Grafana does not say
   * (https://grafana.com/docs/grafana/latest/developers/http_api/dashboard_versions/: an array
   * before Grafana 12, `{ continueToken, versions }` since; newest first).
   */
  async lastSave(uid: string): Promise<{ message: string; createdBy: string } | undefined> {
    const path = `/api/dashboards/uid/${encodeURIComponent(uid)}/versions?limit=1`;
    const r = await this.call('GET', path);
    if (r.status !== 200) return undefined;
    const list = Array.isArray(r.json) ? r.json : (r.json as { versions?: unknown }).versions;
    const newest = Array.isArray(list) ? (list[0] as { message?: unknown; createdBy?: unknown } | undefined) : undefined;
    if (!newest) return undefined;
    return { message: typeof newest.message === 'string' ? newest.message : '', createdBy: typeof newest.createdBy === 'string' ? newest.createdBy : 'someone' };
  }

  /** Saves a dashboard; `version` is the live version planned against (undefined to create), so a concurrent save is a 412, never overwritten. */
  async saveDashboard(dashboard: DashboardJson, folderUid: string, version: number | undefined, message: string): Promise<void> {
    const { id: _id, version: _v, ...rest } = dashboard;
    const payload = { dashboard: { ...rest, ...(version === undefined ? {} : { version }) }, folderUid, message, overwrite: false };
    const r = await this.call('POST', '/api/dashboards/db', payload);
    if (r.status !== 200) this.fail('POST', '/api/dashboards/db', r.status, r.json);
  }

  async deleteDashboard(uid: string): Promise<void> {
    const path = `/api/dashboards/uid/${encodeURIComponent(uid)}`;
    const r = await this.call('DELETE', path);
    if (r.status !== 200) this.fail('DELETE', path, r.status, r.json);
  }

  /** Dashboards carrying every tag (type dash-db). */
  async searchByTags(tags: readonly string[]): Promise<SearchHit[]> {
    const path = `/api/search?type=dash-db&limit=5000&${tags.map((t) => `tag=${encodeURIComponent(t)}`).join('&')}`;
    const r = await this.call('GET', path);
    if (r.status !== 200 || !Array.isArray(r.json)) this.fail('GET', path, r.status, r.json);
    return (r.json as Array<Record<string, unknown>>).map((h) => ({
      uid: String(h.uid),
      title: String(h.title),
      tags: Array.isArray(h.tags) ? h.tags.map(String) : [],
      folderUid: typeof h.folderUid === 'string' ? h.folderUid : '',
    }));
  }
}
