/**
 * Issue #14: what a new user meets, through the compiled CLI in temporary directories outside this
 * repository — spec discovery without a silent fallback to the tunnel, `test` refusing artifacts of
 * another spec, a starter that passes its own checks everywhere, `validate` catching what `build`
 * would refuse, and "did you mean".
 */
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireTools } from '@monspec/test-kit';
import { BIN, EMBEDDED_SPEC, runCli, runCliAsync, tempDir } from './test-support/run-cli.js';

const tools = requireTools(['promtool', 'amtool']);
// In CI the tools are installed by scripts/install-tools.sh and these tests must run.
const withTools = tools.skip ? describe.skip : describe;
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A project directory with `monspec init monitoring --service NAME` done. */
function project(service = 'checkout'): string {
  const cwd = tempDir('monspec-newcomer-');
  const r = runCli(['init', 'monitoring', '--service', service], cwd);
  expect(r.code, r.stderr).toBe(0);
  return cwd;
}

/** Runs a shell line as a user would type it, with `npx monspec` resolving to this build (no network). */
function sh(line: string, cwd: string): Promise<{ code: number | null; out: string }> {
  const bin = join(cwd, 'node_modules', '.bin');
  if (!existsSync(join(bin, 'monspec'))) {
    mkdirSync(bin, { recursive: true });
    symlinkSync(BIN, join(bin, 'monspec'));
  }
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', line], { cwd, env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
  });
}

describe('spec discovery: no silent fallback to the tunnel spec', () => {
  const commands: ReadonlyArray<readonly string[]> = [
    ['validate'],
    ['build'],
    ['test'],
    ['diff', EMBEDDED_SPEC],
    ['check-endpoint', 'metrics.txt'],
    ['explain', 'HighErrorRate'],
  ];

  it('outside this repository and without ./monitoring, every command exits 2 saying how to get a spec, and writes nothing', () => {
    const cwd = tempDir('monspec-newcomer-');
    writeFileSync(join(cwd, 'package.json'), '{"name":"someone-elses-service","private":true}\n');
    writeFileSync(join(cwd, 'metrics.txt'), 'up 1\n');
    for (const args of commands) {
      const r = runCli(args, cwd);
      expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('no spec found: expected ./monitoring/ or --spec DIR; run `monspec init monitoring --service NAME`');
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain('tunnel');
    }
    expect(existsSync(join(cwd, 'generated'))).toBe(false);
  });

  it('uses ./monitoring when it exists, for every command', () => {
    const cwd = project('checkout');
    const validate = runCli(['validate'], cwd);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toMatch(/^✓ monitoring \(production\): 3 metrics/m);
    expect(validate.stderr).not.toContain('embedded');
    const build = runCli(['build', '--all-envs'], cwd);
    expect(build.code, build.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cwd, 'generated', 'staging', 'manifest.json'), 'utf8')) as { service: string };
    expect(manifest.service).toBe('checkout');
    const explain = runCli(['explain', 'HighErrorRate'], cwd);
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toContain('More than 5 % of requests fail.');
    writeFileSync(join(cwd, 'metrics.txt'), '# TYPE up gauge\nup 1\n');
    const endpoint = runCli(['check-endpoint', 'metrics.txt', '--format', 'json'], cwd);
    expect(JSON.parse(endpoint.stdout)).toMatchObject({ findings: expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('http_requests_total') })]) });
    const base = join(tempDir(), 'base');
    cpSync(join(cwd, 'monitoring'), base, { recursive: true });
    writeFileSync(join(base, 'thresholds.yaml'), readFileSync(join(base, 'thresholds.yaml'), 'utf8').replace('critical: 5%', 'critical: 3%'));
    const diff = runCli(['diff', base], cwd);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('`error_rate`: critical: 3 % → 5 %');
  });

  it('inside this repository without ./monitoring, uses the embedded spec and says so on one stderr line', () => {
    const cwd = join(REPO_ROOT, 'apps', 'cli', 'src');
    const r = runCli(['validate'], cwd);
    expect(r.code, r.stderr).toBe(0);
    const notes = r.stderr.split('\n').filter((l) => l.includes('embedded'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^monspec: using the embedded streaming-proxy spec \(.*packages\/metrics-spec\/spec\): no \.\/monitoring\/ here and no --spec DIR$/);
  });
});

describe('monspec test with --spec', () => {
  it('tests the spec it is given, built in memory, not whatever ./generated holds', async () => {
    const cwd = project('checkout');
    // ./generated holds another service's artifacts (the tunnel's), as after a copy-paste from the docs.
    expect(runCli(['build', '--spec', EMBEDDED_SPEC, '--out', 'generated'], cwd).code).toBe(0);
    const r = await runCliAsync(['test', '--spec', 'monitoring', '--env', 'staging'], cwd);
    expect(r.stderr).toContain('staging: promtool test rules');
    expect(r.stderr).not.toContain('production:');
    expect(r.stderr).not.toContain('tunnel');
  });

  it('refuses artifacts whose manifest names another spec, or a stale version of this one: rebuild first', () => {
    const cwd = project('checkout');
    expect(runCli(['build', '--spec', EMBEDDED_SPEC, '--all-envs', '--out', 'out'], cwd).code).toBe(0);
    const other = runCli(['test', '--spec', 'monitoring', '--out', 'out'], cwd);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('generated from the spec of service "streaming-proxy", expected ones from monitoring (service "checkout"); rebuild first: monspec build --spec monitoring --env production --out out');
    expect(other.stderr).not.toContain('promtool');

    expect(runCli(['build', '--all-envs', '--out', 'out'], cwd).code).toBe(0);
    const thresholds = join(cwd, 'monitoring', 'thresholds.yaml');
    writeFileSync(thresholds, readFileSync(thresholds, 'utf8').replace('critical: 5%', 'critical: 4%'));
    const stale = runCli(['test', '--out', 'out', '--env', 'staging'], cwd);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/staging: Unexpected stale artifacts in .*out\/staging: generated from another version of monitoring .*; rebuild first/);
  });
});

