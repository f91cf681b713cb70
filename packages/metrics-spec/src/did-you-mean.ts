/**
 * "Did you mean" for misspelt names: one edit distance and one closeness rule shared by every check,
 * the schema's unknown-key and enum messages, and the CLI's command names.
 */

/**
 * Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions and
 * transpositions of two adjacent characters each cost 1, so `thresold` → `threshold` is 1 and
 * `critcial` → `critical` is 1.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The candidate closest to `name`, when it is close enough to be a typo: at most a third of the
 * name's length in edits (at least 1, so `fr` → `for`), compared case-insensitively. Ties go to the
 * first candidate, so callers pass candidates in a meaningful order.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "threshold"?` when a candidate is close, else an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const guess = closestMatch(name, candidates);
  return guess === undefined ? '' : `; did you mean "${guess}"?`;
}
