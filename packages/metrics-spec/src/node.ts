/**
 * The one file-reading helper of this package, on its own subpath (`@monspec/metrics-spec/node`) so
 * the core stays pure: the CLI and tests use it to read a spec directory.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSpecBytes } from './load/decode.js';
import type { SpecFile } from './load/parse-yaml.js';
import { compileSpec, type CompileOptions, type CompileResult } from './pipeline.js';
import { EMBEDDED_SPEC_DIR } from './embedded.js';

import { walkTree } from './walk-tree.js';
import { readLibraries, type ReadLibrariesOptions } from './read-libraries.js';
export { ImportError, resolveLibraryPackage, type ReadLibrariesOptions } from './read-libraries.js';
export { readsAsFile, walkTree, type EntryKind, type WalkOptions } from './walk-tree.js';

/** Larger spec files are refused before reading (a generated spec of 1,000 services is ~10 MB). */
export const MAX_SPEC_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The *.yaml / *.yml files directly in `dir`, sorted by name. Subdirectories are not read, so an
 * output folder (or anything else) kept inside the spec folder is never parsed as spec. A name
 * that is not a regular file (a FIFO, socket or device, also through a symlink) is refused rather
 * than read, since reading a FIFO blocks forever. Throws on such files (a usage error, exit 2).
 */
export function readSpecDir(dir: string, options: { readonly noLinks?: boolean } = {}): SpecFile[] {
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
  const out: SpecFile[] = [];
  // Folders are not entered; a link is followed by the stat below (a link to a FIFO is refused).
  for (const [name, kind] of walkTree(dir, { skip: (_path, kind) => kind === 'dir' })) {
    if (!/\.ya?ml$/.test(name)) continue;
    // A library's files are never read through a link (it could point anywhere on the machine).
    if (options.noLinks && kind === 'link') throw new Error(`Unexpected symbolic link ${join(dir, name)} in a spec library, expected a regular *.yaml file`);
    const full = join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) continue;
    if (!stat.isFile()) throw new Error(`Unexpected ${fileKind(stat)} ${name}, expected a regular *.yaml file`);
    if (stat.size > MAX_SPEC_FILE_BYTES) throw new Error(`Unexpected ${name} of ${stat.size} bytes, expected a spec file of at most ${MAX_SPEC_FILE_BYTES} bytes`);
    out.push(decodeSpecBytes(name, readFileSync(full)));
  }
  return out;
}

function fileKind(stat: ReturnType<typeof statSync> & object): string {
  if (stat.isFIFO()) return 'FIFO (named pipe)';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  return 'special file';
}

/**
 * The spec directory's files and those of every library it imports (see readLibraries). Throws an
 * `ImportError` (file:line of the import) for a refused or missing import.
 */
export function readSpecWithLibraries(dir: string, options: ReadLibrariesOptions = {}): SpecFile[] {
  return readLibraries(dir, readSpecDir(dir), (libDir) => readSpecDir(libDir, { noLinks: true }), options);
}

/** Reads (with its libraries) and compiles a spec directory (the embedded tunnel spec by default). */
export function compileSpecDir(dir: string = EMBEDDED_SPEC_DIR, options: CompileOptions & ReadLibrariesOptions = {}): CompileResult {
  return compileSpec(readSpecWithLibraries(dir, options), options);
}
