/**
 * The Mimir/Cortex and Loki ruler targets of plan/apply (from the environment) and the calls of their
 * ruler configuration API, over Node's fetch with a timeout:
 * - Mimir (and Cortex): `GET/POST <prometheus-http-prefix>/config/v1/rules/{namespace}`,
 *   `DELETE …/{namespace}/{groupName}`, prefix `/prometheus`
 *   (https://grafana.com/docs/mimir/latest/references/http-api/#ruler);
 * - Loki: the same under `/loki/api/v1/rules` (https://grafana.com/docs/loki/latest/reference/loki-http-api/#ruler).
 * A namespace's groups come back as YAML (`{namespace: [group, …]}`, 404 when it has none); a group is
 * set by POSTing it as YAML (202). `X-Scope-OrgID` names the tenant. Credentials (a Bearer token, or
 * a user and password for basic auth) go only into the Authorization header and are never printed.
 */
import { parse, stringify } from 'yaml';
import type { ResolvedRulerTarget } from '@monspec/metrics-spec';
import { UsageError } from '../errors.js';
import { baseUrl } from '../http/base-url.js';

export type RulerKind = 'Mimir' | 'Loki';

export interface RulerTarget {
  readonly kind: RulerKind;
  /** Without a trailing slash. */
  readonly url: string;
  readonly tenant: string | undefined;
  /** The Authorization header's value, or undefined without credentials. */
  readonly authorization: string | undefined;
  /** The environment variables it came from (for messages). */
  readonly vars: string;
}

export type RuleGroupYaml = Record<string, unknown> & { readonly name: string };

/** An answer the caller reports per item (a 4xx/5xx on a write); unreadable answers and refused credentials are UsageErrors (exit 2). */
export class RulerError extends Error {
  override readonly name = 'RulerError';
}

const PREFIX: Record<RulerKind, string> = { Mimir: '/prometheus/config/v1/rules', Loki: '/loki/api/v1/rules' };
const TIMEOUT_MS = 30_000;

/** The Authorization header from a token or a user and password (basic auth); exactly one kind. */
function authorization(token: string | undefined, user: string | undefined, password: string | undefined, names: { token: string; user: string; password: string }): string | undefined {
  if ((user === undefined) !== (password === undefined)) throw new UsageError(`${user ? names.password : names.user} is unset: expected both ${names.user} and ${names.password} (basic auth) or neither`);
  if (token && user) throw new UsageError(`Unexpected ${names.token} together with ${names.user}, expected one kind of credentials`);
  return token ? `Bearer ${token}` : user ? `Basic ${Buffer.from(`${user}:${password ?? ''}`).toString('base64')}` : undefined;
}

function target(env: NodeJS.ProcessEnv, kind: RulerKind, name: 'MIMIR' | 'LOKI'): RulerTarget | undefined {
  // An empty variable is an unset one (CI templates often export empty secrets).
  const url = env[`${name}_URL`] || undefined;
  if (!url) return undefined;
  const names = { token: `${name}_TOKEN`, user: `${name}_USER`, password: `${name}_PASSWORD` };
  const auth = authorization(env[names.token] || undefined, env[names.user] || undefined, env[names.password] || undefined, names);
  return { kind, url: baseUrl(`${name}_URL`, url), tenant: env[`${name}_TENANT`] || undefined, authorization: auth, vars: `${names.token} or ${names.user}/${names.password}` };
}

/** MIMIR_URL [+ MIMIR_TENANT, MIMIR_TOKEN | MIMIR_USER + MIMIR_PASSWORD] and the same with LOKI_; each optional. */
export function rulerTargetsFromEnv(env: NodeJS.ProcessEnv): RulerTarget[] {
  return [target(env, 'Mimir', 'MIMIR'), target(env, 'Loki', 'LOKI')].filter((t): t is RulerTarget => t !== undefined);
}

