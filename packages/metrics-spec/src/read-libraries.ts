/**
 * Reads the spec libraries a spec imports (node only; `@monspec/metrics-spec/node`). Resolution is
 * done here, refusing hostile paths; composing them is the pure loader's job (load/imports.ts).
 * Nothing from an npm package is executed: only its package.json and its spec folder's YAML are read.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { isPlainObject } from './load/merge-documents.js';
import { parseSpecFile, type SpecFile } from './load/parse-yaml.js';

/** An import the reader refuses (hostile or missing): a usage error at the importing line. */
export class ImportError extends Error {
  constructor(
    /** The importing file, as a path relative to the spec directory (like diagnostics' files). */
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'ImportError';
  }
}

export interface ReadLibrariesOptions {
  /**
   * Imports must stay inside this folder (the repository). Default: the nearest folder above the
   * spec holding `.git`, else the spec folder itself.
   */
  readonly root?: string;
}

/** npm's rule for package names (validate-npm-package-name, without legacy names). */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/**
 * The spec's own files plus the files of every library it imports, directly or through another
 * library. Each library file's path is relative to the spec folder (`../../libraries/x/spec/a.yaml`),
 * and each importing file records how its `imports` resolved.
 */
export function readLibraries(specDir: string, own: readonly SpecFile[], readDir: (dir: string) => SpecFile[], options: ReadLibrariesOptions = {}): SpecFile[] {
  const specReal = realpathSync(specDir);
  const root = options.root !== undefined ? realpathSync(options.root) : (repositoryRoot(specReal) ?? specReal);
  const out: SpecFile[] = [];
  const read = new Set<string>();
  const queue: { dir: string; files: readonly SpecFile[] }[] = [{ dir: specReal, files: own }];
  const idOf = (dir: string) => relative(specReal, dir).split(sep).join('/') || '.';
  for (let unit = queue.shift(); unit; unit = queue.shift()) {
    for (const file of unit.files) {
      const imports = importsOf(file);
      if (imports.length === 0) {
        out.push(file);
        continue;
      }
      const resolvedImports: Record<string, string> = {};
      for (const imp of imports) {
        const refuse = (reason: string) => {
          const at = imp.at();
          return new ImportError(file.path, at.line, at.column, reason);
        };
        const lib = resolveImport(imp.from, unit.dir, root, refuse);
        const id = idOf(lib.dir);
        resolvedImports[imp.from] = id;
        if (read.has(lib.dir) || lib.dir === specReal) continue;
        read.add(lib.dir);
        const files = readDir(lib.dir).map((f) => ({ ...f, path: `${id}/${f.path}`, library: { id, ...(lib.package ? { package: lib.package } : {}) } }));
        queue.push({ dir: lib.dir, files });
      }
      out.push({ ...file, resolvedImports });
    }
  }
  return out;
}

/**
 * The spec folder and version of an npm library as resolved from `fromDir` (what a spec there that
 * imports `name` gets), by the same rules as imports. Throws an Error saying why not.
 */
export function resolveLibraryPackage(name: string, fromDir: string, options: ReadLibrariesOptions = {}): { dir: string; package: { name: string; version: string } } {
  const from = realpathSync(fromDir);
  const root = options.root !== undefined ? realpathSync(options.root) : (repositoryRoot(from) ?? from);
  if (!PACKAGE_NAME.test(name)) throw new Error(`Unexpected library "${name}", expected an npm package name`);
  return resolvePackage(name, from, root, (reason) => new Error(reason));
}

function repositoryRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * `from` and its place of each `imports` entry of a file (read before the loader, so only well-formed
 * ones). The place is found only for a refused import: locating builds the file's YAML syntax tree,
 * most of the read of a fleet's few-line specs (200 services: ~0.2 s of a 1.4 s incremental build).
 */
