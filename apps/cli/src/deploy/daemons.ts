/**
 * The Prometheus and Alertmanager targets of plan/apply (from the environment, like Grafana's) and
 * the few HTTP calls made to them, over Node's fetch with a timeout:
 * - Prometheus `GET /api/v1/rules` (https://prometheus.io/docs/prometheus/latest/querying/api/#rules),
 *   `GET /api/v1/status/runtimeinfo`
 *   and `POST /-/reload` (https://prometheus.io/docs/prometheus/latest/management_api/#reload, needs
 *   `--web.enable-lifecycle`; 500 with the error when the reload fails);
 * - Alertmanager `GET /api/v2/status` (its `config.original`), `GET /metrics` (`alertmanager_config_hash`)
 *   and `POST /-/reload`
 *   (https://prometheus.io/docs/alerting/latest/management_api/).
 */
import { isAbsolute } from 'node:path';
import type { ResolvedDeployTarget } from '@monspec/metrics-spec';
import { UsageError } from '../errors.js';
import { baseUrl } from '../http/base-url.js';
import { fetchJson, type Fail } from '../http/json-api.js';

export interface PrometheusTarget {
  readonly url: string;
  /** The directory Prometheus's `rule_files` glob reads, absolute as Prometheus names its files. */
  readonly rulesDir: string;
}

export interface AlertmanagerTarget {
  readonly url: string;
  /** The file Alertmanager was started with (`--config.file`). */
  readonly configFile: string;
}

export interface DaemonTargets {
  readonly prometheus?: PrometheusTarget;
  readonly alertmanager?: AlertmanagerTarget;
}

const TIMEOUT_MS = 15_000;

/** A daemon target's URL and absolute path, checked the same way whether they come from variables or a declared target. */
function daemon(urlWhere: string, url: string, pathWhere: string, path: string): { url: string; path: string } {
  if (!isAbsolute(path)) throw new UsageError(`Unexpected ${pathWhere} ${path}, expected an absolute path (the one the daemon reads)`);
  return { url: baseUrl(urlWhere, url), path: path.replace(/\/+$/, '') };
}

function pair(env: NodeJS.ProcessEnv, urlVar: string, pathVar: string): { url: string; path: string } | undefined {
  // An empty variable is an unset one (CI templates often export empty secrets).
  const u = env[urlVar] || undefined;
  const p = env[pathVar] || undefined;
  if (!u && !p) return undefined;
  if (!u || !p) throw new UsageError(`${u ? pathVar : urlVar} is unset: expected both ${urlVar} and ${pathVar} in the environment (or neither)`);
  return daemon(urlVar, u, pathVar, p);
}

/** PROMETHEUS_URL + PROMETHEUS_RULES_DIR and ALERTMANAGER_URL + ALERTMANAGER_CONFIG; each pair optional, never half-set. */
export function daemonTargetsFromEnv(env: NodeJS.ProcessEnv): DaemonTargets {
  const prom = pair(env, 'PROMETHEUS_URL', 'PROMETHEUS_RULES_DIR');
  const am = pair(env, 'ALERTMANAGER_URL', 'ALERTMANAGER_CONFIG');
  return { ...(prom ? { prometheus: { url: prom.url, rulesDir: prom.path } } : {}), ...(am ? { alertmanager: { url: am.url, configFile: am.path } } : {}) };
}

/** The Prometheus and Alertmanager a declared target names (`where`: its place in the spec or workspace, for messages). */
export function daemonTargetsFromSpec(declared: Pick<ResolvedDeployTarget, 'prometheus' | 'alertmanager'>, where: string): DaemonTargets {
  const prom = declared.prometheus ? daemon(`${where}.prometheus.url`, declared.prometheus.url, `${where}.prometheus.rulesDir`, declared.prometheus.rulesDir) : undefined;
  const am = declared.alertmanager ? daemon(`${where}.alertmanager.url`, declared.alertmanager.url, `${where}.alertmanager.configFile`, declared.alertmanager.configFile) : undefined;
  return { ...(prom ? { prometheus: { url: prom.url, rulesDir: prom.path } } : {}), ...(am ? { alertmanager: { url: am.url, configFile: am.path } } : {}) };
}

