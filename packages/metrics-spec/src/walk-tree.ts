/**
 * The one directory walker (Node only, exported from `@monspec/metrics-spec/node`): the build
 * writer's scan of an output folder, the spec watcher, the docs check and the tests all list a tree
 * through it, so they agree on order and on symbolic links.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export type EntryKind = 'file' | 'dir' | 'link' | 'other';

export interface WalkOptions {
  /**
   * Leaves an entry out by its relative '/'-path and kind; a folder left out is not entered.
   * Default: nothing is left out.
   */
  readonly skip?: (path: string, kind: EntryKind) => boolean;
  /**
   * A folder (the root included) that cannot be read: return to leave it unlisted, or throw (the
   * default throws the file-system error, naming the folder in `err.path`).
   */
  readonly onError?: (err: unknown, absPath: string) => void;
}

function kindOfEntry(e: Dirent): EntryKind {
  return e.isSymbolicLink() ? 'link' : e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
}

/**
 * Everything below `dir` by relative '/'-path, in code-unit order of names level by level, with
 * lstat semantics: a symbolic link is reported as a `link` and never followed (it may point out of
 * the tree, or in a cycle). `dir` itself is read even when it is a link to a folder.
 */
export function walkTree(dir: string, options: WalkOptions = {}): Map<string, EntryKind> {
  const out = new Map<string, EntryKind>();
  const walk = (abs: string, rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      if (options.onError) return options.onError(err, abs);
      throw err;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      const kind = kindOfEntry(e);
      if (options.skip?.(path, kind)) continue;
      out.set(path, kind);
      if (kind === 'dir') walk(join(abs, e.name), path);
    }
  };
  walk(dir, '');
  return out;
}

/**
 * Whether a listed entry reads as a regular file: a file, or a link to one. For readers of a served
 * output (`build --atomic` makes every file a link into the current snapshot), as Grafana and
 * Prometheus read it; a link to a folder or a dangling link is not.
 */
export function readsAsFile(absPath: string, kind: EntryKind): boolean {
  if (kind === 'file') return true;
  if (kind !== 'link') return false;
  try {
    return statSync(absPath).isFile();
  } catch {
    return false;
  }
}
