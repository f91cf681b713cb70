/**
 * Golden files through vitest's file snapshots, with one discipline for every package:
 * - each file is `toMatchFileSnapshot`, byte for byte; a stale golden fails;
 * - in CI (vitest's snapshot mode `none`) a missing golden fails, it is never written;
 * - a file in the golden folder that the generator no longer writes fails (removed when updating);
 * - `UPDATE_GOLDEN=1 npx vitest run` (or `npx vitest run -u`) rewrites them, refused in CI.
 * The package's vitest config must spread `goldenTestOptions()` (`@monspec/test-kit/vitest-config`).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { isCi } from './ci.js';
import { GOLDEN_UPDATE_KEY } from './golden-key.js';

export interface GoldenFile {
  /** Relative path inside the golden folder, with `/`. */
  readonly path: string;
  readonly content: string;
}

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function updating(): boolean {
  const value = inject(GOLDEN_UPDATE_KEY);
  if (typeof value !== 'boolean') throw new Error("Unexpected golden test without its setup, expected the package's vitest.config.ts to spread goldenTestOptions() from @monspec/test-kit/vitest-config");
  return value;
}

/**
 * Declares the golden tests of `files` against the folder `dir` (absolute): one test per file, and
 * one that the folder holds no other file.
 */
export function describeGoldenFiles(title: string, dir: string, files: readonly GoldenFile[]): void {
  describe(title, () => {
    const written = new Set(files.map((f) => f.path));

    it('writes each golden file at most once', () => {
      expect(written.size, 'two files with one path').toBe(files.length);
    });

    it.each(files.map((f) => [f.path, f.content] as const))('%s matches its golden file', async (path, content) => {
      // The hint names the fix in vitest's "Snapshot … mismatched" (a stale golden, or a missing one in CI).
      await expect(content).toMatchFileSnapshot(join(dir, path), `golden ${path}: review the diff, then UPDATE_GOLDEN=1 npx vitest run`);
    });

    it('has no golden file the generator no longer writes', () => {
      const extra = () => filesBelow(dir).filter((p) => !written.has(p));
      if (updating()) for (const p of extra()) rmSync(join(dir, p));
      expect(extra(), `golden files in ${dir} that nothing generates: delete them (UPDATE_GOLDEN=1 npx vitest run does)`).toEqual([]);
    });
  });
}

export interface GoldenImage {
  /** Relative path inside the golden folder, with `/`. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * Golden images, compared with a tolerance instead of byte for byte (a rasteriser or font update
 * moves a few anti-aliased pixels): `differs(expected, actual)` is the share of pixels that differ
 * (0..1; the caller decodes and compares, so this kit needs no image library), and an image fails
 * above `tolerance`. Same discipline as `describeGoldenFiles`: rewritten only with UPDATE_GOLDEN=1
 * (refused in CI), a missing image is written locally and fails in CI, an image within tolerance is
 * never rewritten, and a file nothing writes fails.
 */
export function describeGoldenImages(title: string, dir: string, images: readonly GoldenImage[], differs: (expected: Uint8Array, actual: Uint8Array) => number, tolerance: number): void {
  describe(title, () => {
    const written = new Set(images.map((f) => f.path));

    it.each(images.map((f) => [f.path, f.bytes] as const))('%s matches its golden image within the tolerance', (path, bytes) => {
      const file = join(dir, path);
      const write = () => {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, bytes);
      };
      if (!existsSync(file)) {
        expect(isCi(), `golden image ${path} is missing: run UPDATE_GOLDEN=1 npx vitest run without CI and review it`).toBe(false);
        write();
        return;
      }
      const share = differs(new Uint8Array(readFileSync(file)), bytes);
      if (share > tolerance && updating()) write();
      else expect(share, `golden image ${path}: ${(share * 100).toFixed(2)} % of the pixels differ (tolerance ${(tolerance * 100).toFixed(2)} %); review, then UPDATE_GOLDEN=1 npx vitest run`).toBeLessThanOrEqual(tolerance);
    });

    it('has no golden image nothing writes', () => {
      const extra = () => filesBelow(dir).filter((p) => !written.has(p));
      if (updating()) for (const p of extra()) rmSync(join(dir, p));
      expect(extra(), `golden images in ${dir} that nothing writes: delete them (UPDATE_GOLDEN=1 npx vitest run does)`).toEqual([]);
    });
  });
}
