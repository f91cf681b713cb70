import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_SPEC, BIN, copyEmbeddedSpec, runCliAsync, tempDir } from './test-support/run-cli.js';

function setCritical(spec: string, percent: number): void {
  const path = join(spec, 'thresholds.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/(error_rate:[\s\S]*?critical: )\d+%/, `$1${percent}%`));
}

/** Every bookkeeping entry (temp folder, journal, lock) anywhere under `dir`, not what a temp folder holds. */
function bookkeeping(dir: string): string[] {
  const isOurs = (name: string) => name === '.monspec.lock' || name === '.monspec-journal.json' || name.startsWith('.monspec-staging-');
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => {
      const parts = p.split('/');
      return isOurs(parts[parts.length - 1] as string) && !parts.slice(0, -1).some((s) => s.startsWith('.monspec-staging-'));
    });
}

const read = (path: string) => readFileSync(path, 'utf8');

describe('monspec build is atomic for crashes', () => {
  it('a build killed before its commit point changes nothing; --check reports its temp folders and the next build removes them', async () => {
    const cwd = tempDir();
    const spec = copyEmbeddedSpec();
    const args = ['build', '--spec', spec, '--all-envs', '--out', 'out'];
    expect((await runCliAsync(args, cwd)).code).toBe(0);
    const before = ['production', 'staging'].map((e) => read(join(cwd, 'out', e, 'manifest.json')));
    setCritical(spec, 4);
    const killed = await runCliAsync(args, cwd, { MONSPEC_TEST_KILL_AT: 'staged' });
    expect(killed.code, killed.stderr).toBeNull();
    expect(['production', 'staging'].map((e) => read(join(cwd, 'out', e, 'manifest.json')))).toEqual(before);
    // Its lock stays too (taken over by the next build); its temp folders are the findings.
    const left = bookkeeping(join(cwd, 'out')).filter((p) => !p.endsWith('.monspec.lock'));
    expect(left.length).toBeGreaterThan(0);

    const check = await runCliAsync([...args, '--check'], cwd);
    expect(check.code).toBe(1);
    for (const p of left) expect(check.stdout).toContain(`leftover ${join(cwd, 'out', p)}`);

    const next = await runCliAsync(args, cwd);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/removed .*\.monspec-staging-.*a temp folder a killed build left/);
    expect(bookkeeping(join(cwd, 'out'))).toEqual([]);
    expect((await runCliAsync([...args, '--check'], cwd)).code).toBe(0);
  });

  it('a build killed in the middle of its renames is completed by the next build, for every environment and the ops docs', async () => {
    const cwd = tempDir();
    const spec = copyEmbeddedSpec();
    const args = ['build', '--spec', spec, '--all-envs', '--out', 'out', '--ops-docs', 'ops'];
    expect((await runCliAsync(args, cwd)).code).toBe(0);
    const manifests = () => [join(cwd, 'out', 'production', 'manifest.json'), join(cwd, 'out', 'staging', 'manifest.json'), join(cwd, 'ops', '.monspec-manifest.json')].map(read);
    const before = manifests();
    setCritical(spec, 4);
    const killed = await runCliAsync(args, cwd, { MONSPEC_TEST_KILL_AT: 'renamed:2' });
    expect(killed.code, killed.stderr).toBeNull();
    // Killed after its commit point: the journal is there, and no manifest is new yet (they go last).
    expect(existsSync(join(cwd, 'out', '.monspec-journal.json'))).toBe(true);
    expect(manifests()).toEqual(before);
    expect((await runCliAsync([...args, '--check'], cwd)).stdout).toContain(`leftover ${join(cwd, 'out', '.monspec-journal.json')}`);

    // The recovery alone must bring every folder to the new state: had it not, this build would
    // have something to stage and would kill itself at that point.
    const next = await runCliAsync(args, cwd, { MONSPEC_TEST_KILL_AT: 'staged' });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(new RegExp(`completed the build of process ${killed.pid}\\b`));
    expect(bookkeeping(join(cwd, 'out'))).toEqual([]);
    expect(bookkeeping(join(cwd, 'ops'))).toEqual([]);
    expect(read(join(cwd, 'out', 'production', 'prometheus', 'rules', 'alerts.rules.yml'))).toContain('> 0.04');
    expect((await runCliAsync([...args, '--check'], cwd)).code).toBe(0);
  });
});

