import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test-support/run-cli.js';
import { cacheFileName, compileCacheDir, loadBundle } from './compile-cache.js';

/** A CommonJS file like the bundle: module scope, `require`, `__dirname`, a function to call later. */
function writeBundle(dir: string, answer: number): string {
  const file = join(dir, 'bundle.js');
  const body = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
  writeFileSync(file, `'use strict';\nconst { join } = require('node:path');\n${body}\nmodule.exports = { answer: () => f0(${answer}), here: join(__dirname, 'x') };\n`);
  return file;
}

describe('loadBundle (V8 code cache)', () => {
  it('compiles without a cache, writes one when asked, and the next load uses it', () => {
    const dir = tempDir();
    const file = writeBundle(dir, 42);
    const cache = join(dir, 'bundle.cache');
    const first = loadBundle<{ answer(): number; here: string }>(file, cache);
    expect(first.cache).toBe('miss');
    expect(first.exports.answer()).toBe(42);
    expect(first.exports.here).toBe(join(dir, 'x'));
    expect(existsSync(cache)).toBe(false);
    first.save();
    expect(statSync(cache).size).toBeGreaterThan(0);
    const second = loadBundle<{ answer(): number }>(file, cache);
    expect(second.cache).toBe('hit');
    expect(second.exports.answer()).toBe(42);
    // No temporary file is left next to the cache.
    expect(readdirSync(dir).sort()).toEqual(['bundle.cache', 'bundle.js']);
  });

  it('a cache V8 rejects (another source) is replaced after the run', () => {
    const dir = tempDir();
    const cache = join(dir, 'bundle.cache');
    const a = loadBundle(writeBundle(dir, 1), cache);
    a.save();
    const before = readFileSync(cache);
    writeFileSync(join(dir, 'bundle.js'), `module.exports = { answer: () => 7 };\n`);
    const b = loadBundle<{ answer(): number }>(join(dir, 'bundle.js'), cache);
    expect(b.cache).toBe('rejected');
    expect(b.exports.answer()).toBe(7);
    b.save();
    expect(readFileSync(cache).equals(before)).toBe(false);
    expect(loadBundle(join(dir, 'bundle.js'), cache).cache).toBe('hit');
  });

  it('a cache file that is garbage is rejected, not run', () => {
    const dir = tempDir();
    const cache = join(dir, 'bundle.cache');
    writeFileSync(cache, Buffer.alloc(4096, 7));
    const loaded = loadBundle<{ answer(): number }>(writeBundle(dir, 3), cache);
    expect(loaded.cache).toBe('rejected');
    expect(loaded.exports.answer()).toBe(3);
  });

  it('reads a file with non-ASCII text as UTF-8', () => {
    const dir = tempDir();
    const file = join(dir, 'bundle.js');
    writeFileSync(file, "module.exports = { text: 'é — ✓' };\n");
    expect(loadBundle<{ text: string }>(file, undefined).exports.text).toBe('é — ✓');
  });

  it('without a cache path it neither reads nor writes one', () => {
    const dir = tempDir();
    const loaded = loadBundle<{ answer(): number }>(writeBundle(dir, 5), undefined);
    expect(loaded.cache).toBe('off');
    loaded.save();
    expect(readdirSync(dir)).toEqual(['bundle.js']);
  });

  it('a cache folder that cannot be written to costs nothing but the cache', () => {
    const dir = tempDir();
    const loaded = loadBundle<{ answer(): number }>(writeBundle(dir, 9), join(dir, 'missing', 'deeper', 'bundle.cache'));
    expect(loaded.cache).toBe('miss');
    expect(() => loaded.save()).not.toThrow();
    expect(loaded.exports.answer()).toBe(9);
  });
});

