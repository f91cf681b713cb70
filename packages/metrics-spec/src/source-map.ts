import type { SourceLocation } from './diagnostics.js';

/** Escapes one JSON-pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + escapePointerSegment(String(s))).join('');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/metrics/tunnel_up/type` → `metrics.tunnel_up.type`, for messages. */
export function pointerToPath(pointer: string): string {
  const segs = pointerSegments(pointer);
  return segs.length === 0 ? '(document root)' : segs.map((s) => (/^\d+$/.test(s) ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}

/**
 * Where each value of the merged spec came from. Values are keyed by JSON pointer; keys of mapping
 * entries separately, so "unknown property" can point at the key itself.
 */
export class SourceMap {
  private readonly values = new Map<string, SourceLocation>();
  private readonly keys = new Map<string, SourceLocation>();

  setValue(pointer: string, loc: SourceLocation): void {
    this.values.set(pointer, loc);
  }

  setKey(pointer: string, loc: SourceLocation): void {
    this.keys.set(pointer, loc);
  }

  /** The value's location, or the nearest ancestor's (values made by template expansion have none). */
  locate(pointer: string): SourceLocation | undefined {
    let p = pointer;
    for (;;) {
      const loc = this.values.get(p);
      if (loc) return loc;
      if (p === '') return undefined;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }

  /** The location of a mapping key, falling back to its value's location. */
  locateKey(pointer: string): SourceLocation | undefined {
    return this.keys.get(pointer) ?? this.locate(pointer);
  }

  /** Drops every entry at or below `pointer` (an overlay replaced or deleted it). */
  deleteSubtree(pointer: string): void {
    const prefix = pointer + '/';
    for (const map of [this.values, this.keys]) {
      for (const k of map.keys()) if (k === pointer || k.startsWith(prefix)) map.delete(k);
    }
  }

  /** Copies `other`'s entries under `fromPrefix` to the same place under `toPrefix`. */
  copySubtree(other: SourceMap, fromPrefix: string, toPrefix: string): void {
    const prefix = fromPrefix + '/';
    for (const [src, dst] of [
      [other.values, this.values],
      [other.keys, this.keys],
    ] as const) {
      for (const [k, v] of src) {
        if (k === fromPrefix) dst.set(toPrefix, v);
        else if (k.startsWith(prefix)) dst.set(toPrefix + k.slice(fromPrefix.length), v);
      }
    }
  }

  clone(): SourceMap {
    const copy = new SourceMap();
    copy.merge(this);
    return copy;
  }

  merge(other: SourceMap): void {
    for (const [k, v] of other.values) this.values.set(k, v);
    for (const [k, v] of other.keys) this.keys.set(k, v);
  }
}
