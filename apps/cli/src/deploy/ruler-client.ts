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

function target(env: NodeJS.ProcessEnv, kind: RulerKind, name: 'MIMIR' | 'LOKI'): RulerTarget | undefined {
  // An empty variable is an unset one (CI templates often export empty secrets).
  const url = env[`${name}_URL`] || undefined;
  if (!url) return undefined;
  const token = env[`${name}_TOKEN`] || undefined;
  const user = env[`${name}_USER`] || undefined;
  const password = env[`${name}_PASSWORD`] || undefined;
  if ((user === undefined) !== (password === undefined)) throw new UsageError(`${user ? `${name}_PASSWORD` : `${name}_USER`} is unset: expected both ${name}_USER and ${name}_PASSWORD (basic auth) or neither`);
  if (token && user) throw new UsageError(`Unexpected ${name}_TOKEN together with ${name}_USER, expected one kind of credentials`);
  const authorization = token ? `Bearer ${token}` : user ? `Basic ${Buffer.from(`${user}:${password ?? ''}`).toString('base64')}` : undefined;
  return { kind, url: baseUrl(`${name}_URL`, url), tenant: env[`${name}_TENANT`] || undefined, authorization, vars: `${name}_TOKEN or ${name}_USER/${name}_PASSWORD` };
}

/** MIMIR_URL [+ MIMIR_TENANT, MIMIR_TOKEN | MIMIR_USER + MIMIR_PASSWORD] and the same with LOKI_; each optional. */
export function rulerTargetsFromEnv(env: NodeJS.ProcessEnv): RulerTarget[] {
  return [target(env, 'Mimir', 'MIMIR'), target(env, 'Loki', 'LOKI')].filter((t): t is RulerTarget => t !== undefined);
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
      throw new UsageError(`${t.kind} at ${t.url} refused the request (HTTP ${res.status} on ${method} ${path}): expected valid credentials in ${t.vars}${t.tenant ? '' : ` and, with multi-tenancy, the tenant in ${t.kind.toUpperCase()}_TENANT`}`);
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