describe('compileCacheDir', () => {
  it('is off with MONSPEC_COMPILE_CACHE=off (or 0)', () => {
    expect(compileCacheDir({ MONSPEC_COMPILE_CACHE: 'off' })).toBeUndefined();
    expect(compileCacheDir({ MONSPEC_COMPILE_CACHE: '0' })).toBeUndefined();
  });

  it('creates the named folder, readable and writable by this user only', () => {
    const dir = join(tempDir(), 'cache');
    expect(compileCacheDir({ MONSPEC_COMPILE_CACHE: dir })).toBe(dir);
    if (process.platform !== 'win32') expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('refuses a folder others can write to, or another user owns (the cache is code V8 runs)', () => {
    const dir = join(tempDir(), 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(compileCacheDir({ MONSPEC_COMPILE_CACHE: dir })).toBeUndefined();
    chmodSync(dir, 0o700);
    const uid = statSync(dir).uid;
    expect(compileCacheDir({ MONSPEC_COMPILE_CACHE: dir }, uid)).toBe(dir);
    expect(compileCacheDir({ MONSPEC_COMPILE_CACHE: dir }, uid + 1)).toBeUndefined();
  });

  it('refuses a path that is a file', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    expect(compileCacheDir({ MONSPEC_COMPILE_CACHE: file })).toBeUndefined();
  });
});

describe('cacheFileName', () => {
  it('names bundle, Node version, architecture and command; anything but a command name is "other"', () => {
    expect(cacheFileName('abc', 'build')).toBe(`abc-${process.version}-${process.arch}-build.cache`);
    expect(cacheFileName('abc', 'check-endpoint')).toBe(`abc-${process.version}-${process.arch}-check-endpoint.cache`);
    expect(cacheFileName('abc', '--version')).toBe(`abc-${process.version}-${process.arch}-other.cache`);
    expect(cacheFileName('abc', '../../etc/passwd')).toBe(`abc-${process.version}-${process.arch}-other.cache`);
    expect(cacheFileName('abc', undefined)).toBe(`abc-${process.version}-${process.arch}-other.cache`);
  });
  it('keeps runs under other Node options apart (V8 would reject the cache and rewrite it every time)', () => {
    const plain = cacheFileName('abc', 'build');
    const big = cacheFileName('abc', 'build', '--max-old-space-size=4096');
    expect(big).toMatch(new RegExp(`^abc-${process.version.replace(/\./g, '\\.')}-${process.arch}-build-[0-9a-f]{8}\\.cache$`));
    expect(big).not.toBe(plain);
    expect(cacheFileName('abc', 'build', '--max-old-space-size=8192')).not.toBe(big);
    expect(cacheFileName('abc', 'build', '--max-old-space-size=4096')).toBe(big);
  });
});

describe('the monspec bin and its compile cache', () => {
  it('writes one cache per command on the first run, uses it after, and prints the same', () => {
    const cache = join(tempDir(), 'cache');
    const first = runCli(['rules'], tempDir(), { MONSPEC_COMPILE_CACHE: cache });
    expect(first.code, first.stderr).toBe(0);
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}-rules\\.cache$`));
    const written = statSync(join(cache, files[0] as string)).mtimeMs;
    const second = runCli(['rules'], tempDir(), { MONSPEC_COMPILE_CACHE: cache });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    // A hit is not written again.
    expect(statSync(join(cache, files[0] as string)).mtimeMs).toBe(written);
    // A usage error (exit 2) writes no cache: a typo would leave a file each.
    expect(runCli(['frobnicate'], tempDir(), { MONSPEC_COMPILE_CACHE: cache }).code).toBe(2);
    expect(runCli(['rules', '--frob'], tempDir(), { MONSPEC_COMPILE_CACHE: cache }).code).toBe(2);
    expect(readdirSync(cache)).toEqual(files);
  });

  it('--version, --help and no command run main.ts alone (main-light.js): no bundle, no cache', () => {
    const cache = join(tempDir(), 'cache');
    const version = runCli(['--version'], tempDir(), { MONSPEC_COMPILE_CACHE: cache });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['--help'], tempDir(), { MONSPEC_COMPILE_CACHE: cache });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: monspec <command> [options]');
    expect(runCli([], tempDir(), { MONSPEC_COMPILE_CACHE: cache }).code).toBe(2);
    expect(existsSync(cache)).toBe(false);
  });

  it('a run with NODE_OPTIONS keeps its own cache file', () => {
    const cache = join(tempDir(), 'cache');
    expect(runCli(['rules'], tempDir(), { MONSPEC_COMPILE_CACHE: cache }).code).toBe(0);
    expect(runCli(['rules'], tempDir(), { MONSPEC_COMPILE_CACHE: cache, NODE_OPTIONS: '--max-old-space-size=512' }).code).toBe(0);
    const files = readdirSync(cache).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/-rules-[0-9a-f]{8}\.cache$/);
    expect(files[1]).toMatch(/-rules\.cache$/);
  });

  it('MONSPEC_COMPILE_CACHE=off writes nothing', () => {
    const cwd = tempDir();
    const r = runCli(['rules'], cwd, { MONSPEC_COMPILE_CACHE: 'off', TMPDIR: cwd });
    expect(r.code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
