import type { SyntaxProblem } from './analyze.js';

/**
 * Deeper than any real query (Prometheus' own rules rarely pass 10). The lezer parsers recover from
 * errors in time quadratic in nesting depth (a 1 MB string of parentheses took 15 s) and give up
 * with a misleading error near depth 2,800, so deeper expressions are refused before parsing.
 */
const MAX_EXPRESSION_NESTING = 128;

/**
 * The first place where ( [ { nest deeper than MAX_EXPRESSION_NESTING, outside string literals
 * ("…", '…' with backslash escapes, `…` raw). One linear pass.
 */
export function nestingProblem(text: string): SyntaxProblem | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') {
      if (++depth > MAX_EXPRESSION_NESTING) return { offset: i, message: `Unexpected nesting deeper than ${MAX_EXPRESSION_NESTING} levels at offset ${i}` };
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}
