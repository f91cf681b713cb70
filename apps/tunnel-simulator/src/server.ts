/**
 * The simulator's HTTP API on one server:
 *   GET  <metricsPath>                              Prometheus exposition (the spec's path, /api/tunnel/metrics)
 *   GET  /api/tunnel/health                         200 ok, 503 when the breaker is open or the pool is saturated
 *   GET  /api/tunnel/simulator                      current scenario, scenarios, drift mode
 *   PUT  /api/tunnel/simulator/scenario/<name>      switch scenario (POST works too)
 *   PUT  /api/tunnel/simulator/drift/rename-metric  expose a renamed metric; DELETE to stop
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { DRIFT_RENAME, renameMetric } from './exposition.js';
import { isScenario, PROFILES, SCENARIOS, POOL_CAPACITY } from './scenarios.js';
import type { Simulator } from './simulator.js';

export interface ServerOptions {
  readonly registry: Registry;
  readonly simulator: Simulator;
  readonly metricsPath: string;
  /** Called before each scrape (e.g. to sample open file descriptors). */
  readonly beforeScrape?: () => void;
  readonly renameMetric?: boolean;
}

function send(res: ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, `${JSON.stringify(value)}\n`);
}

export function createSimulatorServer(options: ServerOptions): Server {
  let drift = options.renameMetric ?? false;
  const { simulator, registry } = options;
  const state = () => ({ scenario: simulator.scenario, scenarios: SCENARIOS, renameMetric: drift ? DRIFT_RENAME : null });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path === options.metricsPath && method === 'GET') {
      options.beforeScrape?.();
      const text = await registry.metrics();
      send(res, 200, drift ? renameMetric(text, DRIFT_RENAME.from, DRIFT_RENAME.to) : text, registry.contentType);
      return;
    }
    if (path === '/api/tunnel/health' && method === 'GET') {
      const p = PROFILES[simulator.scenario];
      const problems = [...(p.breakerOpen ? ['circuit breaker open'] : []), ...(p.poolInUse / POOL_CAPACITY >= 0.95 ? ['connection pool saturated'] : [])];
      json(res, problems.length ? 503 : 200, { status: problems.length ? 'unhealthy' : 'ok', scenario: simulator.scenario, problems });
      return;
    }
    if (path === '/api/tunnel/simulator' && method === 'GET') {
      json(res, 200, state());
      return;
    }
    const scenario = /^\/api\/tunnel\/simulator\/scenario\/([^/]+)$/.exec(path)?.[1];
    if (scenario !== undefined && (method === 'PUT' || method === 'POST')) {
      if (!isScenario(scenario)) {
        json(res, 404, { error: `Unexpected scenario ${scenario}, expected one of: ${SCENARIOS.join(', ')}` });
        return;
      }
      simulator.setScenario(scenario);
      json(res, 200, state());
      return;
    }
    if (path === '/api/tunnel/simulator/drift/rename-metric' && (method === 'PUT' || method === 'POST' || method === 'DELETE')) {
      drift = method !== 'DELETE';
      json(res, 200, state());
      return;
    }
    json(res, 404, { error: `Unexpected ${method} ${path}` });
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => json(res, 500, { error: String(err) }));
  });
}