describe('monspec build trusts no bookkeeping it did not write', () => {
  it('a journal from a hostile PR that names a temp folder outside the output is refused, and nothing is deleted', async () => {
    const cwd = tempDir();
    const victim = join(cwd, 'src');
    const staging = join(victim, '.monspec-staging-1-abcd');
    mkdirSync(staging, { recursive: true });
    writeFileSync(join(victim, 'precious.ts'), 'export {};\n');
    writeFileSync(join(staging, 'plan.json'), JSON.stringify({ build: '1-abcd', journal: '../../out/.monspec-journal.json', removeFirst: ['precious.ts'], writes: [], removeAfter: [], manifest: null }));
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'out', '.monspec-journal.json'), JSON.stringify({ build: '1-abcd', pid: 1, staging: ['../src/.monspec-staging-1-abcd'] }));
    const r = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${join(cwd, 'out', '.monspec-journal.json')}: it names ${staging}, which is not a temp folder of this output`);
    expect(read(join(victim, 'precious.ts'))).toBe('export {};\n');
  });
});

describe('monspec build cleans up after older monspec versions', () => {
  it('finds the .<env>.tmp-<pid> / .<env>.old-<pid> folders a killed build of an older monspec left, restoring a missing folder', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd)).code).toBe(0);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const out = join(cwd, 'out');
    // Killed between its two renames: the folder is gone, the previous copy is .production.old-<pid>.
    renameSync(join(out, 'production'), join(out, `.production.old-${dead}`));
    mkdirSync(join(out, `.production.tmp-${dead}`));
    writeFileSync(join(out, `.production.tmp-${dead}`, 'manifest.json'), '{}');
    const check = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--check'], cwd);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`leftover ${join(out, `.production.old-${dead}`)}`);
    expect(check.stdout).toContain(`leftover ${join(out, `.production.tmp-${dead}`)}`);
    const r = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd, { MONSPEC_TEST_KILL_AT: 'staged' });
    // Restored, and identical to what this build makes: nothing to stage, so the crash point is never reached.
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`restored ${join(out, 'production')} from ${join(out, `.production.old-${dead}`)}`);
    expect(readdirSync(out).sort()).toEqual(['production']);
  });
});

describe('monspec build is atomic for readers and serialised between builds', () => {
  it('a second build into the same output waits for the first', async () => {
    const cwd = tempDir();
    const release = join(cwd, 'release');
    const first = runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd, { MONSPEC_TEST_HOLD_LOCK_UNTIL: release });
    const lock = join(cwd, 'out', '.monspec.lock');
    for (let i = 0; i < 1200 && !existsSync(lock); i++) await sleep(50);
    const holder = read(lock).trim();
    const child = spawn(process.execPath, [BIN, 'build', '--spec', EMBEDDED_SPEC, '--out', 'out'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const second = new Promise<number | null>((done) => child.on('close', done));
    for (let i = 0; i < 1200 && !stderr.includes('waiting for'); i++) await sleep(50);
    expect(stderr).toContain(`waiting for the build in process ${holder} to finish`);
    // While the first holds the lock the second has written nothing.
    expect(existsSync(join(cwd, 'out', 'production'))).toBe(false);
    writeFileSync(release, '');
    const firstRun = await first;
    expect(firstRun.code, firstRun.stderr).toBe(0);
    expect(await second, stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect((await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out', '--check'], cwd)).code).toBe(0);
  });

  it('a stale lock of a killed build is taken over with a message', async () => {
    const cwd = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(cwd, 'out'));
    writeFileSync(join(cwd, 'out', '.monspec.lock'), `${dead}\n`);
    const r = await runCliAsync(['build', '--spec', EMBEDDED_SPEC, '--out', 'out'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`taking over the stale lock ${join(cwd, 'out', '.monspec.lock')} (process ${dead} is no longer running`);
    expect(existsSync(join(cwd, 'out', '.monspec.lock'))).toBe(false);
  });

  it('a reader polling during rebuilds always finds the folder and a complete manifest; the folder is never replaced', async () => {
    const cwd = tempDir();
    const spec = copyEmbeddedSpec();
    const args = ['build', '--spec', spec, '--out', 'out'];
    expect((await runCliAsync(args, cwd)).code).toBe(0);
    const manifest = join(cwd, 'out', 'production', 'manifest.json');
    const stop = join(cwd, 'stop');
    // A tight loop in its own process: the manifest must exist at every look, and parse.
    const poller = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); let polls = 0, misses = 0, partial = 0;
       for (;;) {
         if (polls % 200 === 0 && fs.existsSync(${JSON.stringify(stop)})) break;
         polls++;
         const st = fs.statSync(${JSON.stringify(manifest)}, { throwIfNoEntry: false });
         if (st === undefined) { misses++; continue; }
         if (polls % 20 === 0) { try { JSON.parse(fs.readFileSync(${JSON.stringify(manifest)}, 'utf8')); } catch { partial++; } }
       }
       process.stdout.write(JSON.stringify({ polls, misses, partial }));`,
    ]);
    let out = '';
    poller.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const closed = new Promise((done) => poller.on('close', done));
    // The environment folder itself must never be renamed away or created anew (inotify sees that
    // deterministically, however short the moment).
    const folderEvents: string[] = [];
    const watcher = watch(join(cwd, 'out'), (event, file) => {
      if (String(file) === 'production') folderEvents.push(event);
    });
    try {
      for (const percent of [4, 6, 4]) {
        setCritical(spec, percent);
        const r = await runCliAsync(args, cwd);
        expect(r.code, r.stderr).toBe(0);
      }
    } finally {
      writeFileSync(stop, '');
      await closed;
      watcher.close();
    }
    expect(read(join(cwd, 'out', 'production', 'prometheus', 'rules', 'alerts.rules.yml'))).toContain('> 0.04');
    expect(folderEvents).toEqual([]);
    const { polls, misses, partial } = JSON.parse(out) as { polls: number; misses: number; partial: number };
    expect(polls).toBeGreaterThan(1000);
    expect({ misses, partial }).toEqual({ misses: 0, partial: 0 });
  });
});
