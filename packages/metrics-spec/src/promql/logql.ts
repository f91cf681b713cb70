import { parser } from '@grafana/lezer-logql';
import { normaliseExpression, type SyntaxProblem } from './analyze.js';
import { nestingProblem } from './nesting.js';
import { excerpt } from '../diagnostics.js';

export interface LogqlAnalysis {
  readonly text: string;
  readonly syntaxErrors: readonly SyntaxProblem[];
  /** Stream selectors as written, e.g. `{app="streaming-proxy"}`. */
  readonly selectors: readonly string[];
}

const cache = new Map<string, LogqlAnalysis>();

/** Parses a LogQL expression once (with Grafana variables replaced) and reports syntax errors. */
export function analyzeLogql(expr: string): LogqlAnalysis {
  const hit = cache.get(expr);
  if (hit) return hit;
  const text = normaliseExpression(expr);
  const tooDeep = nestingProblem(text);
  const syntaxErrors: SyntaxProblem[] = tooDeep ? [tooDeep] : [];
  const selectors: string[] = [];
  if (!tooDeep) parser.parse(text).iterate({
    enter(ref) {
      if (ref.type.isError) {
        const at = excerpt(text.slice(ref.from, Math.max(ref.to, ref.from + 12)).trim(), 40);
        syntaxErrors.push({ offset: ref.from, message: at ? `Unexpected "${at}" at offset ${ref.from}` : `Unexpected end of expression at offset ${ref.from}` });
        return false;
      }
      if (ref.name === 'Selector') selectors.push(text.slice(ref.from, ref.to));
      return undefined;
    },
  });
  if (text.trim() === '') syntaxErrors.push({ offset: 0, message: 'Unexpected empty expression' });
  const result = { text, syntaxErrors, selectors };
  cache.set(expr, result);
  return result;
}
