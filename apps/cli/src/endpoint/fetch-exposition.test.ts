import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { EMBEDDED_SPEC, runCliAsync, tempDir } from '../test-support/run-cli.js';
import { fetchExposition, isHttpUrl } from './fetch-exposition.js';

const BODY = '# HELP a A.\n# TYPE a gauge\na 1\n';

/** A misbehaving metrics endpoint on loopback, one route per way a scrape can go wrong. */
function startServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ok') res.end(BODY);
    else if (path === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(BODY));
    } else if (path === '/bomb') {
      // 64 MiB of newlines compress to ~64 KiB: only the decompressed count catches it.
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(64 * 1048576, 10)));
    } else if (path === '/big') {
      // Chunked, no Content-Length: only counting the bytes as they arrive catches it.
      res.writeHead(200);
      res.write('#'.repeat(100_000));
      res.end('#'.repeat(100_000));
    }
    else if (path === '/big-declared') {
      res.writeHead(200, { 'content-length': String(10 * 1048576) });
      res.write('# partial\n');
    } else if (path === '/truncated') {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(BODY);
      setTimeout(() => res.socket?.destroy(), 20);
    } else if (path === '/stall') {
      res.writeHead(200);
      res.write('# HELP a A.\n'); // and never the rest
    } else if (path === '/hang') {
      // never answers
    } else if (path === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (path === '/moved') {
      res.writeHead(301, { location: '/ok' });
      res.end();
    } else if (path === '/brotli') {
      res.writeHead(200, { 'content-encoding': 'br' });
      res.end('x');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe('fetchExposition', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = await startServer();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((done) => server.close(() => done()));
  });
  const limits = { timeoutMs: 1500, maxBytes: 100_000 };
  const failure = async (path: string) => {
    const err = await fetchExposition(`${base}${path}`, limits).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err, `${path} should fail`).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  };

  it('reads plain, gzip-encoded and redirected expositions', async () => {
    expect(await fetchExposition(`${base}/ok`, limits)).toBe(BODY);
    expect(await fetchExposition(`${base}/gzip`, limits)).toBe(BODY);
    expect(await fetchExposition(`${base}/moved`, limits)).toBe(BODY);
  });
  it('accepts the scheme in any case', async () => {
    expect(isHttpUrl('HTTP://x/metrics')).toBe(true);
    expect(isHttpUrl('Https://x/metrics')).toBe(true);
    expect(isHttpUrl('file:///x')).toBe(false);
    expect(await fetchExposition(`${base.replace('http', 'HTTP')}/ok`, limits)).toBe(BODY);
  });
  it('caps the body as sent, as declared and after decompression', async () => {
    expect(await failure('/big')).toMatch(/^Unexpected body over 0\.1 MiB from .*\/big, expected at most 0\.1 MiB \(--max-bytes\)$/);
    expect(await failure('/big-declared')).toContain('Unexpected body of 10 MiB');
    expect(await failure('/bomb')).toContain('after decompression');
  });
  it('reports a body cut short of its Content-Length', async () => {
    expect(await failure('/truncated')).toMatch(/Unexpected end of the body from .* after \d+ (of 1000 )?bytes/);
  });
  it('reports timeouts before the answer and while reading the body', async () => {
    expect(await failure('/hang')).toContain('Unexpected timeout connecting to');
    expect(await failure('/stall')).toContain('Unexpected timeout reading the body of');
  });
  it('refuses redirects to other schemes and redirect loops', async () => {
    expect(await failure('/to-file')).toBe(`Unexpected redirect from ${base}/to-file to file: (file:///etc/passwd), expected a redirect to an http or https URL`);
    expect(await failure('/loop')).toContain('expected at most 5 redirects');
  });
  it('reports refused connections, HTTP errors and unknown encodings', async () => {
    const closed = await startServer();
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const refused = await fetchExposition(`http://127.0.0.1:${port}/metrics`, limits).catch((e: unknown) => (e as Error).message);
    expect(refused).toContain('(connection refused), expected a reachable metrics endpoint');
    expect(await failure('/nope')).toContain('Unexpected HTTP 404');
    expect(await failure('/brotli')).toContain('Unexpected Content-Encoding br');
  });

  it('exits 2 through the CLI with the message and no stack trace', async () => {
    const dir = tempDir();
    const r = await runCliAsync(['check-endpoint', '--spec', EMBEDDED_SPEC, `${base}/to-file`], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unexpected redirect from');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const bomb = await runCliAsync(['check-endpoint', '--spec', EMBEDDED_SPEC, `${base}/bomb`, '--max-bytes', '1000000'], dir);
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toContain('after decompression');
  });
  it('refuses a directory or a FIFO given as the exposition file, instead of crashing or hanging', async () => {
    const dir = tempDir();
    const r = await runCliAsync(['check-endpoint', '--spec', EMBEDDED_SPEC, '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a regular file');
    expect(spawnSync('mkfifo', [join(dir, 'metrics.txt')]).status).toBe(0);
    const fifo = await runCliAsync(['check-endpoint', '--spec', EMBEDDED_SPEC, 'metrics.txt'], dir);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toContain('Unexpected metrics.txt: not a regular file');
  });
});
