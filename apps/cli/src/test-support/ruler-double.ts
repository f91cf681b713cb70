/**
 * A contract double of the Mimir (Cortex) and Loki ruler configuration API, on loopback; Mimir could
 * run here but Loki cannot (AGPL, not installable), and both serve the same API, so one double
 * written from their documentation serves both, each behaviour named beside it:
 *
 * - MIMIR_RULER: https://grafana.com/docs/mimir/latest/references/http-api/#ruler
 *   (`<prometheus-http-prefix>/config/v1/rules/{namespace}[/{groupName}]`, prefix `/prometheus`;
 *   GET namespace → YAML `{namespace: [groups]}`, 404 when it has none; POST namespace with one
 *   group as YAML → 202; DELETE group → 202; X-Scope-OrgID names the tenant)
 * - LOKI_RULER: https://grafana.com/docs/loki/latest/reference/loki-http-api/#ruler (the same under `/loki/api/v1/rules`)
 * - TENANCY: https://grafana.com/docs/mimir/latest/manage/secure/authentication-and-authorization/
 *   (without X-Scope-OrgID when multi-tenancy is on: 401 "no org id"; credentials are checked by the
 *   gateway in front, which answers 401 to a bad one)
 * - RULEFMT: groups are stored parsed and printed back by Prometheus's rulefmt (durations such as
 *   `for` in model.Duration form, `5m` for `300s`; empty fields left out).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parse, stringify } from 'yaml';
import { grafanaDuration } from './grafana-alerting-double.js';

type Group = Record<string, unknown> & { name: string };

export interface RulerDouble {
  readonly url: string;
  /** Groups by tenant, namespace, group name (tests edit them: a change made with mimirtool, say). */
  readonly groups: Map<string, Map<string, Map<string, Group>>>;
  readonly requests: string[];
  failRequest(match: string, n: number, status: number): void;
  close(): Promise<void>;
}

const PREFIXES = ['/prometheus/config/v1/rules', '/loki/api/v1/rules'];

function reprint(g: Group): Group {
  // RULEFMT: durations in model.Duration form.
  const rules = ((g.rules ?? []) as Array<Record<string, unknown>>).map((r) => (typeof r.for === 'string' ? { ...r, for: grafanaDuration(r.for) } : r));
  return { ...g, ...(typeof g.interval === 'string' ? { interval: grafanaDuration(g.interval) } : {}), rules };
}

export async function startRulerDouble(options: { authorization?: string; tenant?: string } = {}): Promise<RulerDouble> {
  const groups: RulerDouble['groups'] = new Map();
  const requests: string[] = [];
  const failures: Array<{ match: string; remaining: number; status: number }> = [];
  const text = (res: ServerResponse, status: number, body: string, type = 'text/plain') => void res.writeHead(status, { 'content-type': type }).end(body);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    const route = `${req.method} ${url.pathname}`;
    requests.push(route);
    // TENANCY: the gateway refuses bad credentials; the ruler refuses a request without a tenant.
    if (options.authorization !== undefined && req.headers.authorization !== options.authorization) return text(res, 401, 'invalid credentials');
    const tenant = req.headers['x-scope-orgid'];
    if (options.tenant !== undefined && tenant !== options.tenant) return text(res, 401, 'no org id');
    const failure = failures.find((f) => route.startsWith(f.match));
    if (failure && --failure.remaining === 0) {
      failures.splice(failures.indexOf(failure), 1);
      return text(res, failure.status, 'internal error');
    }
    const prefix = PREFIXES.find((p) => url.pathname.startsWith(`${p}/`));
    if (!prefix) return text(res, 404, 'not found');
    const [ns, group, ...rest] = url.pathname.slice(prefix.length + 1).split('/').map(decodeURIComponent);
    if (!ns || rest.length) return text(res, 404, 'not found');
    const byNs = groups.get(String(tenant ?? 'anonymous')) ?? new Map<string, Map<string, Group>>();
    groups.set(String(tenant ?? 'anonymous'), byNs);
    const live = byNs.get(ns) ?? new Map<string, Group>();
    if (req.method === 'GET' && group === undefined) {
      // MIMIR_RULER "Get rule groups by namespace": 404 when there are none.
      if (!live.size) return text(res, 404, 'no rule groups found');
      return text(res, 200, stringify({ [ns]: [...live.values()].map(reprint) }), 'application/yaml');
    }
    if (req.method === 'POST' && group === undefined) {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      let g: Group;
      try {
        g = parse(body) as Group;
      } catch {
        return text(res, 400, 'unable to parse rule group');
      }
      // MIMIR_RULER "Set rule group": one group as YAML; it replaces the group of that name. 400 when invalid.
      if (!g || typeof g.name !== 'string' || !Array.isArray(g.rules)) return text(res, 400, 'invalid rule group: expected name and rules');
      live.set(g.name, g);
      byNs.set(ns, live);
      return text(res, 202, JSON.stringify({ status: 'success', data: null, errorType: '', error: '' }), 'application/json');
    }
    if (req.method === 'DELETE' && group !== undefined) {
      // MIMIR_RULER "Delete rule group": 202; a group that does not exist is 404 (the rule store's "group does not exist").
      if (!live.delete(group)) return text(res, 404, 'group does not exist');
      return text(res, 202, JSON.stringify({ status: 'success', data: null, errorType: '', error: '' }), 'application/json');
    }
    text(res, 405, 'method not allowed');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => text(res, 500, String(err)));
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    groups,
    requests,
    failRequest: (match, n, status) => void failures.push({ match, remaining: n, status }),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