/** A ruler declared in the spec (`targets.<name>.mimir|loki`): every variable it names must be set. */
export function rulerTargetFromSpec(kind: RulerKind, declared: ResolvedRulerTarget, env: NodeJS.ProcessEnv, where: string): RulerTarget {
  const read = (name: string | undefined) => {
    if (name === undefined) return undefined;
    const v = env[name];
    if (!v) throw new UsageError(`${where} names the environment variable ${name}, which is not set here`);
    return v;
  };
  const names = { token: declared.tokenEnv ?? '', user: declared.userEnv ?? '', password: declared.passwordEnv ?? '' };
  const auth = authorization(read(declared.tokenEnv), read(declared.userEnv), read(declared.passwordEnv), names);
  const vars = declared.tokenEnv ?? (declared.userEnv ? `${declared.userEnv}/${declared.passwordEnv ?? ''}` : `${where}.tokenEnv (none declared)`);
  return { kind, url: baseUrl(`${where}.url`, declared.url), tenant: declared.tenant, authorization: auth, vars };
}

export class RulerClient {
  constructor(readonly target: RulerTarget) {}

  private async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: string): Promise<{ status: number; text: string }> {
    const t = this.target;
    const headers: Record<string, string> = { ...(t.tenant ? { 'x-scope-orgid': t.tenant } : {}), ...(t.authorization ? { authorization: t.authorization } : {}), ...(body === undefined ? {} : { 'content-type': 'application/yaml' }) };
    let res: Response;
    try {
      res = await fetch(`${t.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      const cause = (err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new UsageError(`${t.kind} at ${t.url} did not answer ${method} ${path}: ${cause}`);
    }
    const text = await res.text();
    if (res.status === 401 || res.status === 403) {
      throw new UsageError(`${t.kind} at ${t.url} refused the request (HTTP ${res.status} on ${method} ${path}): expected valid credentials in ${t.vars}${t.tenant ? '' : ` and, with multi-tenancy, a tenant (${t.kind.toUpperCase()}_TENANT or the target's tenant)`}`);
    }
    return { status: res.status, text };
  }

  private answer(method: string, path: string, status: number, text: string): string {
    const secret = this.target.authorization?.replace(/^(Bearer|Basic) /, '');
    const said = (secret ? text.replaceAll(secret, '***') : text).trim().slice(0, 300);
    return `${this.target.kind} answered HTTP ${status} to ${method} ${path}${said ? `: ${said}` : ''}`;
  }

  private fail(method: string, path: string, status: number, text: string): never {
    throw new RulerError(this.answer(method, path, status, text));
  }

  private path(namespace: string, group?: string): string {
    return `${PREFIX[this.target.kind]}/${encodeURIComponent(namespace)}${group === undefined ? '' : `/${encodeURIComponent(group)}`}`;
  }

  /** The namespace's rule groups ([] when it has none). */
  async groups(namespace: string): Promise<RuleGroupYaml[]> {
    const path = this.path(namespace);
    const r = await this.call('GET', path);
    if (r.status === 404) return [];
    // Reading is all-or-nothing: a plan from half the groups would be wrong (exit 2).
    if (r.status !== 200) throw new UsageError(this.answer('GET', path, r.status, r.text));
    let doc: unknown;
    try {
      doc = parse(r.text);
    } catch {
      throw new UsageError(`Unexpected answer to GET ${path} from ${this.target.kind}, expected YAML rule groups`);
    }
    const list = doc && typeof doc === 'object' ? (doc as Record<string, unknown>)[namespace] : undefined;
    return Array.isArray(list) ? (list as RuleGroupYaml[]) : [];
  }

  async setGroup(namespace: string, group: RuleGroupYaml): Promise<void> {
    const path = this.path(namespace);
    const r = await this.call('POST', path, stringify(group));
    if (r.status < 200 || r.status > 299) this.fail('POST', path, r.status, r.text);
  }

  async deleteGroup(namespace: string, group: string): Promise<void> {
    const path = this.path(namespace, group);
    const r = await this.call('DELETE', path);
    if (r.status < 200 || r.status > 299) this.fail('DELETE', path, r.status, r.text);
  }
}
