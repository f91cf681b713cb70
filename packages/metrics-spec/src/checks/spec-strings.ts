import { escapePointerSegment as p } from '../source-map.js';

/**
 * Expressions and patterns are not prose. Templates are checked where they are instantiated (checks
 * run after expansion), other environments' overlays when that environment is built.
 */
const SKIPPED_KEYS: ReadonlySet<string> = new Set(['expr', 'promql', 'logql', 'selector', 'errorFilter', 'match', 'sli', 'tests']);
const SKIPPED_SECTIONS: ReadonlySet<string> = new Set(['/templates', '/environments']);

/** Every string of the spec that may reach the docs, with its JSON pointer. */
export function* specStrings(value: unknown, pointer = ''): Generator<{ pointer: string; text: string }> {
  if (typeof value === 'string') {
    yield { pointer, text: value };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* specStrings(value[i], `${pointer}/${i}`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const child = `${pointer}/${p(key)}`;
      if (SKIPPED_KEYS.has(key) || SKIPPED_SECTIONS.has(child)) continue;
      yield* specStrings(v, child);
    }
  }
}
