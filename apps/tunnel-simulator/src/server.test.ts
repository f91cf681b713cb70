import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessMetrics, createServiceMetrics, SERVICE } from './generated/metrics.js';
import { renameMetric } from './exposition.js';
import { jsonLogger } from './log.js';
import { createSimulatorServer } from './server.js';
import { Simulator } from './simulator.js';

describe('simulator server', () => {
  const registry = new Registry();
  const logs = new PassThrough();
  let logText = '';
  logs.on('data', (c: Buffer) => (logText += c.toString()));
  const simulator = new Simulator(createServiceMetrics(registry), createProcessMetrics(registry), jsonLogger(logs, SERVICE.name, () => new Date(0)), 100);
  const server = createSimulatorServer({ registry, simulator, metricsPath: SERVICE.metricsPath });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves the exposition at the spec path and health', async () => {
    for (let i = 0; i < 25; i++) simulator.tick();
    const metrics = await (await fetch(`${base}/api/tunnel/metrics`)).text();
    expect(metrics).toContain('tunnel_requests_total{tier="free"}');
    expect(metrics).toContain('process_resident_memory_bytes 167772160');
    const health = await fetch(`${base}/api/tunnel/health`);
    expect(health.status).toBe(200);
    expect(logText.split('\n')[0]).toBe('{"ts":"1970-01-01T00:00:00.000Z","level":"error","app":"streaming-proxy","msg":"tunnel request failed","category":"network","code":"connection_reset","tier":"free","user":"user-1"}');
  });

  it('switches scenarios at run time', async () => {
    const res = await fetch(`${base}/api/tunnel/simulator/scenario/circuit-breaker-open`, { method: 'PUT' });
    expect(await res.json()).toMatchObject({ scenario: 'circuit-breaker-open' });
    expect((await fetch(`${base}/api/tunnel/health`)).status).toBe(503);
    expect(await (await fetch(`${base}/api/tunnel/metrics`)).text()).toContain('tunnel_circuit_breaker_state 1');
    expect((await fetch(`${base}/api/tunnel/simulator/scenario/nope`, { method: 'PUT' })).status).toBe(404);
    await fetch(`${base}/api/tunnel/simulator/scenario/healthy`, { method: 'PUT' });
  });

  it('renames a metric in drift mode', async () => {
    await fetch(`${base}/api/tunnel/simulator/drift/rename-metric`, { method: 'PUT' });
    const text = await (await fetch(`${base}/api/tunnel/metrics`)).text();
    await fetch(`${base}/api/tunnel/simulator/drift/rename-metric`, { method: 'DELETE' });
    expect(text).not.toMatch(/^tunnel_active_connections/m);
    expect(text).toContain('# TYPE tunnel_active_tunnels gauge');
  });
});

describe('renameMetric', () => {
  it('renames the family, its samples and its series suffixes only', () => {
    const text = '# HELP a_b x\n# TYPE a_b histogram\na_b_bucket{le="1"} 1\na_b_count 1\na_bc 2\n';
    expect(renameMetric(text, 'a_b', 'z')).toBe('# HELP z x\n# TYPE z histogram\nz_bucket{le="1"} 1\nz_count 1\na_bc 2\n');
  });
});
