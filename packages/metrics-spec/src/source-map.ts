import type { SourceLocation } from './diagnostics.js';

/** Escapes one JSON-pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
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

/** Line and column of every value and mapping key of one file, by JSON pointer within that file. */
export interface FileLocations {
  value(pointer: string): SourceLocation | undefined;
  key(pointer: string): SourceLocation | undefined;
}

/** A spec file whose locations are computed on first use: only diagnostics need them. */
export interface LocatableFile {
  readonly path: string;
  locations(): FileLocations;
}

interface Origin {
  readonly file: LocatableFile;
  /** Pointer of the same subtree inside the file. */
  readonly at: string;
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/**
 * Where each part of the merged spec came from. Merging and overlays record origins per subtree
 * (a few per collection entry), and a pointer is located by its nearest recorded ancestor, then
 * looked up in that file's locations, which are parsed lazily. A clean spec never pays for them.
 */
export class SourceMap {
  private readonly origins = new Map<string, Origin>();

  /** Records that the merged subtree at `pointer` is the subtree at `at` in `file`. */
  setOrigin(pointer: string, file: LocatableFile, at: string = pointer): void {
    this.origins.set(pointer, { file, at });
  }

  /** The file and in-file pointer of a merged pointer, through its nearest recorded ancestor. */
  originOf(pointer: string): Origin | undefined {
    let p = pointer;
    for (;;) {
      const o = this.origins.get(p);
      if (o) return { file: o.file, at: o.at + pointer.slice(p.length) };
      if (p === '') return undefined;
      p = parentOf(p);
    }
  }

  private find(pointer: string, kind: 'value' | 'key'): SourceLocation | undefined {
    const origin = this.originOf(pointer);
    if (!origin) return undefined;
    const locations = origin.file.locations();
    if (kind === 'key') {
      const k = locations.key(origin.at);
      if (k) return k;
    }
    // Values made by template expansion have no place of their own: use the nearest ancestor's.
    for (let p = origin.at; ; p = parentOf(p)) {
      const loc = locations.value(p);
      if (loc || p === '') return loc;
    }
  }

  locate(pointer: string): SourceLocation | undefined {
    return this.find(pointer, 'value');
  }

  /** The location of a mapping key, falling back to its value's location. */
  locateKey(pointer: string): SourceLocation | undefined {
    return this.find(pointer, 'key');
  }

  /** The file a merged pointer came from, without computing line numbers. */
  fileOf(pointer: string): string | undefined {
    return this.originOf(pointer)?.file.path;
  }

  /**
   * Takes over `other`'s origins at and below `pointer` (a subtree copied from another merged
   * document, such as an imported library's), keeping each part's own file.
   */
  copySubtree(other: SourceMap, pointer: string): void {
    const top = other.originOf(pointer);
    if (top) this.origins.set(pointer, top);
    const prefix = pointer + '/';
    for (const [k, o] of other.origins) if (k.startsWith(prefix)) this.origins.set(k, o);
  }

  /** Forgets every origin at or below `pointer` (an overlay replaced or deleted it). */
  deleteSubtree(pointer: string): void {
    const prefix = pointer + '/';
    for (const k of [...this.origins.keys()]) if (k === pointer || k.startsWith(prefix)) this.origins.delete(k);
  }
}