async function request(method: 'GET' | 'POST', target: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(target, { method, signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: res.status, body: await res.text() };
  } catch (err) {
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    throw new UsageError(`${method} ${target} failed: ${cause}`);
  }
}

const usage: Fail = (message) => new UsageError(message);

/** A daemon API's JSON through the one JSON client (http/json-api.ts); an answer other than 200 is exit 2 naming the URL. */
async function getJson(base: string, path: string): Promise<unknown> {
  const r = await fetchJson(base, path, usage);
  if (r.status !== 200) throw new UsageError(`Unexpected HTTP ${r.status} from ${base}${path}: ${JSON.stringify(r.body).slice(0, 300)}, expected 200`);
  return r.body;
}

/** One loaded rule group: its name, the file it came from and each rule's name and query as Prometheus prints them. */
export interface LoadedGroup {
  readonly name: string;
  readonly file: string;
  readonly rules: ReadonlyArray<{ readonly name: string; readonly query: string }>;
}

export async function loadedRuleGroups(target: PrometheusTarget): Promise<LoadedGroup[]> {
  const body = (await getJson(target.url, '/api/v1/rules')) as { data?: { groups?: unknown } };
  const groups = body.data?.groups;
  if (!Array.isArray(groups)) throw new UsageError(`Unexpected answer to GET ${target.url}/api/v1/rules, expected data.groups`);
  return groups.map((g: { name?: unknown; file?: unknown; rules?: unknown }) => ({
    name: String(g.name),
    file: String(g.file),
    rules: (Array.isArray(g.rules) ? g.rules : []).map((r: { name?: unknown; query?: unknown }) => ({ name: String(r.name), query: String(r.query) })),
  }));
}

/** The configuration Alertmanager runs (`config.original`: its own YAML rendering, secrets masked). */
export async function loadedAlertmanagerConfig(target: AlertmanagerTarget): Promise<string> {
  const body = (await getJson(target.url, '/api/v2/status')) as { config?: { original?: unknown } };
  if (typeof body.config?.original !== 'string') throw new UsageError(`Unexpected answer to GET ${target.url}/api/v2/status, expected config.original`);
  return body.config.original;
}

/**
 * When Prometheus last loaded its configuration and rule files successfully (`lastConfigTime` of
 * `GET /api/v1/status/runtimeinfo`, https://prometheus.io/docs/prometheus/latest/querying/api/#runtime-information), in ms.
 */
export async function prometheusLastLoad(target: PrometheusTarget): Promise<number> {
  const body = (await getJson(target.url, '/api/v1/status/runtimeinfo')) as { data?: { lastConfigTime?: unknown } };
  const at = typeof body.data?.lastConfigTime === 'string' ? Date.parse(body.data.lastConfigTime) : Number.NaN;
  if (Number.isNaN(at)) throw new UsageError(`Unexpected answer to GET ${target.url}/api/v1/status/runtimeinfo, expected data.lastConfigTime`);
  return at;
}

/**
 * `alertmanager_config_hash` from `GET /metrics`: Alertmanager's hash of the loaded file's bytes (the
 * first 6 bytes of their MD5, little-endian, as a float: `md5HashAsMetricValue` in Alertmanager's
 * config/coordinator.go). `config.original` is Alertmanager's own re-rendering; this pins the bytes.
 */
export async function loadedAlertmanagerHash(target: AlertmanagerTarget): Promise<number> {
  const r = await request('GET', `${target.url}/metrics`);
  const m = /^alertmanager_config_hash ([0-9.e+]+)$/m.exec(r.body);
  if (r.status !== 200 || !m?.[1]) throw new UsageError(`Unexpected answer to GET ${target.url}/metrics, expected alertmanager_config_hash`);
  return Number(m[1]);
}

/** `POST /-/reload`: undefined when it succeeded, else the daemon's error. */
export async function reload(base: string): Promise<string | undefined> {
  const r = await request('POST', `${base}/-/reload`);
  if (r.status === 200) return undefined;
  if (r.status === 403) return `${base}/-/reload answered 403: the lifecycle API is off (start it with --web.enable-lifecycle)`;
  return `${base}/-/reload answered ${r.status}: ${r.body.trim().slice(0, 500)}`;
}
