import { realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * The path with every existing part resolved through symbolic links (the missing tail appended), so
 * `--out ~/x/..` and a link to the spec folder compare equal to what they name. A file where a folder
 * is needed is a usage error.
 */
function realPath(path: string, option: string): string {
  let existing = path;
  const tail: string[] = [];
  for (;;) {
    try {
      const real = realpathSync(existing);
      if (tail.length > 0 && !statSync(real).isDirectory()) {
        throw new UsageError(`Unexpected file ${existing} in the ${option} path ${path}, expected a folder: move the file away or choose another ${option}`);
      }
      return tail.length === 0 ? real : join(real, ...tail.reverse());
    } catch (err) {
      if (err instanceof UsageError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError(`Unexpected ${code} for the ${option} path ${path}: ${(err as Error).message}, expected a readable path`);
      if (dirname(existing) === existing) return path;
      tail.push(basename(existing));
      existing = dirname(existing);
    }
  }
}

/** a is b or inside b. */
function within(a: string, b: string): boolean {
  return a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
}

export interface Layout {
  readonly out: string;
  /** OUT/<env> for every environment of the build. */
  readonly envDirs: readonly string[];
  readonly opsDocs: string | undefined;
  readonly specDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Refuses, before anything is written, output folders no build should own: the file system root, a
 * home folder, the spec folder (monspec would read its own output as spec) or one holding it, and an
 * --ops-docs folder overlapping an environment's folder. A folder inside the spec folder is fine: the
 * loader reads only the spec folder's own files, never its subfolders.
 */
export function checkLayout(layout: Layout): void {
  const spec = realPath(layout.specDir, '--spec');
  const homes = [homedir(), layout.env.HOME].filter((h): h is string => typeof h === 'string' && h !== '').map((h) => realPath(h, 'HOME'));
  const refuse = (option: string, path: string, why: string) => {
    throw new UsageError(`Unexpected ${option} ${path}: ${why}, expected a folder of its own such as ./generated (monspec owns and rewrites the folders it builds)`);
  };
  const guard = (option: string, given: string, real: string) => {
    if (dirname(real) === real) refuse(option, given, 'it is the file system root');
    if (homes.includes(real)) refuse(option, given, 'it is a home folder');
    if (real === spec) refuse(option, given, `it is the spec folder ${layout.specDir}, whose YAML files monspec would read back as spec`);
    if (within(spec, real)) refuse(option, given, `it holds the spec folder ${layout.specDir}`);
  };
  const out = realPath(layout.out, '--out');
  let outIsFolder = true;
  try {
    outIsFolder = statSync(out).isDirectory();
  } catch {
    // Missing: the build creates it.
  }
  if (!outIsFolder) refuse('--out', layout.out, 'it is a file');
  if (dirname(out) === out) refuse('--out', layout.out, 'it is the file system root');
  if (homes.includes(out)) refuse('--out', layout.out, 'it is a home folder');
  if (out === spec) refuse('--out', layout.out, `it is the spec folder ${layout.specDir}, whose YAML files monspec would read back as spec`);
  const envDirs = layout.envDirs.map((d) => ({ given: d, real: realPath(d, '--out') }));
  for (const d of envDirs) guard('--out', d.given, d.real);
  if (layout.opsDocs !== undefined) {
    const ops = realPath(layout.opsDocs, '--ops-docs');
    guard('--ops-docs', layout.opsDocs, ops);
    if (ops === out) refuse('--ops-docs', layout.opsDocs, 'it is the --out folder');
    for (const d of envDirs) {
      if (within(ops, d.real) || within(d.real, ops)) refuse('--ops-docs', layout.opsDocs, `it overlaps the environment folder ${d.given}`);
    }
  }
}
