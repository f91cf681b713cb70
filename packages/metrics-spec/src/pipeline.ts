import { createHash } from 'node:crypto';
import { didYouMean } from './did-you-mean.js';
import { runChecks } from './checks/run-checks.js';
import { hasErrors, sortDiagnostics, type Diagnostic, type SourceLocation } from './diagnostics.js';
import type { MonspecDocument } from './generated/spec-types.js';
import { expandTemplates } from './load/expand-templates.js';
import { composeImports, importsLibraries } from './load/imports.js';
import { isPlainObject, mergeDocuments, type Layer } from './load/merge-documents.js';
import { applyOverlay } from './load/overlay.js';
import { parseSpecFile, type SpecFile } from './load/parse-yaml.js';
import { dropReservedKeys } from './load/reserved-keys.js';
import { validateAgainstSchema } from './load/validate-schema.js';
import type { ResolvedModel } from './model.js';
import { resolveModel } from './resolve/resolve.js';
import { escapePointerSegment, SourceMap } from './source-map.js';

export interface CompileOptions {
  /** Environment to build; defaults to the one marked `default`, else `production`, else the first. */
  readonly environment?: string;
  /** Called after each stage with its duration in milliseconds (for `build --timings` and the benchmark). */
  readonly onStage?: (stage: 'parse' | 'schema' | 'merge' | 'templates' | 'checks' | 'resolve', ms: number) => void;
}

export interface CompileResult {
  /** Present when there are no error diagnostics. */
  readonly model: ResolvedModel | undefined;
  /** Sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  /** The environment built (undefined when it could not be chosen). */
  readonly environment: string | undefined;
  readonly environments: readonly string[];
  /** A usage problem rather than a finding in the spec (exit code 2). */
  readonly usageError: string | undefined;
  /**
   * file:line:col of a pointer into the merged spec (e.g. `/dashboards/UID/panels/KEY`: its key, else
   * its value), for findings made after compiling, such as the dashboard lint.
   */
  readonly locate: (pointer: string) => SourceLocation | undefined;
}

/** sha256 over the files' paths and contents, in path order. */
export function hashSpecFiles(files: readonly SpecFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(f.path).update('\0').update(f.text).update('\0');
  return h.digest('hex');
}

/** The environment built when none is named. */
export function defaultEnvironment(environments: Readonly<Record<string, { default?: boolean }>>): string {
  const names = Object.keys(environments);
  return names.find((n) => environments[n]?.default) ?? (names.includes('production') ? 'production' : (names[0] ?? 'default'));
}

/**
 * The whole front end: parse (keeping file:line:col) → schema per file → merge → overlay → schema
 * again → templates → checks → resolve. Pure: the caller reads the files. Diagnostics are collected;
 * nothing is thrown for bad input.
 */
