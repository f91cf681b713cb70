/**
 * The golden discipline, proved on a real vitest run: a child vitest runs a one-file project
 * (__fixtures__/golden-project) whose golden folder each test prepares, with and without CI=true.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFiles } from './files.js';

const PROJECT = fileURLToPath(new URL('./__fixtures__/golden-project/', import.meta.url));
const VITEST = fileURLToPath(new URL('../../../node_modules/vitest/vitest.mjs', import.meta.url));
const FILES = [
  { path: 'a.json', content: '{"a":1}\n' },
  { path: 'nested/b.yaml', content: 'b: 2\n' },
];

const tmp = mkdtempSync(join(tmpdir(), 'monspec-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A golden folder holding `files`. */
function goldenDir(files: Readonly<Record<string, string>>): string {
  return writeFiles(Object.entries(files).map(([path, content]) => ({ path, content })), join(tmp, `g${n++}`));
}

/** Runs the fixture project against `dir` with `env` (CI, UPDATE_GOLDEN) and vitest `args`. */
function run(dir: string, env: Readonly<Record<string, string>>, args: readonly string[] = []): { code: number | null; output: string } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !['CI', 'UPDATE_GOLDEN', 'UPDATE_SNAPSHOT', 'NODE_ENV', 'TEST'].includes(k)));
  const r = spawnSync(process.execPath, [VITEST, 'run', '--root', PROJECT, ...args], {
    encoding: 'utf8',
    env: { ...base, NO_COLOR: '1', GOLDEN_FIXTURE_DIR: dir, GOLDEN_FIXTURE_FILES: JSON.stringify(FILES), ...env },
    timeout: 100_000,
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

/** `run` without blocking the worker's event loop (vitest's RPC to the worker times out when it is blocked for long). */
function runAsync(dir: string, env: Readonly<Record<string, string>>): Promise<{ code: number | null; output: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !['CI', 'UPDATE_GOLDEN', 'UPDATE_SNAPSHOT', 'NODE_ENV', 'TEST'].includes(k)));
  return new Promise((done) => {
    const child = spawn(process.execPath, [VITEST, 'run', '--root', PROJECT], { env: { ...base, NO_COLOR: '1', GOLDEN_FIXTURE_DIR: dir, GOLDEN_FIXTURE_FILES: JSON.stringify(FILES), ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

const all = Object.fromEntries(FILES.map((f) => [f.path, f.content]));
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('golden files (a child vitest run)', () => {
  it('passes when every golden matches and no other file is there (CI=true)', () => {
    const r = run(goldenDir(all), { CI: 'true' });
    expect(r.output).toMatch(/Tests\s+4 passed/);
    expect(r.code).toBe(0);
  });

  it('fails on a missing golden with CI=true, and does not write it', () => {
    const dir = goldenDir({ 'a.json': all['a.json']! });
    const r = run(dir, { CI: 'true' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('FAIL  goldens.fixture.ts > fixture goldens > nested/b.yaml matches its golden file');
    expect(r.output).toContain('golden nested/b.yaml: review the diff, then UPDATE_GOLDEN=1 npx vitest run');
    expect(r.output).toMatch(/Tests\s+1 failed \| 3 passed/);
    expect(existsSync(join(dir, 'nested/b.yaml'))).toBe(false);
  });

  it('writes a missing golden locally (vitest\'s "new" mode: git shows the new file to review and commit)', () => {
    const dir = goldenDir({ 'a.json': all['a.json']! });
    const r = run(dir, {});
    expect(r.code, r.output).toBe(0);
    expect(read(dir, 'nested/b.yaml')).toBe(all['nested/b.yaml']);
  });

  it('fails on a stale golden with CI=true', () => {
    const r = run(goldenDir({ ...all, 'a.json': '{"a":0}\n' }), { CI: 'true' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('golden a.json: review the diff, then UPDATE_GOLDEN=1 npx vitest run');
    expect(r.output).toContain('- {"a":0}');
  });

  it('fails on a stale golden locally too (only a missing one is written there, vitest\'s "new" mode)', () => {
    const r = run(goldenDir({ ...all, 'a.json': '{"a":0}\n' }), {});
    expect(r.code).toBe(1);
    expect(r.output).toContain('golden a.json: review the diff');
  });

  it('fails on an extra golden file, naming it', () => {
    const dir = goldenDir({ ...all, 'old/gone.json': '{}\n' });
    const r = run(dir, { CI: 'true' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('has no golden file the generator no longer writes');
    expect(r.output).toContain('old/gone.json');
    expect(existsSync(join(dir, 'old/gone.json'))).toBe(true);
  });

  it('UPDATE_GOLDEN=1 rewrites a stale golden, writes a missing one and deletes an extra one', () => {
    const dir = goldenDir({ 'a.json': 'stale\n', 'old/gone.json': '{}\n' });
    const r = run(dir, { UPDATE_GOLDEN: '1' });
    expect(r.code, r.output).toBe(0);
    expect(read(dir, 'a.json')).toBe(all['a.json']);
    expect(read(dir, 'nested/b.yaml')).toBe(all['nested/b.yaml']);
    expect(existsSync(join(dir, 'old/gone.json'))).toBe(false);
  });

  it('vitest -u rewrites like UPDATE_GOLDEN=1', () => {
    const dir = goldenDir({ 'a.json': 'stale\n' });
    const r = run(dir, {}, ['-u']);
    expect(r.code, r.output).toBe(0);
    expect(read(dir, 'a.json')).toBe(all['a.json']);
  });

  it.each([
    ['UPDATE_GOLDEN=1', { CI: 'true', UPDATE_GOLDEN: '1' }, []],
    ['vitest -u', { CI: 'true' }, ['-u']],
  ] as const)('refuses %s with CI=true, writing nothing', (_, env, args) => {
    const dir = goldenDir({ 'a.json': 'stale\n' });
    const r = run(dir, env, args);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('Unexpected UPDATE_GOLDEN=1 (or vitest -u) with CI=true');
    expect(read(dir, 'a.json')).toBe('stale\n');
  });
});

describe('golden images with a tolerance (a child vitest run)', () => {
  const IMAGE = 'abcdefgh';
  const images = (env: Readonly<Record<string, string>>) => ({ ...env, GOLDEN_FIXTURE_IMAGES: JSON.stringify([{ path: 'pic.png', content: IMAGE }]) });

  it('passes within the tolerance and leaves the golden as it is (CI=true)', async () => {
    const dir = goldenDir({ 'pic.png': 'abcdefgX' });
    const r = await runAsync(dir, images({ CI: 'true' }));
    expect(r.code, r.output).toBe(0);
    expect(read(dir, 'pic.png')).toBe('abcdefgX');
  });

  it('fails above the tolerance, saying how much differs, locally and with CI=true', async () => {
    for (const env of [{}, { CI: 'true' }] as ReadonlyArray<Readonly<Record<string, string>>>) {
      const dir = goldenDir({ 'pic.png': 'abcdeXYZ' });
      const r = await runAsync(dir, images(env));
      expect(r.code).toBe(1);
      expect(r.output).toContain('golden image pic.png: 37.50 % of the pixels differ (tolerance 25.00 %)');
      expect(read(dir, 'pic.png')).toBe('abcdeXYZ');
    }
  });

  it('a missing image fails with CI=true and is not written; locally it is written', async () => {
    const ci = goldenDir({});
    expect((await runAsync(ci, images({ CI: 'true' }))).code).toBe(1);
    expect(existsSync(join(ci, 'pic.png'))).toBe(false);
    const local = goldenDir({});
    expect((await runAsync(local, images({}))).code).toBe(0);
    expect(read(local, 'pic.png')).toBe(IMAGE);
  });

  it('UPDATE_GOLDEN=1 rewrites an image above the tolerance and deletes one nothing writes; refused with CI=true', async () => {
    const dir = goldenDir({ 'pic.png': 'XYZdefgh', 'old.png': 'x' });
    expect((await runAsync(dir, images({ UPDATE_GOLDEN: '1' }))).code).toBe(0);
    expect(read(dir, 'pic.png')).toBe(IMAGE);
    expect(existsSync(join(dir, 'old.png'))).toBe(false);
    const refused = goldenDir({ 'pic.png': 'XYZdefgh' });
    expect((await runAsync(refused, images({ CI: 'true', UPDATE_GOLDEN: '1' }))).code).not.toBe(0);
    expect(read(refused, 'pic.png')).toBe('XYZdefgh');
  });
});
