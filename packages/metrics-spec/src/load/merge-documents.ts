import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { isReservedName } from '../own.js';
import { escapePointerSegment, pointerToPath, SourceMap } from '../source-map.js';
import type { ParsedFile } from './parse-yaml.js';

/**
 * Named collections: their entries are atomic, so one name defined in two files is a duplicate,
 * never a silent field-by-field merge.
 */
const COLLECTION_POINTERS: ReadonlySet<string> = new Set([
  '/metrics',
  '/thresholds',
  '/recordingRules',
  '/alerts',
  '/slos',
  '/dashboards',
  '/runbooks',
  '/templates',
  '/environments',
  '/notifications/contactPoints',
  '/logs/sources',
  '/logs/patterns',
]);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A merged document with the place of each part. */
export interface Layer {
  readonly data: Record<string, unknown>;
  readonly sourceMap: SourceMap;
}

/** Where merged values come from: one file, or another merged document (an imported library's). */
interface MergeSource {
  /** Records the origin of the subtree at `pointer`, newly taken from this source. */
  adopt(sourceMap: SourceMap, pointer: string): void;
  locate(pointer: string): SourceLocation | undefined;
}

/** Merges the files of a spec directory (in path order) into one document and one source map. */
export function mergeDocuments(files: readonly ParsedFile[], diagnostics: Diagnostic[]): Layer {
  const data: Record<string, unknown> = {};
  const sourceMap = new SourceMap();
  for (const file of files) {
    if (!isPlainObject(file.data)) continue;
    const source: MergeSource = {
      adopt: (map, pointer) => map.setOrigin(pointer, file),
      locate: (pointer) => file.locations().key(pointer) ?? file.locations().value(pointer),
    };
    mergeInto(data, file.data, '', source, sourceMap, diagnostics);
  }
  return { data, sourceMap };
}

/**
 * Merges `layer` into `into` by the same rules as files (named entries are atomic, so a name both
 * define is a duplicate with both places): how the libraries one spec imports are combined.
 */
export function mergeLayer(into: Layer, layer: Layer, diagnostics: Diagnostic[]): void {
  const source: MergeSource = {
    adopt: (map, pointer) => map.copySubtree(layer.sourceMap, pointer),
    locate: (pointer) => layer.sourceMap.locateKey(pointer),
  };
  mergeInto(into.data, layer.data, '', source, into.sourceMap, diagnostics);
}

function mergeInto(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  pointer: string,
  file: MergeSource,
  sourceMap: SourceMap,
  diagnostics: Diagnostic[],
): void {
  for (const key of Object.keys(source)) {
    // Reported and removed at load (reserved-keys.ts); skipped here too so no caller can pollute a prototype.
    if (isReservedName(key)) continue;
    const child = `${pointer}/${escapePointerSegment(key)}`;
    const value = source[key];
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      file.adopt(sourceMap, child);
      continue;
    }
    const existing = target[key];
    if (!COLLECTION_POINTERS.has(pointer) && isPlainObject(existing) && isPlainObject(value)) {
      mergeInto(existing, value, child, file, sourceMap, diagnostics);
      continue;
    }
    const first = sourceMap.locateKey(child);
    const location = file.locate(child);
    diagnostics.push({
      ruleId: 'duplicate-name',
      severity: 'error',
      message: `Unexpected second definition of ${pointerToPath(child)}, expected each name to be defined once${first ? ` (first defined at ${first.file}:${first.line}:${first.column})` : ''}`,
      pointer: child,
      ...(location ? { location } : {}),
    });
  }
}
