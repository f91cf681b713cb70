/**
 * Bounds on the shape of a parsed YAML document, checked before any stage walks it: js-yaml keeps
 * an alias as a shared reference, so an alias bomb loads in milliseconds as a small graph, and the
 * expansion only happens when something walks it as a tree (the schema, the merge). Counting the
 * tree each node stands for (memoized per node) bounds that work without doing it.
 */

/** Deeper than any spec needs (an overlay of a panel query is about 10 levels). */
export const MAX_NESTING_DEPTH = 64;
/** How many values aliases may add to a document beyond those written out. */
export const MAX_ALIAS_EXPANSION = 100_000;

export type ShapeProblem = { kind: 'cycle' } | { kind: 'depth'; depth: number } | { kind: 'expansion'; values: number };

interface Measure {
  /** Values in the tree this node stands for, with every alias expanded. */
  readonly size: number;
  /** Levels of nesting below and including this node. */
  readonly height: number;
}

/** The first problem with the data's shape, or undefined. Linear in the number of distinct nodes. */
export function checkShape(data: unknown): ShapeProblem | undefined {
  const memo = new Map<object, Measure>();
  const active = new Set<object>();
  let written = 0;
  let problem: ShapeProblem | undefined;
  const measure = (value: unknown, depth: number): Measure => {
    if (value === null || typeof value !== 'object') {
      written++;
      return { size: 1, height: 0 };
    }
    const known = memo.get(value);
    if (known) {
      if (depth + known.height > MAX_NESTING_DEPTH) problem ??= { kind: 'depth', depth: depth + known.height };
      return known;
    }
    if (active.has(value)) {
      problem ??= { kind: 'cycle' };
      return { size: 1, height: 0 };
    }
    if (depth > MAX_NESTING_DEPTH) {
      problem ??= { kind: 'depth', depth };
      return { size: 1, height: 0 };
    }
    active.add(value);
    written++;
    let size = 1;
    let height = 0;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (problem) break;
      const m = measure(child, depth + 1);
      size += m.size;
      height = Math.max(height, m.height + 1);
    }
    active.delete(value);
    const result = { size, height };
    memo.set(value, result);
    return result;
  };
  const { size } = measure(data, 0);
  if (problem) return problem;
  if (size - written > MAX_ALIAS_EXPANSION) return { kind: 'expansion', values: size };
  return undefined;
}
