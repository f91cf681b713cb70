import type { Unit } from './generated/spec-types.js';
import { own } from './own.js';
import { didYouMean } from './did-you-mean.js';
import { humanDuration } from './quantity.js';
import { formatValue } from './units.js';
import { excerpt } from './diagnostics.js';

/** Deeper than any arithmetic a message or test value needs. */
const MAX_PLACEHOLDER_NESTING = 32;

/** A number with its unit, as placeholders see thresholds. */
export interface ScopedValue {
  readonly value: number;
  readonly unit?: Unit;
}

/** What `${...}` may name: this alert's threshold and value, its `for`, and any threshold level. */
export interface PlaceholderScope {
  readonly threshold?: ScopedValue;
  readonly value?: number;
  readonly for?: string;
  /** thresholds.NAME.LEVEL */
  readonly thresholds: ReadonlyMap<string, ScopedValue>;
  /** Extra names (an SLO's budget and objective). */
  readonly extra?: Readonly<Record<string, ScopedValue>>;
}

/** On failure, `unknownName` is the name that was not in scope, when that was the problem. */
export type PlaceholderResult = { ok: true; text: string } | { ok: false; problem: string; unknownName?: string };

const PLACEHOLDER = /\$\{([^}]*)\}/g;

type Token = { kind: 'num'; value: number } | { kind: 'ref'; name: string } | { kind: 'op'; op: string };

function tokenize(src: string): Token[] | string {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_.-]*)|([-+*/()]))/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < src.length) {
    re.lastIndex = pos;
    m = re.exec(src);
    if (!m || m[0].length === 0) {
      if (src.slice(pos).trim() === '') break;
      return `Unexpected "${excerpt(src.slice(pos).trim())}" in \${${excerpt(src)}}`;
    }
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'ref', name: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', op: m[3] });
    pos = re.lastIndex;
  }
  return tokens;
}

function lookup(name: string, scope: PlaceholderScope): ScopedValue | undefined {
  if (name === 'threshold') return scope.threshold;
  if (name === 'value') return scope.value === undefined ? undefined : { value: scope.value };
  if (name.startsWith('thresholds.')) return scope.thresholds.get(name.slice('thresholds.'.length));
  return own(scope.extra, name);
}

/** Every name in scope spelt out (thresholds.error_rate.critical), for did-you-mean. */
function candidateNames(scope: PlaceholderScope): string[] {
  return [...knownNames(scope).filter((n) => n !== 'thresholds.NAME.LEVEL'), ...[...scope.thresholds.keys()].map((k) => `thresholds.${k}`)];
}

/** Names a placeholder may use in this scope, for "expected" messages. */
function knownNames(scope: PlaceholderScope): string[] {
  const names: string[] = [];
  if (scope.threshold) names.push('threshold');
  if (scope.value !== undefined) names.push('value');
  if (scope.for !== undefined) names.push('for');
  names.push(...Object.keys(scope.extra ?? {}));
  names.push('thresholds.NAME.LEVEL');
  return names;
}

