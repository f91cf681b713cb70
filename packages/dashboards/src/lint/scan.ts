/**
 * Text scans of raw (un-normalised) PromQL for the things the parser cannot see once Grafana's
 * variables are replaced: the range written in a rate(), and the variables a query refers to.
 */

export interface RangeUse {
  readonly fn: string;
  /** The range as written, e.g. `$__rate_interval`, `5m` (a subquery's step dropped). */
  readonly range: string;
}

const RANGE_FUNCTIONS = /\b(rate|irate|increase)\s*\(/g;

/** The range argument of every rate(), irate() and increase() call. */
export function rangeUses(expr: string): RangeUse[] {
  const out: RangeUse[] = [];
  for (const m of expr.matchAll(RANGE_FUNCTIONS)) {
    const fn = m[1] ?? '';
    let depth = 0;
    let braces = 0;
    let quote: string | undefined;
    for (let i = (m.index ?? 0) + m[0].length; i < expr.length; i++) {
      const c = expr[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '{') braces++;
      else if (c === '}') braces--;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (c === '[' && depth === 0 && braces === 0) {
        const end = expr.indexOf(']', i);
        if (end < 0) break;
        const inner = expr.slice(i + 1, end);
        out.push({ fn, range: (inner.split(':')[0] ?? '').trim() });
        i = end;
      }
    }
  }
  return out;
}

/** Names of the variables an expression uses: `$name`, `${name}`, `${name:format}`, `[[name]]`. */
export function variableRefs(expr: string): string[] {
  const out = new Set<string>();
  for (const m of expr.matchAll(/\$\{(\w+)(?::[^}]*)?\}|\$(\w+)|\[\[(\w+)(?::[^\]]*)?\]\]/g)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (name) out.add(name);
  }
  return [...out].sort();
}

/** Grafana's global variables ($__rate_interval, $__range, ...) are always defined. */
export function isGlobalVariable(name: string): boolean {
  return name.startsWith('__');
}
