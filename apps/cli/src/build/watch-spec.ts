import { statSync, watch, type FSWatcher } from 'node:fs';
import { walkTree } from '@monspec/metrics-spec/node';
import { basename, dirname, join } from 'node:path';

export interface SpecWatch {
  close(): void;
}

/**
 * Calls `onChange` for every change below `dir` that may matter to the spec: a *.yaml/*.yml file, or
 * a folder appearing or going. One non-recursive watcher per folder, set up synchronously (Node 20's
 * recursive mode on Linux walks the tree asynchronously and misses edits made right after it starts),
 * re-synchronised on every event: folders created later get a watcher, and a spec folder that is
 * deleted and created again (a `git checkout`, an editor's atomic save of a folder) is watched anew —
 * the parent folder is watched for its name.
 */
export function watchSpecDir(dir: string, onChange: () => void): SpecWatch {
  const watchers = new Map<string, { watcher: FSWatcher; ino: number }>();
  let closed = false;

  const unwatch = (path: string) => {
    watchers.get(path)?.watcher.close();
    watchers.delete(path);
  };

  /** Brings the watchers in line with the folders that exist now; true when the set changed. */
  const sync = (): boolean => {
    if (closed) return false;
    const present = new Map<string, number>();
    // A folder gone while walking is left out: the next event syncs again.
    const folders = [dir, ...[...walkTree(dir, { skip: (_path, kind) => kind !== 'dir', onError: () => undefined }).keys()].map((rel) => join(dir, rel))];
    for (const d of folders) {
      try {
        present.set(d, statSync(d).ino);
      } catch {
        // Gone between the walk and here.
      }
    }
    let changed = false;
    for (const path of [...watchers.keys()]) {
      if (present.get(path) !== watchers.get(path)?.ino) {
        unwatch(path);
        changed = true;
      }
    }
    for (const [path, ino] of present) {
      if (watchers.has(path)) continue;
      try {
        const watcher = watch(path, (_event, file) => onEvent(file));
        // A watched folder that is deleted may report an error: drop it, the next sync re-adds it.
        watcher.on('error', () => {
          unwatch(path);
          onChange();
        });
        watchers.set(path, { watcher, ino });
        changed = true;
      } catch {
        // Deleted between the walk and here.
      }
    }
    return changed;
  };

  const onEvent = (file: string | Buffer | null) => {
    const changed = sync();
    if (changed || file === null || /\.ya?ml$/.test(String(file))) onChange();
  };

  // The parent tells when the spec folder itself is removed or created again.
  let parent: FSWatcher | undefined;
  try {
    parent = watch(dirname(dir), (_event, file) => {
      if (file === null || String(file) === basename(dir)) onEvent(null);
    });
    parent.on('error', () => parent?.close());
  } catch {
    parent = undefined;
  }
  sync();
  return {
    close() {
      closed = true;
      parent?.close();
      for (const path of [...watchers.keys()]) unwatch(path);
    },
  };
}
