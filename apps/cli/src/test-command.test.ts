import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTools } from '@monspec/test-kit';
import { EMBEDDED_SPEC, runCliAsync, tempDir } from './test-support/run-cli.js';

const tools = requireTools(['promtool', 'amtool']);
// In CI the tools are installed by scripts/install-tools.sh and these tests must run.
const run = tools.skip ? describe.skip : describe;
if (tools.skip) console.warn(`monspec test e2e ${tools.reason}`);

run('monspec test (real promtool and amtool)', () => {
  it('passes on freshly built artifacts of every environment, and fails when a generated test is broken', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--all-envs', '--out', 'out'], cwd)).code).toBe(0);
    const ok = await runCliAsync(['test', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('✓ production: promtool test rules');
    expect(ok.stderr).toContain('✓ staging: amtool config routes test (critical → team-slack)');
    expect(ok.stderr).toContain('✓ production: amtool config routes test (critical → oncall-pagerduty, team-slack)');
    expect(ok.stderr).toContain('✓ staging: site pages are what remark renders from the Markdown');
    expect(ok.stderr).toContain('✓ production: remark-lint over the Markdown documents');

    const testFile = join(cwd, 'out', 'production', 'prometheus', 'tests', 'alerts.test.yml');
    // Expect a different summary than the rule produces: promtool must disagree.
    const broken = readFileSync(testFile, 'utf8').replace(/summary: A tunnel circuit breaker stays open .*/, 'summary: something else');
    expect(broken).not.toBe(readFileSync(testFile, 'utf8'));
    writeFileSync(testFile, broken);
    const failed = await runCliAsync(['test', '--spec', EMBEDDED_SPEC, '--out', 'out', '--env', 'production'], cwd);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('✗ production: promtool test rules');
    // Three promtool runs over the SLO burn-rate scenarios (hours of 1m samples): a bound that only
    // stops a hang on a loaded 2-core machine.
  }, 240_000);

  it("runs promtool on the groups of the ruler the spec selects (a mimir namespace file), and fails when that file's rules break", async () => {
    const cwd = tempDir();
    const spec = join(cwd, 'spec');
    cpSync(EMBEDDED_SPEC, spec, { recursive: true });
    const environments = join(spec, 'environments.yaml');
    writeFileSync(environments, readFileSync(environments, 'utf8').replace(/^( {8}alerting:\n)( {10}engine: prometheus\n)/m, '$1$2          ruler: { type: mimir }\n'));
    expect((await runCliAsync(['build', '--spec', spec, '--env', 'staging', '--out', 'out'], cwd)).code).toBe(0);
    const ok = await runCliAsync(['test', '--spec', spec, '--env', 'staging', '--out', 'out'], cwd);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('✓ staging: promtool check rules (the groups of rulers/mimir/monspec-streaming-proxy.yaml)');
    const mimir = join(cwd, 'out', 'staging', 'rulers', 'mimir', 'monspec-streaming-proxy.yaml');
    writeFileSync(mimir, readFileSync(mimir, 'utf8').replace('expr: ', 'expr: sum(( '));
    const failed = await runCliAsync(['test', '--spec', spec, '--env', 'staging', '--out', 'out'], cwd);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('✗ staging: promtool check rules (the groups of rulers/mimir/monspec-streaming-proxy.yaml)');
  }, 240_000);

  it('passes on an output built with --atomic, whose files are links into the published snapshot', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--env', 'production', '--out', 'out', '--atomic'], cwd)).code).toBe(0);
    const ok = await runCliAsync(['test', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('✓ production: promtool test rules');
    expect(ok.stderr).toMatch(/✓ production: remark-lint over the Markdown documents \(\d+ files\)/);
    expect(ok.stderr).toContain('✓ production: the generated docs files are in the output');
  }, 240_000);

  it('fails when a site page no longer says what its Markdown says, or a link breaks', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    const page = join(cwd, 'out', 'production', 'site', 'runbooks', 'HighErrorRate.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<h2 id="meaning">Meaning', '<h2 id="meaning">Meaning (edited)'));
    const doc = join(cwd, 'out', 'production', 'docs', 'metrics.md');
    writeFileSync(doc, `${readFileSync(doc, 'utf8')}\nSee [nothing](nowhere.md).\n`);
    const r = await runCliAsync(['test', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ production: site pages are what remark renders from the Markdown');
    expect(r.stderr).toContain('site/runbooks/HighErrorRate.html:');
    expect(r.stderr).toContain('✗ production: links and anchors in docs and site');
    expect(r.stderr).toContain('docs/metrics.md: nowhere.md: no artifact docs/nowhere.md');
  });

  it('fails, naming it, when a docs file the docs generator describes is missing or behind a linked folder', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    const env = join(cwd, 'out', 'production');
    rmSync(join(env, 'site', 'metrics.html'));
    // A runbooks folder that is a link (to a faithful copy) is not read through: it could lead anywhere.
    renameSync(join(env, 'docs', 'runbooks'), join(cwd, 'runbooks-copy'));
    symlinkSync(join(cwd, 'runbooks-copy'), join(env, 'docs', 'runbooks'));
    const r = await runCliAsync(['test', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ production: the generated docs files are in the output');
    expect(r.stderr).toContain('site/metrics.html: missing, unreadable or behind a linked folder');
    expect(r.stderr).toContain('docs/runbooks/HighErrorRate.md: missing, unreadable or behind a linked folder');
  });

  it('checks only the docs inside the output folder: a symbolic link in docs/ is not followed out of it', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    const outside = join(cwd, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'stray.md'), '# Stray\n\nSee [nothing](nowhere.md).\n');
    symlinkSync(outside, join(cwd, 'out', 'production', 'docs', 'elsewhere'));
    // A link back up would make a recursive walk that follows links read the tree again and again.
    symlinkSync('..', join(cwd, 'out', 'production', 'docs', 'up'));
    const r = await runCliAsync(['test', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(r.stderr).not.toContain('stray.md');
    expect(r.stderr).toContain('✓ production: links and anchors in docs and site');
    expect(r.code, r.stderr).toBe(0);
  });

  it('exits 2 and names the Debian package when a tool is missing', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    const bin = join(cwd, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = await runCliAsync(['test', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd, { PATH: bin });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('install the Debian package prometheus');
  });
});