function importsOf(file: SpecFile): { from: string; at: () => { line: number; column: number } }[] {
  // A cheap test first: most specs import nothing, and parsing a large spec twice costs.
  if (!/(^|\n)["']?imports["']?\s*:/.test(file.text)) return [];
  const ignored: Diagnostic[] = [];
  const parsed = parseSpecFile(file, ignored);
  if (!isPlainObject(parsed.data) || !Array.isArray(parsed.data.imports)) return [];
  return parsed.data.imports.flatMap((entry: unknown, i) => {
    if (!isPlainObject(entry) || typeof entry.from !== 'string') return [];
    const at = () => {
      const loc = parsed.locations().value(`/imports/${i}/from`);
      return { line: loc?.line ?? 1, column: loc?.column ?? 1 };
    };
    return [{ from: entry.from, at }];
  });
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real folder of a library and its package; refuses absolute paths, escapes and symbolic links. */
function resolveImport(
  from: string,
  importerDir: string,
  root: string,
  refuse: (reason: string) => Error,
): { dir: string; package?: { name: string; version: string } } {
  if (isAbsolute(from) || /^[a-zA-Z]:[\\/]/.test(from) || from.startsWith('\\')) {
    throw refuse(`Unexpected absolute import path "${from}", expected a path relative to the importing file (./ or ../) or an npm package name`);
  }
  if (/^\.\.?(\/|$)/.test(from)) {
    const dir = resolve(importerDir, from);
    if (!inside(root, dir)) throw refuse(`Unexpected import "${from}" outside the repository (${root}), expected a library folder inside it`);
    if (!existsSync(dir)) throw refuse(`Unexpected import "${from}": ${dir} does not exist, expected a library folder`);
    if (realpathSync(dir) !== dir) throw refuse(`Unexpected import "${from}" through a symbolic link, expected a real folder inside the repository`);
    if (!statSync(dir).isDirectory()) throw refuse(`Unexpected import "${from}": ${dir} is not a folder, expected a library folder`);
    return { dir };
  }
  if (!PACKAGE_NAME.test(from)) throw refuse(`Unexpected import "${from}", expected ./path, ../path or an npm package name`);
  return resolvePackage(from, importerDir, root, refuse);
}

/**
 * node's lookup of a package folder (node_modules in the importing folder and each folder above it),
 * stopped at the repository root. The package's real folder must lie inside the repository (an npm
 * workspace's link into it is fine), and its `monspec.spec` names the spec folder inside the package.
 */
function resolvePackage(name: string, importerDir: string, root: string, refuse: (reason: string) => Error): { dir: string; package: { name: string; version: string } } {
  let found: string | undefined;
  for (let d = importerDir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', ...name.split('/'));
    if (existsSync(join(candidate, 'package.json'))) {
      found = candidate;
      break;
    }
    if (d === root || dirname(d) === d) break;
  }
  if (!found) throw refuse(`Unexpected import "${name}": no node_modules/${name} between the spec and the repository root, expected the package installed (npm install ${name})`);
  const real = realpathSync(found);
  if (!inside(root, real)) throw refuse(`Unexpected import "${name}": it resolves to ${real}, outside the repository, expected a package inside it`);
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8'));
  } catch (err) {
    throw refuse(`Unexpected package.json of "${name}": ${(err as Error).message}, expected JSON`);
  }
  const meta = isPlainObject(pkg) ? pkg : {};
  const spec = isPlainObject(meta.monspec) ? meta.monspec.spec : undefined;
  if (meta.name !== name) throw refuse(`Unexpected package name ${JSON.stringify(meta.name)} in node_modules/${name}/package.json, expected "${name}"`);
  if (typeof meta.version !== 'string') throw refuse(`Unexpected package ${name} without a version, expected "version" in its package.json`);
  if (typeof spec !== 'string' || isAbsolute(spec)) throw refuse(`Unexpected package ${name} without "monspec": { "spec": "FOLDER" } in its package.json, expected the relative folder of its spec library`);
  const dir = resolve(real, spec);
  if (!inside(real, dir)) throw refuse(`Unexpected spec folder "${spec}" of package ${name}, expected a folder inside the package`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw refuse(`Unexpected spec folder "${spec}" of package ${name}: not a folder, expected its spec library`);
  if (realpathSync(dir) !== dir || lstatSync(dir).isSymbolicLink()) throw refuse(`Unexpected spec folder "${spec}" of package ${name} through a symbolic link, expected a real folder`);
  return { dir, package: { name, version: meta.version } };
}
