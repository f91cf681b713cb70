import { isReservedName, own } from '../own.js';
import { escapePointerSegment, type SourceMap } from '../source-map.js';
import { isPlainObject, type Layer } from './merge-documents.js';

/**
 * Applies an environment overlay: objects merge recursively, scalars and arrays replace, `null`
 * deletes. Returns a new document; `sourceMap` is updated so replaced values point at the overlay.
 * `overlayPointer` is where the overlay sits in the spec (/environments/<env>/overlay).
 */
export function applyOverlay(
  base: Record<string, unknown>,
  overlay: Record<string, unknown>,
  sourceMap: SourceMap,
  overlayPointer: string,
): Record<string, unknown> {
  const result = structuredClone(base);
  mergeOverlay(result, overlay, '', sourceMap, (child) => {
    const origin = sourceMap.originOf(overlayPointer + child);
    if (origin) sourceMap.setOrigin(child, origin.file, origin.at);
  });
  return result;
}

/**
 * Applies `top` over `base` in place by the same rules: how a spec overrides the libraries it
 * imports. Replaced values keep their own files' places (`top`'s source map).
 */
export function overlayLayer(base: Layer, top: Layer): void {
  mergeOverlay(base.data, top.data, '', base.sourceMap, (child) => base.sourceMap.copySubtree(top.sourceMap, child));
}

/** `adopt(child)` records where a replaced value now comes from (after its old origins are dropped). */
function mergeOverlay(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
  pointer: string,
  sourceMap: SourceMap,
  adopt: (child: string) => void,
): void {
  for (const key of Object.keys(patch)) {
    // `target.__proto__` is Object.prototype: merging into it would change every object in the process.
    // Such keys are reported and removed at load (reserved-keys.ts); skipped here too.
    if (isReservedName(key)) continue;
    const child = `${pointer}/${escapePointerSegment(key)}`;
    const value = patch[key];
    const existing = own(target, key);
    if (value === null) {
      delete target[key];
      sourceMap.deleteSubtree(child);
    } else if (isPlainObject(value) && isPlainObject(existing)) {
      mergeOverlay(existing, value, child, sourceMap, adopt);
    } else {
      Object.defineProperty(target, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
      sourceMap.deleteSubtree(child);
      adopt(child);
    }
  }
}
