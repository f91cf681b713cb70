/**
 * Services already built into folders (OUT/<service>/<env>/, each with its fleet entry and manifest):
 * found by the spec folder their entry names, and verified before the org merge or a reuse trusts
 * them (every file the manifest lists has its bytes, the entry is this monspec's build of the spec
 * as it is now).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { MANIFEST_PATH, isSafeRelativePath } from '../build/manifest.js';
import { FLEET_ENTRY_PATH, type FleetEntry } from './entry.js';

/** One service's built folder for one environment. */
export interface BuiltFolder {
  readonly dir: string;
  readonly entry: FleetEntry;
}

/** What must match for a built folder to stand for the service now. */
export interface Expected {
  readonly generator: string;
  readonly toolBuild: string;
  readonly specHash: string;
  readonly environment: string;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * The folders a `--from` pattern names, relative to `cwd`: `*` in a segment matches any folder name
 * (not starting with a dot). A folder that does not exist matches nothing.
 */
export function expandFolders(cwd: string, pattern: string): string[] {
  let dirs = [isAbsolute(pattern) ? '/' : cwd];
  for (const segment of pattern.split('/').filter((s) => s !== '' && s !== '.')) {
    if (!segment.includes('*')) {
      dirs = dirs.map((d) => resolve(d, segment)).filter((d) => existsSync(d) && statSync(d).isDirectory());
      continue;
    }
    const re = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    dirs = dirs.flatMap((d) => subfolders(d).filter((n) => re.test(n)).map((n) => join(d, n)));
  }
  return dirs;
}

/**
 * Every fleet entry under the roots (ROOT/<service>/<env>/fleet-entry.json), by the spec folder it
 * names, then environment; several folders may claim one spec (a renamed service's old folder).
 * An entry that is not JSON is skipped here: its folder is rebuilt, or reported missing by a merge.
 */
export function findBuiltFolders(roots: readonly string[], environments: readonly string[]): Map<string, Map<string, BuiltFolder[]>> {
  const found = new Map<string, Map<string, BuiltFolder[]>>();
  for (const root of roots) {
    for (const service of subfolders(root)) {
      for (const env of environments) {
        const dir = join(root, service, env);
        const file = join(dir, FLEET_ENTRY_PATH);
        if (!existsSync(file)) continue;
        let entry: FleetEntry;
        try {
          entry = JSON.parse(readFileSync(file, 'utf8')) as FleetEntry;
        } catch {
          continue;
        }
        if (typeof entry !== 'object' || entry === null || typeof entry.spec !== 'string') continue;
        const byEnv = found.get(entry.spec) ?? new Map<string, BuiltFolder[]>();
        found.set(entry.spec, byEnv);
        byEnv.set(env, [...(byEnv.get(env) ?? []), { dir, entry }]);
      }
    }
  }
  return found;
}

/**
 * Why a built folder does not stand for the service now (undefined: it does): another monspec,
 * another spec or environment, or a file whose bytes differ from its manifest (edited by hand, or
 * missing).
 */
export function staleness(folder: BuiltFolder, expected: Expected): string | undefined {
  const { entry, dir } = folder;
  if (entry.generator !== expected.generator) return `it was built by ${String(entry.generator)}, expected ${expected.generator}`;
  if (entry.toolBuild !== expected.toolBuild) return `it was built by another build of ${expected.generator} (${String(entry.toolBuild).slice(0, 12)}…), expected this one (${expected.toolBuild.slice(0, 12)}…)`;
  if (entry.environment !== expected.environment) return `its fleet entry is for environment ${String(entry.environment)}, expected ${expected.environment}`;
  if (entry.specHash !== expected.specHash) return `it was built from another version of the spec (spec hash ${String(entry.specHash).slice(0, 12)}…), expected the spec as it is now (${expected.specHash.slice(0, 12)}…)`;
  let manifest: { artifacts?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_PATH), 'utf8')) as { artifacts?: unknown };
  } catch {
    return `its ${MANIFEST_PATH} is missing or not JSON, expected the manifest monspec wrote`;
  }
  if (!Array.isArray(manifest.artifacts)) return `its ${MANIFEST_PATH} has no "artifacts" list, expected the manifest monspec wrote`;
  let listsEntry = false;
  for (const a of manifest.artifacts as unknown[]) {
    const { path, sha256: hash } = (a ?? {}) as { path?: unknown; sha256?: unknown };
    if (typeof path !== 'string' || !isSafeRelativePath(path) || typeof hash !== 'string') return `its ${MANIFEST_PATH} lists ${JSON.stringify(a)}, expected a path inside the folder with its sha256`;
    if (path === FLEET_ENTRY_PATH) listsEntry = true;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, ...path.split('/')));
    } catch {
      return `${path} is missing, expected the file its ${MANIFEST_PATH} lists`;
    }
    if (sha256(bytes) !== hash) return `${path} differs from its ${MANIFEST_PATH} (edited after the build?), expected the bytes monspec wrote`;
  }
  if (!listsEntry) return `its ${MANIFEST_PATH} does not list ${FLEET_ENTRY_PATH}, expected a folder written by a workspace build`;
  return undefined;
}
