import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Artifact } from '@monspec/metrics-spec';

/**
 * Replaces `dir` with exactly `artifacts`, atomically as far as a directory can be: everything is
 * written to a sibling temp dir first, and only then swapped in with renames. A failure while
 * writing leaves the previous output untouched.
 */
export function writeTree(dir: string, artifacts: readonly Artifact[]): void {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const base = dir.slice(parent.length + 1);
  const temp = join(parent, `.${base}.tmp-${process.pid}`);
  const old = join(parent, `.${base}.old-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  try {
    mkdirSync(temp, { recursive: true });
    for (const a of artifacts) {
      const target = join(temp, ...a.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, a.content);
    }
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  const hadOld = existsSync(dir);
  if (hadOld) renameSync(dir, old);
  try {
    renameSync(temp, dir);
  } catch (err) {
    if (hadOld) renameSync(old, dir);
    rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface TreeDifference {
  readonly stale: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

/** What `build --check` reports: files whose bytes differ, files not there, files nobody generates. */
export function diffTree(dir: string, artifacts: readonly Artifact[]): TreeDifference {
  const onDisk = new Set(listFiles(dir));
  const stale: string[] = [];
  const missing: string[] = [];
  for (const a of artifacts) {
    if (!onDisk.has(a.path)) missing.push(a.path);
    else if (readFileSync(join(dir, ...a.path.split('/')), 'utf8') !== a.content) stale.push(a.path);
    onDisk.delete(a.path);
  }
  return { stale, missing, extra: [...onDisk].sort() };
}
