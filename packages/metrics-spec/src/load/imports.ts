import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { own } from '../own.js';
import { SourceMap, type FileLocations } from '../source-map.js';
import { isPlainObject, mergeDocuments, mergeLayer, type Layer } from './merge-documents.js';
import { overlayLayer } from './overlay.js';
import { bindParams, substitute, type ParamDecl } from './params.js';
import { parseSpecFile, type ParsedFile, type SpecFile } from './parse-yaml.js';
import { dropReservedKeys } from './reserved-keys.js';
import { validateAgainstSchema } from './validate-schema.js';

/** The id of the importing spec itself (library ids are folders relative to it). */
const ROOT = '.';

/**
 * Names a library parameter may not take: `${...}` placeholders the resolver fills later
 * (placeholders.ts), which a library parameter of the same name would replace too early.
 */
const RESOLVER_PLACEHOLDERS: ReadonlySet<string> = new Set(['threshold', 'value', 'for', 'budget', 'objective']);

interface Unit {
  readonly id: string;
  readonly files: readonly SpecFile[];
  readonly package?: { readonly name: string; readonly version: string };
}

interface ImportSite {
  readonly from: string;
  readonly params: Record<string, unknown>;
  readonly file: ParsedFile;
  readonly resolved: string | undefined;
  /** Pointer of the entry in its file (`/imports/0`). */
  readonly at: string;
}

interface Context {
  readonly units: ReadonlyMap<string, Unit>;
  readonly diagnostics: Diagnostic[];
  /** npm package name → the first import of it, with its version. */
  readonly packages: Map<string, { version: string; site: ImportSite }>;
  /** library id → its first import (a library is imported once per spec). */
  readonly imported: Map<string, ImportSite>;
  /** file path → where its library was first imported, for messages. */
  readonly importedAt: Map<string, SourceLocation>;
}

/** Whether any of the spec's files imports a library (then the spec is composed by `composeImports`). */
export function importsLibraries(files: readonly ParsedFile[]): boolean {
  return files.some((f) => isPlainObject(f.data) && Object.hasOwn(f.data, 'imports'));
}

/**
 * Composes a spec that imports libraries: each library's files (its `${param}`s substituted) are
 * merged, the libraries one unit imports are merged with each other (a name both define is a
 * duplicate), and the unit's own files are applied over them by the overlay rules (objects merge,
 * scalars and arrays replace, null deletes). Libraries may import libraries; a cycle, a second import
 * of one library, two versions of one npm package and a bad parameter are errors at the import.
 * `imports` and `library` sections are dropped from the result, which the caller validates whole.
 * Returns the composed layer and, per library file, where that library was imported.
 */
export function composeImports(
  root: readonly ParsedFile[],
  rootFiles: readonly SpecFile[],
  libraryFiles: readonly SpecFile[],
  diagnostics: Diagnostic[],
): { layer: Layer; importedAt: ReadonlyMap<string, SourceLocation> } {
  const units = new Map<string, Unit>();
  for (const file of libraryFiles) {
    const info = file.library;
    if (!info) continue;
    const unit = units.get(info.id);
    if (unit) (unit.files as SpecFile[]).push(file);
    else units.set(info.id, { id: info.id, files: [file], ...(info.package ? { package: info.package } : {}) });
  }
  const ctx: Context = { units, diagnostics, packages: new Map(), imported: new Map(), importedAt: new Map() };
  const resolutions = new Map(rootFiles.map((f) => [f.path, f.resolvedImports ?? {}]));
  const layer = composeUnit(ROOT, root, resolutions, [ROOT], ctx);
  return { layer, importedAt: ctx.importedAt };
}

function composeUnit(
  id: string,
  files: readonly ParsedFile[],
  resolutions: ReadonlyMap<string, Readonly<Record<string, string>>>,
  chain: readonly string[],
  ctx: Context,
): Layer {
  const base: Layer = { data: {}, sourceMap: new SourceMap() };
  const sites = importSites(id, files, resolutions, ctx.diagnostics);
  for (const site of sites) {
    const lib = importLibrary(site, chain, ctx);
    if (lib) mergeLayer(base, lib, ctx.diagnostics);
  }
  const own = mergeDocuments(files, ctx.diagnostics);
  delete own.data.imports;
  delete own.data.library;
  overlayLayer(base, own);
  return base;
}

