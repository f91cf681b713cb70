import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { walkTree, type EntryKind } from '@monspec/metrics-spec/node';
import { asUsageError, fsDo } from './fs-errors.js';

/** Names the writer uses for its own bookkeeping; never artifacts, never a user's files. */
export const LOCK_NAME = '.monspec.lock';
export const JOURNAL_NAME = '.monspec-journal.json';
export const STAGING_PREFIX = '.monspec-staging-';
/** The atomic layout (snapshot.ts): OUT/.monspec-current → .monspec-snapshots/<build id>. */
export const CURRENT_LINK = '.monspec-current';
export const SNAPSHOTS_DIR = '.monspec-snapshots';

function isBookkeeping(name: string): boolean {
  return name === LOCK_NAME || name === JOURNAL_NAME || name.startsWith(STAGING_PREFIX);
}

/** lstat that answers undefined for a missing path (and a usage error for an unreadable one). */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return fsDo('reading', path, () => {
      throw err;
    });
  }
}

/**
 * Everything below `dir` by relative '/'-path, without following symbolic links (a link is reported
 * as a link, never entered) and without the writer's own bookkeeping at the top level.
 */
export function scanTree(dir: string): Map<string, EntryKind> {
  return walkTree(dir, {
    skip: (path) => !path.includes('/') && isBookkeeping(path),
    onError: (err, abs) => {
      throw asUsageError(err, 'reading the folder', abs);
    },
  });
}

/** The folders above `path` inside its tree: 'a/b/c.json' → ['a', 'a/b']. */
export function ancestors(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The entries of a folder, none when it is missing or unreadable (for leftover searches, not writes). */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
