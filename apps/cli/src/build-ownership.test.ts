import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_SPEC, copyEmbeddedSpec, runCliAsync, tempDir, type CliRun } from './test-support/run-cli.js';

/** No crash, no stack trace, and the message names `path` and what to do. */
function expectUsageError(r: CliRun, path: string): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).toContain(path);
  expect(r.stderr).toMatch(/expected /);
}

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('monspec build never loses a file it does not own', () => {
  it('--ops-docs into a folder with a user file (an ADR folder) is refused, and --force writes beside it', async () => {
    const cwd = tempDir();
    const adr = join(cwd, 'docs', 'adr');
    mkdirSync(adr, { recursive: true });
    writeFileSync(join(adr, '0001-use-monspec.md'), '# ADR 1\n');
    const refused = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--ops-docs', 'docs/adr'], cwd);
    expectUsageError(refused, join(adr, '0001-use-monspec.md'));
    expect(refused.stderr).toContain('--force');
    expect(listing(adr)).toEqual(['0001-use-monspec.md']);
    expect(existsSync(join(cwd, 'out'))).toBe(false);

    const forced = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--ops-docs', 'docs/adr', '--force'], cwd);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(adr, '0001-use-monspec.md'), 'utf8')).toBe('# ADR 1\n');
    expect(existsSync(join(adr, 'TUNNEL_MONITORING_SETUP.md'))).toBe(true);
    // Once monspec has a manifest there, the next build needs no --force and still keeps the ADR.
    const again = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--ops-docs', 'docs/adr'], cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(adr, '0001-use-monspec.md'), 'utf8')).toBe('# ADR 1\n');
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--ops-docs', 'docs/adr', '--check'], cwd)).stdout).toContain(`extra    ${join(adr, '0001-use-monspec.md')}`);
  });

  it('refuses the spec folder, a home folder and the root as --ops-docs or --out, touching nothing', async () => {
    const cwd = tempDir();
    const spec = copyEmbeddedSpec();
    const home = tempDir('monspec-home-');
    writeFileSync(join(home, '.bashrc'), 'export X=1\n');
    const specFiles = listing(spec);
    for (const args of [
      ['--ops-docs', spec],
      ['--ops-docs', home],
      ['--ops-docs', '/'],
      ['--out', spec],
      ['--out', home],
      ['--out', '/'],
    ]) {
      const r = await runCliAsync(['build', '--spec', spec, '--out', 'out', ...args], cwd, { HOME: home });
      expectUsageError(r, args[1] as string);
      expect(listing(spec), args.join(' ')).toEqual(specFiles);
      expect(listing(home), args.join(' ')).toEqual(['.bashrc']);
    }
    expect(existsSync('/production')).toBe(false);
  });

  it('keeps user files under OUT/<env>/, and removes only files its previous manifest listed', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    const env = join(cwd, 'out', 'production');
    writeFileSync(join(env, 'NOTES.md'), 'my notes\n');
    mkdirSync(join(env, 'grafana', 'mine'));
    writeFileSync(join(env, 'grafana', 'mine', 'board.json'), '{}\n');
    // A file an older build wrote and this one no longer generates: listed in the old manifest.
    const manifestPath = join(env, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { artifacts: { path: string }[] };
    manifest.artifacts.push({ path: 'old/obsolete.yml' });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    mkdirSync(join(env, 'old'));
    writeFileSync(join(env, 'old', 'obsolete.yml'), 'x: 1\n');

    const r = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(env, 'NOTES.md'), 'utf8')).toBe('my notes\n');
    expect(readFileSync(join(env, 'grafana', 'mine', 'board.json'), 'utf8')).toBe('{}\n');
    expect(existsSync(join(env, 'old'))).toBe(false);
    expect(r.stderr).toContain('kept 2 file(s) monspec does not own');
  });

  it('refuses to overwrite a user file at an artifact path that its manifest does not list', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    const env = join(cwd, 'out', 'production');
    const rules = join(env, 'prometheus', 'rules', 'alerts.rules.yml');
    // Not in the manifest any more, and edited: it is the user's now.
    const manifestPath = join(env, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { artifacts: { path: string }[] };
    manifest.artifacts = manifest.artifacts.filter((a) => a.path !== 'prometheus/rules/alerts.rules.yml');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(rules, 'groups: [] # mine\n');
    const overwrite = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expectUsageError(overwrite, rules);
    expect(readFileSync(rules, 'utf8')).toBe('groups: [] # mine\n');
    // With monspec's "Do not edit" note it is a generated file the manifest missed (a merge): replaced.
    writeFileSync(rules, '# Generated by monspec from an older spec. Do not edit.\ngroups: []\n');
    const merged = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(rules, 'utf8')).toContain('alert: HighErrorRate');

  });

  it('refuses a symbolic link where it writes a folder, keeping the link and what it points to', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    const theirs = tempDir('monspec-theirs-');
    writeFileSync(join(theirs, 'keep.json'), 'keep\n');
    const grafana = join(cwd, 'out', 'production', 'grafana');
    rmSync(grafana, { recursive: true });
    symlinkSync(theirs, grafana);
    const inside = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expectUsageError(inside, grafana);
    expect(inside.stderr).toContain('symbolic link');
    expect(lstatSync(grafana).isSymbolicLink()).toBe(true);
    expect(listing(theirs)).toEqual(['keep.json']);

    // The environment folder itself a link.
    mkdirSync(join(cwd, 'out2'));
    symlinkSync(theirs, join(cwd, 'out2', 'production'));
    const whole = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out2'], cwd);
    expectUsageError(whole, join(cwd, 'out2', 'production'));
    expect(lstatSync(join(cwd, 'out2', 'production')).isSymbolicLink()).toBe(true);
    expect(listing(theirs)).toEqual(['keep.json']);
  });

  it('a file where a folder should be, or --out naming a file, is a usage error that keeps the file', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'out', 'production'), { recursive: true });
    writeFileSync(join(cwd, 'out', 'production', 'grafana'), 'my file\n');
    const blocked = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--force'], cwd);
    expectUsageError(blocked, join(cwd, 'out', 'production', 'grafana'));
    expect(readFileSync(join(cwd, 'out', 'production', 'grafana'), 'utf8')).toBe('my file\n');

    writeFileSync(join(cwd, 'file.txt'), 'x\n');
    expectUsageError(await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'file.txt'], cwd), 'file.txt');
    expectUsageError(await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'file.txt/sub'], cwd), 'file.txt');
    expectUsageError(await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'fresh', '--ops-docs', 'file.txt'], cwd), 'file.txt');
    expect(readFileSync(join(cwd, 'file.txt'), 'utf8')).toBe('x\n');
  });

  it('--ops-docs with a non-production --env is a usage error, not an internal error', async () => {
    const cwd = tempDir();
    const r = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--env', 'staging', '--out', 'out', '--ops-docs', 'ops'], cwd);
    expectUsageError(r, '--env staging');
    expect(existsSync(join(cwd, 'ops'))).toBe(false);
  });

  it('an unwritable output folder is a usage error naming it, not "internal error: EACCES"', async () => {
    const cwd = tempDir();
    let out: string;
    if (process.getuid?.() === 0) {
      out = '/sys/monspec-cannot-write-here'; // root ignores permissions; /sys refuses new folders
    } else {
      mkdirSync(join(cwd, 'locked'));
      chmodSync(join(cwd, 'locked'), 0o555);
      out = join(cwd, 'locked', 'out');
    }
    const r = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', out], cwd);
    expectUsageError(r, out);
  });

  it('adopts a folder without a manifest whose files all carry the "Generated by monspec" note (docs/OPERATIONS before manifests)', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--ops-docs', 'ops'], cwd)).code).toBe(0);
    const ops = join(cwd, 'ops');
    unlinkSync(join(ops, '.monspec-manifest.json'));
    const old = join(ops, 'runbooks', 'RemovedAlert.md');
    writeFileSync(old, '# RemovedAlert\n\n<!-- Generated by monspec from the spec. Do not edit. -->\n');
    const r = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--ops-docs', 'ops'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('adopted');
    expect(existsSync(old)).toBe(false);
    expect(existsSync(join(ops, '.monspec-manifest.json'))).toBe(true);
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--ops-docs', 'ops', '--check'], cwd)).code).toBe(0);
  });

  it('a manifest listing paths outside its folder (a hostile PR) is refused and nothing outside is touched', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    writeFileSync(join(cwd, 'precious.txt'), 'mine\n');
    const manifestPath = join(cwd, 'out', 'production', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { artifacts: { path: string }[] };
    manifest.artifacts.push({ path: '../../precious.txt' });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const r = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expectUsageError(r, manifestPath);
    expect(readFileSync(join(cwd, 'precious.txt'), 'utf8')).toBe('mine\n');
  });
});

describe('monspec build --ops-docs picks its environment', () => {
  it('a spec without a production environment gets the ops docs of its default one with --all-envs', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['init', 'monitoring', '--service', 'checkout'], cwd)).code).toBe(0);
    const envs = join(cwd, 'monitoring', 'environments.yaml');
    writeFileSync(envs, readFileSync(envs, 'utf8').replace(/^ {2}production:/m, '  live:'));
    const r = await runCliAsync(['build', '--spec', 'monitoring', '--all-envs', '--out', 'out', '--ops-docs', 'ops'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'ops', '.monspec-manifest.json'), 'utf8'))).toMatchObject({ environment: 'live' });
  });
});
