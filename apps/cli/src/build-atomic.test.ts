/**
 * `build --atomic`: the environments of an output a running Prometheus, Alertmanager or Grafana reads
 * are published together by one rename, so no reader and no crash ever sees a half-new set.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyEmbeddedSpec, runCliAsync, tempDir } from './test-support/run-cli.js';

const ENVS = ['production', 'staging'];

function setCritical(spec: string, percent: number): void {
  const path = join(spec, 'thresholds.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/(error_rate:[\s\S]*?critical: )\d+%/, `$1${percent}%`));
}

/** Every file below `dir` (relative paths), links followed as files, the writer's bookkeeping left out. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => !p.split('/').some((s) => s.startsWith('.monspec')) && !lstatSync(join(dir, p)).isDirectory())
    .sort();
}

/** Each environment's files and bytes as a reader sees them now. */
function contents(out: string): Map<string, string> {
  const seen = new Map<string, string>();
  for (const env of ENVS) for (const p of files(join(out, env))) seen.set(`${env}/${p}`, readFileSync(join(out, env, p), 'utf8'));
  return seen;
}

/** A plain (non-atomic) build of `spec` elsewhere: what each file must read. */
async function reference(spec: string): Promise<Map<string, string>> {
  const cwd = tempDir();
  const r = await runCliAsync(['build', '--spec', spec, '--all-envs', '--out', 'out'], cwd);
  expect(r.code, r.stderr).toBe(0);
  return contents(join(cwd, 'out'));
}

function snapshots(out: string): string[] {
  return readdirSync(join(out, '.monspec-snapshots'));
}

