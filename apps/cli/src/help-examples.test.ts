/**
 * Every example in every command's --help works as printed (issue #14), from where a user stands:
 * in a clone of their service's repository that has the starter spec committed (and its generated
 * artifacts, and a saved exposition metrics.txt), with `monspec` on PATH; `init` examples in an empty
 * directory. URL examples get a server on their port serving a conforming exposition.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTools } from '@monspec/test-kit';
import { startGrafanaDouble, type GrafanaDouble } from './test-support/grafana-double.js';
import { BIN, runCli, tempDir } from './test-support/run-cli.js';

const tools = requireTools(['promtool', 'amtool']);
const run = tools.skip ? describe.skip : describe;

/** What a service instrumented as the starter spec declares exposes. */
const EXPOSITION = [
  '# HELP http_requests_total HTTP requests served.',
  '# TYPE http_requests_total counter',
  'http_requests_total{code="2xx"} 10',
  'http_requests_total{code="5xx"} 1',
  '# HELP http_request_duration_seconds HTTP request latency.',
  '# TYPE http_request_duration_seconds histogram',
  ...['0.01', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '+Inf'].map((le) => `http_request_duration_seconds_bucket{le="${le}"} 11`),
  'http_request_duration_seconds_sum 0.3',
  'http_request_duration_seconds_count 11',
  '',
].join('\n');

/** The token plan/apply examples find in GRAFANA_TOKEN, as a user exports it; the Grafana double accepts it. */
const GRAFANA_TOKEN = 'glsa_example_token';

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

function examplesOf(command: string): string[] {
  const help = runCli([command, '--help'], tempDir()).stdout;
  return help.split('Examples:\n')[1]?.split('\n').map((l) => l.trim()).filter(Boolean) ?? [];
}

run('every --help example works as printed (real promtool and amtool)', () => {
  let origin = '';
  let pathDir = '';
  const servers: Server[] = [];
  /** plan/apply examples name GRAFANA_URL=http://localhost:PORT: the Grafana double (Grafana cannot run here) serves that port. */
  const grafanas = new Map<string, GrafanaDouble>();
  beforeAll(() => {
    const root = tempDir('monspec-examples-');
    pathDir = join(root, 'bin');
    mkdirSync(pathDir);
    symlinkSync(BIN, join(pathDir, 'monspec'));
    origin = join(root, 'origin');
    mkdirSync(origin);
    expect(runCli(['init', 'monitoring', '--service', 'checkout'], origin).code).toBe(0);
    expect(runCli(['build', '--all-envs'], origin).code).toBe(0);
    writeFileSync(join(origin, 'metrics.txt'), EXPOSITION);
    const git = spawnSync('sh', ['-e', '-c', 'git init -q -b main && git add -A && git commit -q -m starter'], { cwd: origin, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
    expect(git.status, git.stderr).toBe(0);
  });
  afterAll(() => Promise.all([...servers.map((s) => new Promise((done) => s.close(done))), ...[...grafanas.values()].map((g) => g.close())]));

  /** A fresh clone of the user's repository (origin/main exists), in its own parent directory. */
  function project(): string {
    const dir = join(tempDir('monspec-examples-'), 'checkout');
    const r = spawnSync('git', ['clone', '-q', origin, dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return dir;
  }

  async function serveFor(example: string): Promise<void> {
    const grafanaPort = /GRAFANA_URL=http:\/\/localhost:(\d+)/.exec(example)?.[1];
    if (grafanaPort !== undefined) {
      if (!grafanas.has(grafanaPort)) grafanas.set(grafanaPort, await startGrafanaDouble({ port: Number(grafanaPort), token: GRAFANA_TOKEN }));
      return;
    }
    const port = /http:\/\/localhost:(\d+)\//.exec(example)?.[1];
    if (port === undefined) return;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(EXPOSITION);
    });
    await new Promise<void>((done, fail) => server.once('error', fail).listen(Number(port), '127.0.0.1', done));
    servers.push(server);
  }

  function shell(example: string, cwd: string): Promise<{ code: number | null; out: string }> {
    return new Promise((done) => {
      const watching = example.includes('--watch');
      // A watch is one command; exec it so the interrupt reaches monspec itself, not the shell.
      const child = spawn('sh', ['-e', '-c', watching ? `exec ${example}` : example], { cwd, detached: true, env: { ...process.env, ...GIT_ENV, GRAFANA_TOKEN, NO_COLOR: '1', PATH: `${pathDir}:${process.env.PATH}` } });
      let out = '';
      let interrupted = false;
      const onData = (d: Buffer) => {
        out += d.toString();
        // A watch runs until interrupted: once it is watching, stop it as a user would (Ctrl-C).
        if (watching && !interrupted && /watching .* for changes/.test(out)) {
          interrupted = true;
          // A moment later, as a person would: the line is printed just before the handler is installed.
          setTimeout(() => process.kill(-(child.pid as number), 'SIGINT'), 500);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('close', (code, signal) => done({ code, out: signal ? `${out}\n(killed by ${signal})` : out }));
    });
  }

  // Every command `monspec --help` lists.
  const commands = [...runCli(['--help'], tempDir()).stdout.matchAll(/^ {2}([a-z][a-z-]*)\s{2,}/gm)].map((m) => m[1] as string);
  it('finds the commands in monspec --help', () => expect(commands).toEqual(expect.arrayContaining(['build', 'validate', 'test', 'rules', 'mcp'])));
  for (const command of commands) {
    it(`monspec ${command}`, async () => {
      const examples = examplesOf(command);
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const cwd = command === 'init' ? tempDir('monspec-examples-') : project();
        await serveFor(example);
        const r = await shell(example, cwd);
        expect(r.code, `${example}\n${r.out}`).toBe(0);
        expect(r.out, example).not.toContain('embedded');
      }
    }, 600_000);
  }
});
