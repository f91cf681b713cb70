import { parser } from '@grafana/lezer-logql';
import { MAX_CACHED, normaliseExpression, type SyntaxProblem } from './analyze.js';
import { nestingProblem } from './nesting.js';
import { BoundedCache } from './parse-cache.js';
import { unquoteString } from './quote.js';
import { excerpt } from '../diagnostics.js';

export interface LogqlAnalysis {
  readonly text: string;
  readonly syntaxErrors: readonly SyntaxProblem[];
  /** Stream selectors as written, e.g. `{app="streaming-proxy"}`. */
  readonly selectors: readonly string[];
  /** Every regular expression: `=~`/`!~` matchers and label filters, `|~`/`!~` line filters, `regexp` parsers. */
  readonly regexes: readonly LogqlRegex[];
}

export interface LogqlRegex {
  readonly offset: number;
  /** The pattern, unquoted. */
  readonly pattern: string;
  readonly kind: 'matcher' | 'line filter' | 'regexp parser';
}

const cache = new BoundedCache<string, LogqlAnalysis>(MAX_CACHED);

/** Parses a LogQL expression once (with Grafana variables replaced) and reports syntax errors. */
export function analyzeLogql(expr: string): LogqlAnalysis {
  const hit = cache.get(expr);
  if (hit) return hit;
  const text = normaliseExpression(expr);
  const tooDeep = nestingProblem(text);
  const syntaxErrors: SyntaxProblem[] = tooDeep ? [tooDeep] : [];
  const selectors: string[] = [];
  const regexes: LogqlRegex[] = [];
  if (!tooDeep) parser.parse(text).iterate({
    enter(ref) {
      if (ref.type.isError) {
        const at = excerpt(text.slice(ref.from, Math.max(ref.to, ref.from + 12)).trim(), 40);
        syntaxErrors.push({ offset: ref.from, message: at ? `Unexpected "${at}" at offset ${ref.from}` : `Unexpected end of expression at offset ${ref.from}` });
        return false;
      }
      if (ref.name === 'Selector') selectors.push(text.slice(ref.from, ref.to));
      if (ref.name === 'String') {
        const prev = ref.node.prevSibling;
        const kind =
          prev?.name === 'Re' || prev?.name === 'Nre'
            ? 'matcher'
            : prev?.name === 'Filter' && (prev.getChild('PipeMatch') || prev.getChild('Nre'))
              ? 'line filter'
              : prev?.name === 'Regexp'
                ? 'regexp parser'
                : undefined;
        if (kind) regexes.push({ offset: ref.from, pattern: unquoteString(text.slice(ref.from, ref.to)), kind });
      }
      return undefined;
    },
  });
  if (text.trim() === '') syntaxErrors.push({ offset: 0, message: 'Unexpected empty expression' });
  const result = { text, syntaxErrors, selectors, regexes };
  cache.set(expr, result);
  return result;
}