describe('monspec build --atomic', () => {
  it('publishes every environment through one link: real folders, files that are links into one snapshot, the same bytes as a plain build; later builds keep the layout', async () => {
    const cwd = tempDir();
    const out = join(cwd, 'out');
    const spec = copyEmbeddedSpec();
    const args = ['build', '--spec', spec, '--all-envs', '--out', 'out'];
    const first = await runCliAsync([...args, '--atomic'], cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(readlinkSync(join(out, '.monspec-current'))).toMatch(/^\.monspec-snapshots\/\d+-[0-9a-f]{8}$/);
    expect(contents(out)).toEqual(await reference(spec));
    for (const env of ENVS) {
      for (const p of readdirSync(join(out, env), { recursive: true }) as string[]) {
        const st = lstatSync(join(out, env, p));
        // Folders stay real (Grafana keys dashboards by their resolved path); files are links.
        expect(st.isDirectory() || (st.isSymbolicLink() && readlinkSync(join(out, env, p)).includes(`.monspec-current/${env}/${p}`)), `${env}/${p}`).toBe(true);
      }
    }
    expect((await runCliAsync([...args, '--check'], cwd)).code).toBe(0);

    // A user's file beside them is kept; a build without --atomic keeps the layout.
    writeFileSync(join(out, 'production', 'NOTES.md'), 'mine\n');
    setCritical(spec, 4);
    const second = await runCliAsync(args, cwd);
    expect(second.code, second.stderr).toBe(0);
    expect(lstatSync(join(out, 'production', 'prometheus', 'rules', 'alerts.rules.yml')).isSymbolicLink()).toBe(true);
    const now = contents(out);
    expect(now.get('production/NOTES.md')).toBe('mine\n');
    now.delete('production/NOTES.md');
    expect(now).toEqual(await reference(spec));
    expect(snapshots(out)).toHaveLength(1);

    // Nothing changed: nothing is published (the snapshot stays).
    const published = readlinkSync(join(out, '.monspec-current'));
    expect((await runCliAsync(args, cwd)).code).toBe(0);
    expect(readlinkSync(join(out, '.monspec-current'))).toBe(published);
  });

  it('a build killed before its swap leaves the old set in every environment, one killed after it the new set; the next build cleans up', async () => {
    for (const [killAt, expectNew] of [['staged', false], ['swapped', true]] as const) {
      const cwd = tempDir();
      const out = join(cwd, 'out');
      const spec = copyEmbeddedSpec();
      const args = ['build', '--spec', spec, '--all-envs', '--out', 'out'];
      expect((await runCliAsync([...args, '--atomic'], cwd)).code).toBe(0);
      const before = contents(out);
      setCritical(spec, 4);
      const after = await reference(spec);
      const killed = await runCliAsync(args, cwd, { MONSPEC_TEST_KILL_AT: killAt });
      expect(killed.code, `${killAt}: ${killed.stderr}`).toBeNull();
      expect(contents(out), killAt).toEqual(expectNew ? after : before);
      const check = await runCliAsync([...args, '--check'], cwd);
      expect(check.code, killAt).toBe(1);
      expect(check.stdout, killAt).toContain('leftover');

      const next = await runCliAsync(args, cwd);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).toMatch(/removed .*which a killed build left/);
      expect(contents(out)).toEqual(after);
      expect(snapshots(out)).toHaveLength(1);
      expect((await runCliAsync([...args, '--check'], cwd)).code).toBe(0);
    }
  });

  it('when a build adds and drops files, a crash after the swap leaves no dangling link: dropped names are gone, added ones come with the next build', async () => {
    const cwd = tempDir();
    const out = join(cwd, 'out');
    const starter = join(cwd, 'starter');
    expect((await runCliAsync(['init', starter, '--service', 'payments'], cwd)).code).toBe(0);
    expect((await runCliAsync(['build', '--spec', starter, '--all-envs', '--out', 'out', '--atomic'], cwd)).code).toBe(0);
    const tunnel = copyEmbeddedSpec();
    const args = ['build', '--spec', tunnel, '--all-envs', '--out', 'out'];
    const killed = await runCliAsync(args, cwd, { MONSPEC_TEST_KILL_AT: 'swapped' });
    expect(killed.code, killed.stderr).toBeNull();
    const after = await reference(tunnel);
    const seen = contents(out); // throws on a dangling link
    for (const [path, text] of seen) expect(after.get(path), path).toBe(text);
    expect(seen.size).toBeLessThan(after.size);

    expect((await runCliAsync(args, cwd)).code).toBe(0);
    expect(contents(out)).toEqual(after);
  });

  it('a reader sees one build at a time in every environment, and never a missing file, while builds run', async () => {
    const cwd = tempDir();
    const out = join(cwd, 'out');
    const spec = copyEmbeddedSpec();
    const args = ['build', '--spec', spec, '--all-envs', '--out', 'out', '--atomic'];
    expect((await runCliAsync(args, cwd)).code).toBe(0);
    const rules = ENVS.map((env) => `${env}/prometheus/rules/alerts.rules.yml`);
    // Each environment's rules as each build makes them: the first build's, then 4 % and 6 %.
    const expected = new Map<string, string[]>();
    for (const percent of [undefined, 4, 6]) {
      if (percent !== undefined) setCritical(spec, percent);
      const ref = await reference(spec);
      expected.set(String(percent ?? 'first'), rules.map((r) => ref.get(r) ?? ''));
    }
    let building = true;
    const builds = (async () => {
      for (const percent of [4, 6, 4, 6]) {
        setCritical(spec, percent);
        const r = await runCliAsync(args, cwd);
        expect(r.code, r.stderr).toBe(0);
      }
      building = false;
    })();
    const observed = new Set<string>();
    let consistent = 0;
    while (building) {
      const before = await readlink(join(out, '.monspec-current'));
      const texts = await Promise.all(rules.map((r) => readFile(join(out, r), 'utf8'))); // ENOENT fails the test
      const after = await readlink(join(out, '.monspec-current'));
      if (before !== after) continue; // a swap between the reads: no single build to compare with
      const matching = [...expected].filter(([, want]) => want.every((w, i) => w === texts[i])).map(([build]) => build);
      expect(matching, 'both environments read one and the same build').toHaveLength(1);
      observed.add(before);
      consistent++;
    }
    await builds;
    expect(consistent).toBeGreaterThan(0);
    expect(observed.size).toBeGreaterThan(1);
  });

  it('refuses a .monspec-current or .monspec-snapshots that is not its own, and deletes nothing through them', async () => {
    for (const hostile of ['current', 'snapshots'] as const) {
      const cwd = tempDir();
      const out = join(cwd, 'out');
      const victim = join(cwd, 'victim');
      mkdirSync(join(victim, '1-00000000'), { recursive: true });
      writeFileSync(join(victim, '1-00000000', 'keep.txt'), 'keep\n');
      const spec = copyEmbeddedSpec();
      expect((await runCliAsync(['build', '--spec', spec, '--out', 'out', '--atomic'], cwd)).code).toBe(0);
      if (hostile === 'current') {
        // A link to another folder, as a hostile PR could commit it.
        unlinkSync(join(out, '.monspec-current'));
        symlinkSync('../victim', join(out, '.monspec-current'));
      } else {
        renameSync(join(out, '.monspec-snapshots'), join(cwd, 'moved'));
        symlinkSync(victim, join(out, '.monspec-snapshots'));
      }
      setCritical(spec, 4);
      const r = await runCliAsync(['build', '--spec', spec, '--out', 'out'], cwd);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(hostile === 'current' ? /Unexpected .*\.monspec-current \(a link to \.\.\/victim\), expected monspec's link/ : /Unexpected .*\.monspec-snapshots: it is a symbolic link/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(join(victim, '1-00000000', 'keep.txt'), 'utf8')).toBe('keep\n');
    }
  });
});