/** Evaluates `threshold * 1000 * 1.1` style arithmetic (numbers, references, + - * / and parentheses). */
export function evaluate(src: string, scope: PlaceholderScope): { ok: true; value: number } | { ok: false; problem: string; unknownName?: string } {
  const tokens = tokenize(src);
  if (typeof tokens === 'string') return { ok: false, problem: tokens };
  let i = 0;
  let problem: string | undefined;
  let depth = 0;
  let unknownName: string | undefined;
  const peek = () => tokens[i];
  const primary = (): number => {
    // Parentheses and unary minus recurse; bound them so `${((((…` cannot exhaust the stack.
    if (++depth > MAX_PLACEHOLDER_NESTING) {
      problem ??= `Unexpected nesting deeper than ${MAX_PLACEHOLDER_NESTING} levels in \${${excerpt(src)}}, expected simple arithmetic`;
      i = tokens.length;
      return Number.NaN;
    }
    try {
      return primaryAt();
    } finally {
      depth--;
    }
  };
  const primaryAt = (): number => {
    const t = tokens[i++];
    if (!t) {
      problem ??= `Unexpected end of \${${excerpt(src)}}, expected a number or a name`;
      return Number.NaN;
    }
    if (t.kind === 'num') return t.value;
    if (t.kind === 'ref') {
      const v = lookup(t.name, scope);
      if (!v) {
        if (problem === undefined) unknownName = t.name;
        problem ??= `Unexpected placeholder name "${t.name}", expected one of: ${knownNames(scope).join(', ')}${didYouMean(t.name, candidateNames(scope))}`;
        return Number.NaN;
      }
      return v.value;
    }
    if (t.op === '(') {
      const v = sum();
      if (peek()?.kind !== 'op' || (peek() as { op: string }).op !== ')') problem ??= `Unexpected end of \${${excerpt(src)}}, expected ")"`;
      i++;
      return v;
    }
    if (t.op === '-') return -primary();
    problem ??= `Unexpected "${t.op}" in \${${excerpt(src)}}, expected a number or a name`;
    return Number.NaN;
  };
  const product = (): number => {
    let v = primary();
    for (let t = peek(); t?.kind === 'op' && (t.op === '*' || t.op === '/'); t = peek()) {
      i++;
      v = t.op === '*' ? v * primary() : v / primary();
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    for (let t = peek(); t?.kind === 'op' && (t.op === '+' || t.op === '-'); t = peek()) {
      i++;
      v = t.op === '+' ? v + product() : v - product();
    }
    return v;
  };
  const value = sum();
  if (!problem && i < tokens.length) problem = `Unexpected trailing input in \${${excerpt(src)}}, expected an operator`;
  if (problem) return { ok: false, problem, ...(unknownName !== undefined ? { unknownName } : {}) };
  // Division by zero or overflow: promtool and Prometheus would read the text "Infinity" or "NaN" as no number at all.
  if (!Number.isFinite(value)) return { ok: false, problem: `Unexpected ${String(value)} from \${${excerpt(src)}} (a division by zero or an overflow), expected a finite number` };
  return { ok: true, value: Number(value.toPrecision(12)) };
}

/**
 * Replaces every `${...}` with what `fill` makes of its trimmed inside; the first problem (and the
 * unknown name behind it) is the result, so one bad placeholder is one error.
 */
function fillPlaceholders(text: string, fill: (src: string) => { ok: true; text: string } | { ok: false; problem: string; unknownName?: string }): PlaceholderResult {
  let problem: string | undefined;
  let unknownName: string | undefined;
  const out = text.replace(PLACEHOLDER, (_m, inner: string) => {
    const r = fill(inner.trim());
    if (r.ok) return r.text;
    if (problem === undefined) unknownName = r.unknownName;
    problem ??= r.problem;
    return '';
  });
  return problem ? { ok: false, problem, ...(unknownName !== undefined ? { unknownName } : {}) } : { ok: true, text: out };
}

const numberText = (r: ReturnType<typeof evaluate>) => (r.ok ? { ok: true as const, text: String(r.value) } : r);

/**
 * Fills `${...}` in text for people: a lone threshold reference is formatted in its unit (`5 %`),
 * `${for}` reads as a duration (`5 minutes`), arithmetic gives a plain number.
 */
export function renderText(text: string, scope: PlaceholderScope): PlaceholderResult {
  return fillPlaceholders(text, (src) => {
    if (src === 'for') {
      if (scope.for === undefined) return { ok: false, unknownName: 'for', problem: `Unexpected placeholder name "for", expected one of: ${knownNames(scope).join(', ')}` };
      return { ok: true, text: humanDuration(scope.for) };
    }
    const single = /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(src) ? lookup(src, scope) : undefined;
    if (single?.unit) return { ok: true, text: formatValue(single.value, single.unit) };
    return numberText(evaluate(src, scope));
  });
}

/** Fills `${...}` with raw numbers (promtool input series). */
export function renderValues(text: string, scope: PlaceholderScope): PlaceholderResult {
  return fillPlaceholders(text, (src) => numberText(evaluate(src, scope)));
}