function importLibrary(site: ImportSite, chain: readonly string[], ctx: Context): Layer | undefined {
  const report = (at: string, message: string) => {
    const location = site.file.locations().value(at) ?? site.file.locations().value(site.at);
    ctx.diagnostics.push({ ruleId: 'import', severity: 'error', message, ...(location ? { location } : {}) });
  };
  const id = site.resolved;
  if (id !== undefined && chain.includes(id)) {
    const first = ctx.imported.get(id);
    const where = first ? locationText(first) : 'the importing spec';
    report(`${site.at}/from`, `Unexpected import cycle ${[...chain.slice(chain.indexOf(id)), id].join(' → ')}, expected libraries that do not import themselves (${id} is imported at ${where})`);
    return undefined;
  }
  const unit = id === undefined ? undefined : ctx.units.get(id);
  if (id === undefined || !unit) {
    report(`${site.at}/from`, `Unexpected import "${site.from}" that was not read, expected the spec to be read with its libraries (readSpecWithLibraries in @monspec/metrics-spec/node)`);
    return undefined;
  }
  const first = ctx.imported.get(id);
  if (first) {
    report(`${site.at}/from`, `Unexpected second import of library ${id}, expected each library to be imported once per spec (first imported at ${locationText(first)})`);
    return undefined;
  }
  ctx.imported.set(id, site);
  if (unit.package) {
    const seen = ctx.packages.get(unit.package.name);
    if (seen && seen.version !== unit.package.version) {
      report(
        `${site.at}/from`,
        `Unexpected version ${unit.package.version} of ${unit.package.name} (${id}), expected one version per spec: ${seen.version} is imported at ${locationText(seen.site)}`,
      );
      return undefined;
    }
    if (!seen) ctx.packages.set(unit.package.name, { version: unit.package.version, site });
  }
  const here = site.file.locations().value(`${site.at}/from`);

  const parsed = [...unit.files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => parseSpecFile(f, ctx.diagnostics));
  for (const file of parsed) {
    if (here) ctx.importedAt.set(file.path, here);
    if (file.data !== undefined) dropReservedKeys(file, ctx.diagnostics);
  }
  const declaring = parsed.filter((f) => isPlainObject(f.data) && Object.hasOwn(f.data, 'library'));
  if (declaring.length !== 1) {
    report(
      `${site.at}/from`,
      declaring.length === 0
        ? `Unexpected import of ${id} without a library section, expected a spec library (a file declaring library: { name, description, params })`
        : `Unexpected library sections in ${declaring.map((f) => f.path).join(' and ')}, expected one per library`,
    );
    return undefined;
  }
  const declarer = declaring[0] as ParsedFile;
  const library = (declarer.data as Record<string, unknown>).library;
  const before = ctx.diagnostics.length;
  const map = new SourceMap();
  map.setOrigin('', declarer);
  validateAgainstSchema('document', { library }, map, ctx.diagnostics);
  if (ctx.diagnostics.length > before || !isPlainObject(library)) return undefined;
  const declared = (isPlainObject(library.params) ? library.params : {}) as Record<string, ParamDecl>;
  for (const name of Object.keys(declared)) {
    if (RESOLVER_PLACEHOLDERS.has(name)) {
      const location = declarer.locations().key(`/library/params/${name}`);
      ctx.diagnostics.push({
        ruleId: 'import',
        severity: 'error',
        message: `Unexpected library parameter "${name}", expected a name other than the placeholders monspec fills itself (${[...RESOLVER_PLACEHOLDERS].join(', ')})`,
        ...(location ? { location } : {}),
      });
      return undefined;
    }
  }
  const { values, problems } = bindParams(declared, site.params, `library "${String(library.name)}" (${id})`);
  for (const p of problems) report(p.key === undefined ? `${site.at}/params` : `${site.at}/params/${p.key}`, p.message);
  if (problems.length > 0) return undefined;

  const substituted = parsed.map((f) => withParams(f, values));
  const resolutions = new Map(unit.files.map((f) => [f.path, f.resolvedImports ?? {}]));
  return composeUnit(id, substituted, resolutions, [...chain, id], ctx);
}

/** The `imports` entries of a unit's files, in path and list order; malformed entries are reported. */
function importSites(
  unitId: string,
  files: readonly ParsedFile[],
  resolutions: ReadonlyMap<string, Readonly<Record<string, string>>>,
  diagnostics: Diagnostic[],
): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const file of files) {
    if (!isPlainObject(file.data) || !Object.hasOwn(file.data, 'imports')) continue;
    const imports = file.data.imports;
    const map = new SourceMap();
    map.setOrigin('', file);
    const before = diagnostics.length;
    validateAgainstSchema('document', { imports }, map, diagnostics);
    if (diagnostics.length > before || !Array.isArray(imports)) continue;
    const resolved = resolutions.get(file.path) ?? {};
    imports.forEach((entry: { from: string; params?: Record<string, unknown> }, i) => {
      sites.push({
        from: entry.from,
        params: entry.params ?? {},
        file,
        resolved: own(resolved, entry.from) ?? localId(unitId, entry.from),
        at: `/imports/${i}`,
      });
    });
  }
  return sites;
}

/** The id a relative path names from a unit (`../lib` from `.` is `../lib`); undefined for a package name. */
function localId(unitId: string, from: string): string | undefined {
  if (!/^\.\.?(\/|$)/.test(from)) return undefined;
  const parts = unitId === ROOT ? [] : unitId.split('/');
  for (const seg of from.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return parts.length === 0 ? ROOT : parts.join('/');
}

function locationText(site: ImportSite): string {
  const loc = site.file.locations().value(`${site.at}/from`);
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : site.file.path;
}

/**
 * A library file with its parameters substituted in strings and keys (except its `library`
 * section). Locations of renamed keys are translated back to the file's own text.
 */
function withParams(file: ParsedFile, values: Readonly<Record<string, unknown>>): ParsedFile {
  if (!isPlainObject(file.data)) return file;
  const renames = new Map<string, string>();
  const { library, ...rest } = file.data;
  const data = substitute(rest, values, renames) as Record<string, unknown>;
  if (library !== undefined) data.library = library;
  const translate = (pointer: string): string => {
    for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      const original = renames.get(p);
      if (original !== undefined) return original + pointer.slice(p.length);
    }
    return pointer;
  };
  let cached: FileLocations | undefined;
  const locations = (): FileLocations => {
    const inner = file.locations();
    return (cached ??= { value: (p) => inner.value(translate(p)), key: (p) => inner.key(translate(p)) });
  };
  return { path: file.path, data, locations };
}