export function compileSpec(files: readonly SpecFile[], options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [];
  let locate: CompileResult['locate'] = () => undefined;
  const done = (model: ResolvedModel | undefined, environment: string | undefined, environments: readonly string[], usageError?: string): CompileResult => ({
    model,
    diagnostics: sortDiagnostics(importedAt.size === 0 ? diagnostics : diagnostics.map((d) => withImportSite(d, importedAt))),
    environment,
    environments,
    usageError,
    locate,
  });

  const sorted = [...files].filter((f) => !f.library).sort((a, b) => (a.path < b.path ? -1 : 1));
  const libraryFiles = files.filter((f) => f.library);
  let importedAt: ReadonlyMap<string, SourceLocation> = new Map();
  if (sorted.length === 0) {
    diagnostics.push({ ruleId: 'empty-spec', severity: 'error', message: 'Unexpected spec directory without *.yaml files, expected at least a service and its metrics' });
    return done(undefined, undefined, []);
  }

  let clock = performance.now();
  const stage = (name: Parameters<NonNullable<CompileOptions['onStage']>>[0]) => {
    const now = performance.now();
    options.onStage?.(name, now - clock);
    clock = now;
  };

  const parsed = sorted.map((f) => parseSpecFile(f, diagnostics));
  stage('parse');
  // A spec that imports libraries may write partial entries (overrides of a library's), so it is
  // validated whole after composing; every other spec file by file, as before merging.
  const composed = importsLibraries(parsed);
  for (const file of parsed) {
    if (file.data === undefined) continue;
    dropReservedKeys(file, diagnostics);
    if (composed) continue;
    const fileMap = new SourceMap();
    fileMap.setOrigin('', file);
    validateAgainstSchema('document', file.data, fileMap, diagnostics);
  }
  stage('schema');
  if (hasErrors(diagnostics)) return done(undefined, undefined, []);

  let layer: Layer;
  if (composed) {
    const result = composeImports(parsed, sorted, libraryFiles, diagnostics);
    ({ layer, importedAt } = result);
    if (!hasErrors(diagnostics)) validateAgainstSchema('document', layer.data, layer.sourceMap, diagnostics);
    if (hasErrors(diagnostics)) return done(undefined, undefined, []);
  } else {
    layer = mergeDocuments(parsed, diagnostics);
  }
  const { data: merged, sourceMap } = layer;
  locate = (pointer) => sourceMap.locateKey(pointer);
  const envs = (isPlainObject(merged.environments) ? merged.environments : {}) as Record<string, { default?: boolean; overlay?: Record<string, unknown> }>;
  const environments = Object.keys(envs).sort();
  const environment = options.environment ?? defaultEnvironment(envs);
  if (options.environment !== undefined && !Object.hasOwn(envs, options.environment)) {
    return done(undefined, undefined, environments, `Unexpected environment "${options.environment}", expected one of: ${environments.length ? environments.join(', ') : '(the spec declares no environments)'}${didYouMean(options.environment, environments)}`);
  }
  const defaults = environments.filter((n) => envs[n]?.default);
  if (defaults.length > 1) {
    const location = sourceMap.locate(`/environments/${escapePointerSegment(defaults[1] as string)}/default`);
    diagnostics.push({ ruleId: 'schema', severity: 'error', message: `Unexpected second default environment "${defaults[1]}", expected one default (already "${defaults[0]}")`, ...(location ? { location } : {}) });
  }

  let spec: Record<string, unknown> = merged;
  const overlay = Object.hasOwn(envs, environment) ? envs[environment]?.overlay : undefined;
  if (overlay && isPlainObject(overlay)) {
    spec = applyOverlay(merged, overlay, sourceMap, `/environments/${escapePointerSegment(environment)}/overlay`);
    validateAgainstSchema('document', spec, sourceMap, diagnostics);
  }
  for (const section of ['service', 'metrics'] as const) {
    if (!isPlainObject(spec[section])) {
      const first = sorted[0] as SpecFile;
      diagnostics.push({
        ruleId: 'schema',
        severity: 'error',
        message: `Unexpected spec without a ${section} section, expected one in some file of the spec directory`,
        location: { file: first.path, line: 1, column: 1 },
      });
    }
  }
  stage('merge');
  if (hasErrors(diagnostics)) return done(undefined, environment, environments);

  expandTemplates(spec, sourceMap, diagnostics);
  stage('templates');
  if (hasErrors(diagnostics)) return done(undefined, environment, environments);

  const document = spec as MonspecDocument;
  const context = runChecks(document, sourceMap, diagnostics);
  stage('checks');
  if (hasErrors(diagnostics)) return done(undefined, environment, environments);

  const model = resolveModel({ spec: document, sourceMap, environment, environments, defaultEnvironment: defaultEnvironment(envs), specHash: hashSpecFiles(composed ? [...sorted, ...libraryFiles] : sorted), context });
  stage('resolve');
  return done(model, environment, environments);
}

/** A finding inside an imported library also names where the library was imported. */
function withImportSite(d: Diagnostic, importedAt: ReadonlyMap<string, SourceLocation>): Diagnostic {
  const at = d.location ? importedAt.get(d.location.file) : undefined;
  return at ? { ...d, message: `${d.message} (in a library imported at ${at.file}:${at.line}:${at.column})` } : d;
}