withTools('the starter tells the truth (real promtool and amtool)', () => {
  it('init → build --all-envs → test --all-envs is green in every environment it declares, for any service name', async () => {
    for (const service of ['checkout', 'payments-api']) {
      const cwd = project(service);
      const build = runCli(['build', '--all-envs'], cwd);
      expect(build.code, build.stderr).toBe(0);
      const test = await runCliAsync(['test', '--all-envs'], cwd);
      expect(test.code, test.stderr).toBe(0);
      for (const env of ['production', 'staging']) expect(test.stderr).toContain(`✓ ${env}: promtool test rules`);
      const fromOut = await runCliAsync(['test', '--out', 'generated'], cwd);
      expect(fromOut.code, fromOut.stderr).toBe(0);
    }
  });

  it("init's next hint works as printed from where the user stands", async () => {
    for (const dir of [undefined, 'ops/my monitoring']) {
      const cwd = tempDir('monspec-newcomer-');
      const r = runCli(['init', ...(dir ? [dir] : []), '--service', 'checkout'], cwd);
      expect(r.code, r.stderr).toBe(0);
      const hint = /^next: (.*)$/m.exec(r.stderr)?.[1];
      expect(hint).toBeDefined();
      const run = await sh(hint as string, cwd);
      expect(run.code, run.out).toBe(0);
      expect(run.out).toContain('✓ all tool checks passed');
    }
  });
});

describe('the starter sets what notifications need', () => {
  it('every alert of every environment links an absolute runbook URL', () => {
    const cwd = project('checkout');
    expect(runCli(['build', '--spec', 'monitoring', '--all-envs'], cwd).code).toBe(0);
    for (const env of ['production', 'staging']) {
      const rules = readFileSync(join(cwd, 'generated', env, 'prometheus', 'rules', 'alerts.rules.yml'), 'utf8');
      const urls = [...rules.matchAll(/runbook_url: (.*)/g)].map((m) => m[1] as string);
      expect(urls.length, env).toBeGreaterThan(0);
      for (const u of urls) expect(u, env).toMatch(/^['"]?https:\/\//);
    }
  });
});

describe('monspec validate tells the truth', () => {
  it('--all-envs checks every environment: an error only the staging overlay makes fails it', () => {
    const cwd = project('checkout');
    const envs = join(cwd, 'monitoring', 'environments.yaml');
    writeFileSync(envs, readFileSync(envs, 'utf8').replace('critical: 10%', 'critical: 0.5%'));
    expect(runCli(['validate'], cwd).code).toBe(0);
    const all = runCli(['validate', '--all-envs'], cwd);
    expect(all.code, all.stderr).toBe(1);
    expect(all.stdout).toMatch(/^monitoring\/[a-z]+\.yaml:\d+:\d+: error Unexpected warning level 1 % above the critical level 0\.5 %/m);
    expect(all.stderr).toContain('✓ monitoring (production)');
    expect(all.stderr).toContain('✗ monitoring (staging): 1 error(s)');
    const json = JSON.parse(runCli(['validate', '--all-envs', '--format', 'json'], cwd).stdout) as { valid: boolean; environments: Array<{ environment: string; valid: boolean }> };
    expect(json.valid).toBe(false);
    expect(json.environments.map((e) => [e.environment, e.valid])).toEqual([['production', true], ['staging', false]]);
  });

  it('runs the dashboard lint, so what build refuses does not validate; findings carry the spec file:line of the panel', () => {
    const cwd = project('checkout');
    const dashboards = join(cwd, 'monitoring', 'dashboards.yaml');
    const original = readFileSync(dashboards, 'utf8');
    // A raw counter rate over a fixed window in a graph: the dashboard lint's dashboard-rate-interval error.
    const text = original.replace('- expr: code:http_requests:rate5m', '- expr: sum by (code) (rate(http_requests_total[5m]))');
    expect(text).not.toBe(original);
    writeFileSync(dashboards, text);
    const build = runCli(['build'], cwd);
    expect(build.code).toBe(1);
    const r = runCli(['validate'], cwd);
    expect(r.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.trim() === 'requests:') + 1;
    expect(r.stdout).toMatch(new RegExp(`^monitoring/dashboards\\.yaml:${line}:\\d+: error Unexpected rate\\(…\\[5m\\]\\) in target A of panel 1 "Requests per second".*\\(dashboard checkout-overview, panel requests\\) \\[dashboard-rate-interval\\]$`, 'm'));
    // build reports the same finding at the same place.
    expect(build.stderr).toMatch(new RegExp(`^monitoring/dashboards\\.yaml:${line}:\\d+: error Unexpected rate\\(…\\[5m\\]\\)`, 'm'));
    const gh = runCli(['validate', '--format', 'github'], cwd);
    expect(gh.stdout).toMatch(new RegExp(`^::error file=monitoring/dashboards\\.yaml,line=${line},`, 'm'));
  });
});

describe('did you mean', () => {
  it('suggests the command or flag a typo is close to', () => {
    const cwd = project('checkout');
    const cmd = runCli(['bulid', '--all-envs'], cwd);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('Unexpected command "bulid"');
    expect(cmd.stderr).toContain('did you mean `monspec build --all-envs`?');
    const flag = runCli(['validate', '--all-env'], cwd);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--all-env' (did you mean --all-envs?");
    const far = runCli(['frobnicate'], cwd);
    expect(far.stderr).not.toContain('did you mean');
  });
});
