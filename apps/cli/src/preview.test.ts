/**
 * `monspec preview` as users run it (the compiled CLI): sample previews of every dashboard as SVG and
 * PNG, the folder's ownership, usage errors, and --prometheus against a real Prometheus on loopback
 * (no targets: every Prometheus panel is "No data", reported, exit 1; every expanded query is
 * accepted) and against a port nothing listens on (exit 2, no stack trace).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { freePort, requireTools, toolPath } from '@monspec/test-kit';
import { EMBEDDED_SPEC, runCli, runCliAsync, tempDir } from './test-support/run-cli.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const model = compileSpecDir(EMBEDDED_SPEC).model;
if (!model) throw new Error('the embedded spec compiles');
const uids = model.dashboards.map((d) => d.uid);

describe('monspec preview (sample data)', () => {
  const dir = tempDir('monspec-preview-');
  const run = (...args: string[]) => runCli(['preview', '--spec', EMBEDDED_SPEC, ...args], dir);

  it('writes an SVG and a PNG per dashboard, marked as sample data, and the same bytes on a second run', () => {
    const first = run('--out', 'out');
    expect(first.code, first.stderr).toBe(0);
    for (const uid of uids) {
      const svg = readFileSync(join(dir, 'out', `${uid}.svg`), 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain('data-role="sample-data"');
      expect(readFileSync(join(dir, 'out', `${uid}.png`)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(first.stdout).toContain(`out/${uid}.svg, .png`);
    }
    const before = readFileSync(join(dir, 'out', `${uids[0]}.svg`), 'utf8');
    expect(run('--out', 'out').code).toBe(0);
    expect(readFileSync(join(dir, 'out', `${uids[0]}.svg`), 'utf8')).toBe(before);
  });

  it('never overwrites a file it did not write, or one changed since (exit 2, naming it)', () => {
    const first = run('--out', 'mine-ok');
    expect(first.code).toBe(0);
    writeFileSync(join(dir, 'mine-ok', `${uids[0]}.svg`), 'edited by hand');
    const edited = run('--out', 'mine-ok');
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain(`Unexpected mine-ok/${uids[0]}.svg changed since monspec wrote it`);
    expect(readFileSync(join(dir, 'mine-ok', `${uids[0]}.svg`), 'utf8')).toBe('edited by hand');
    const taken = tempDir('monspec-preview-taken-');
    writeFileSync(join(taken, `${uids[1]}.png`), 'not monspec');
    const refused = runCli(['preview', '--spec', EMBEDDED_SPEC, '--out', taken], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('that monspec did not write, expected no file there');
    expect(readFileSync(join(taken, `${uids[1]}.png`), 'utf8')).toBe('not monspec');
    expect(existsSync(join(taken, `${uids[0]}.svg`))).toBe(false);
  });

  it('usage errors: --from without --prometheus, a bad time, a URL with credentials (exit 2, no stack trace)', () => {
    for (const [args, message] of [
      [['--from', '-1h'], 'Unexpected --from/--to without --prometheus'],
      [['--prometheus', 'http://127.0.0.1:9', '--from', 'yesterday'], 'Unexpected --from yesterday, expected now, -<duration>'],
      [['--prometheus', 'http://u:p@127.0.0.1:9'], 'Unexpected credentials in --prometheus'],
    ] as const) {
      const r = run(...args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

const tools = requireTools(['prometheus']);

describe.skipIf(tools.skip)(`monspec preview --prometheus ${tools.reason}`, () => {
  const root = tempDir('monspec-preview-prom-');
  let child: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    writeFileSync(join(root, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
    const port = await freePort();
    child = spawn(toolPath('prometheus') ?? 'prometheus', [`--config.file=${join(root, 'prometheus.yml')}`, `--storage.tsdb.path=${join(root, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=error'], { stdio: 'ignore' });
    url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    while (!(await fetch(`${url}/-/ready`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error(`${url} not ready after 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  afterAll(() => {
    if (child?.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  });

  it('an empty Prometheus: every PromQL panel is drawn and reported as "No data" (exit 1), no query is refused, Loki panels are not run', async () => {
    const r = await runCliAsync(['preview', '--spec', EMBEDDED_SPEC, '--prometheus', url, '--from', '-1h', '--out', 'live'], root);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toContain('query refused');
    const promPanels = model.dashboards.flatMap((d) => d.panels.filter((p) => p.queries.some((q) => q.datasource === 'prometheus')));
    for (const p of promPanels) expect(r.stdout).toContain(`No data: ${p.title} (${p.key})`);
    expect(r.stdout).toContain('Loki query, not run (no Loki)');
    expect(r.stderr).toContain(`✗ ${promPanels.length} panel(s) with No data`);
    const svg = readFileSync(join(root, 'live', 'tunnel-health.svg'), 'utf8');
    expect(svg).toContain('data-source="prometheus"');
    expect(svg).not.toContain('data-role="sample-data"');
    expect(svg).toContain('data-role="no-data"');
  });

  it('a Prometheus nobody listens at: exit 2 naming the URL, no stack trace, nothing written', async () => {
    const port = await freePort();
    const r = await runCliAsync(['preview', '--spec', EMBEDDED_SPEC, '--prometheus', `http://127.0.0.1:${port}`, '--out', 'down'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Unexpected failure fetching http://127.0.0.1:${port}/api/v1/status/buildinfo (ECONNREFUSED), expected the server to answer`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, 'down'))).toBe(false);
  });
});
