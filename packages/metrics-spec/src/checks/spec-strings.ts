import { escapePointerSegment as p } from '../source-map.js';

/**
 * Expressions and patterns are not prose. Templates are checked where they are instantiated (checks
 * run after expansion), other environments' overlays when that environment is built.
 */
const SKIPPED_KEYS: ReadonlySet<string> = new Set(['expr', 'promql', 'logql', 'selector', 'errorFilter', 'match', 'sli', 'tests']);
const SKIPPED_SECTIONS: ReadonlySet<string> = new Set(['/templates', '/environments']);

/**
 * Every string of the spec that may reach the docs, with its JSON pointer, in document order. Built
 * by plain recursion into one list: nested generators (`yield*`) cost a resumption per level for
 * every string, which at N=1000 (100 000 strings) was a visible part of the checks.
 */
export function specStrings(value: unknown, pointer = ''): Array<{ pointer: string; text: string }> {
  const out: Array<{ pointer: string; text: string }> = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'string') {
      out.push({ pointer: at, text: v });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${at}/${i}`);
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        const next = `${at}/${p(key)}`;
        if (SKIPPED_KEYS.has(key) || SKIPPED_SECTIONS.has(next)) continue;
        walk(child, next);
      }
    }
  };
  walk(value, pointer);
  return out;
}
