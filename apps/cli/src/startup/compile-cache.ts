/**
 * Loads the CLI bundle (one CommonJS file, scripts/bundle.mjs) with a V8 code cache, so a process
 * does not parse and compile the same 6 MB of JavaScript on every run. Node 20 has no compile cache
 * of its own for this (`module.enableCompileCache` is Node 22), so this is what v8-compile-cache and
 * Node 22 do: compile with `vm.Script` and `cachedData`, and after a run whose cache was missing or
 * rejected, write `createCachedData()` (it then holds every function the run compiled).
 *
 * The cache is written at run time, not at build time, because V8's cache bytes differ from run to
 * run and the build must stay deterministic. One cache file per command (a `build` compiles other
 * functions than `--version`), per bundle content (a hash the bundle script computes), per Node
 * version and architecture. The cache is an optimisation only: every failure to read or write it
 * falls back to compiling the source, silently.
 */
import { isAscii } from 'node:buffer';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { constants as vmConstants, Script } from 'node:vm';

/** What happened to the cache on this load (tests and `--timings` users can tell a warm start). */
export type CacheState = 'hit' | 'miss' | 'rejected' | 'off';

export interface LoadedBundle<T> {
  readonly exports: T;
  readonly cache: CacheState;
  /** Writes the cache when it was missing or rejected (call once the run is done); never throws. */
  save(): void;
}

/**
 * The cache folder, or undefined when caching is off: `MONSPEC_COMPILE_CACHE=off` disables it, any
 * other value names the folder; by default a per-user folder in the system temp directory.
 * A cache file is code V8 runs, so a folder another user could write to is not used.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv, uid: number | undefined = process.getuid?.()): string | undefined {
  const setting = env.MONSPEC_COMPILE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  const dir = setting || join(tmpdir(), `monspec-compile-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    // POSIX only: owned by this user and writable by nobody else (Windows has no uid; its temp folder is per user).
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * The cache file's name: bundle content, Node version, architecture, command (a safe file name) and,
 * when Node runs with options (`node --max-old-space-size=…`, NODE_OPTIONS), a hash of them: V8
 * rejects a cache made under other V8 flags, so runs with and without them keep a file each.
 */
export function cacheFileName(bundleHash: string, command: string | undefined, nodeOptions = ''): string {
  const cmd = command !== undefined && /^[a-z][a-z-]{0,39}$/.test(command) ? command : 'other';
  return `${bundleHash}-${process.version}-${process.arch}-${cmd}${nodeOptions ? `-${fnv1a(nodeOptions)}` : ''}.cache`;
}

/** A 32-bit FNV-1a hash in hex: enough to tell option sets apart, without loading node:crypto. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Compiles and runs the CommonJS file `file` (as Node's own loader would: `exports`, `require`,
 * `module`, `__filename`, `__dirname`), with the cache at `cachePath` when given.
 */
export function loadBundle<T>(file: string, cachePath: string | undefined): LoadedBundle<T> {
  // The bundle is ASCII (scripts/bundle.mjs checks): read as Latin-1, a plain copy, not a UTF-8 decode.
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  let cachedData: Buffer | undefined;
  if (cachePath !== undefined) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      cachedData = undefined;
    }
  }
  // The same wrapper as Node's CommonJS loader, so the bundle sees the usual module scope.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // `import()` inside the bundle (none today: it is one file) resolves like the main program's.
    importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cache: CacheState = cachePath === undefined ? 'off' : !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (e: T, r: NodeJS.Require, m: { exports: T }, f: string, d: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cache,
    save() {
      if (cachePath === undefined || cache === 'hit') return;
      try {
        // Written whole, then renamed: processes running at the same time never read half a file.
        const tmp = join(dirname(cachePath), `.${basename(cachePath)}.${process.pid}`);
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cachePath);
      } catch {
        // A read-only or full temp folder: the next run compiles again, which is all the cache saves.
      }
    },
  };
}
