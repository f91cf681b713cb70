import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { expositionFor } from './test-support/exposition.js';
import { EMBEDDED_SPEC, runCli, runCliAsync, tempDir } from './test-support/run-cli.js';
import { parseExposition } from './endpoint/parse-exposition.js';

const model = compileSpecDir().model;
if (!model) throw new Error('the embedded spec must compile');
const conforming = expositionFor(model);

describe('parseExposition', () => {
  it('parses HELP, TYPE, escaped label values and histogram series into families', () => {
    const { families, problems } = parseExposition(
      '# HELP x_seconds Latency.\n# TYPE x_seconds histogram\nx_seconds_bucket{le="0.1",path="a\\"b"} 1\nx_seconds_bucket{le="+Inf",path="a\\"b"} 2\nx_seconds_sum{path="a\\"b"} 0.3\nx_seconds_count{path="a\\"b"} 2\n# TYPE y gauge\ny 4 1700000000\n',
    );
    expect(problems).toEqual([]);
    expect(families.get('x_seconds')?.samples.map((s) => s.name)).toEqual(['x_seconds_bucket', 'x_seconds_bucket', 'x_seconds_sum', 'x_seconds_count']);
    expect(families.get('x_seconds')?.samples[0]?.labels).toEqual({ le: '0.1', path: 'a"b' });
    expect(families.get('y')?.samples[0]?.value).toBe(4);
  });
  it('reports malformed lines with their line number', () => {
    const { problems } = parseExposition('ok 1\nbad{x=1} 2\nz notanumber\n');
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  });
});

describe('monspec check-endpoint', () => {
  let server: Server;
  let url = '';
  let body = conforming;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/tunnel/metrics`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('passes a conforming exposition from a file and over HTTP on loopback', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'metrics.txt'), conforming);
    const file = runCli(['check-endpoint', '--spec', EMBEDDED_SPEC, 'metrics.txt'], dir);
    expect(file.code, file.stdout + file.stderr).toBe(0);
    body = conforming;
    const http = await runCliAsync(['check-endpoint', '--spec', EMBEDDED_SPEC, url], dir);
    expect(http.code, http.stdout + http.stderr).toBe(0);
    expect(http.stderr).toContain('0 error(s)');
  });

  it('fails a renamed metric, a wrong type, an undeclared label, a bad label value and different buckets', async () => {
    const dir = tempDir();
    body = conforming
      .replace(/tunnel_active_connections/g, 'tunnel_active_conns')
      .replace('# TYPE tunnel_queue_size gauge', '# TYPE tunnel_queue_size counter')
      .replace(/^tunnel_circuit_breaker_state 1$/m, 'tunnel_circuit_breaker_state{breaker="db"} 1')
      .replace(/tier="free"/g, 'tier="gold"')
      .replace(/(tunnel_connection_duration_seconds_bucket\{[^}]*le=")[^"]+"/, (_m, head: string) => `${head}0.123"`);
    const r = await runCliAsync(['check-endpoint', '--spec', EMBEDDED_SPEC, url, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const messages = (JSON.parse(r.stdout) as { findings: Array<{ severity: string; message: string }> }).findings.map((f) => `${f.severity} ${f.message}`);
    expect(messages).toContainEqual(expect.stringContaining('error Unexpected missing metric tunnel_active_connections'));
    expect(messages).toContainEqual(expect.stringContaining('warning Unexpected undeclared metric tunnel_active_conns'));
    expect(messages).toContainEqual('error Unexpected type counter for tunnel_queue_size, expected gauge');
    expect(messages).toContainEqual(expect.stringContaining('error Unexpected label set {breaker} on tunnel_circuit_breaker_state'));
    expect(messages).toContainEqual(expect.stringContaining('error Unexpected tier value(s) "gold"'));
    expect(messages).toContainEqual(expect.stringContaining('error Unexpected buckets [0.123'));
  });

  it('exits 2 when the endpoint cannot be reached or the file is missing', () => {
    const dir = tempDir();
    const unreachable = runCli(['check-endpoint', '--spec', EMBEDDED_SPEC, 'http://127.0.0.1:9/metrics', '--timeout', '2000'], dir);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain('expected a reachable metrics endpoint');
    expect(runCli(['check-endpoint', '--spec', EMBEDDED_SPEC, 'nope.txt'], dir).code).toBe(2);
  });
});
