/**
 * A small evaluator of Grafana's server-side expression chain (the `__expr__` queries of a
 * Grafana-managed alert rule), from Grafana's documented semantics, so the generated Grafana rules
 * can be run against a real Prometheus and compared with their Prometheus twins. Grafana itself
 * cannot run here; each behaviour names the page it follows:
 * - Queries and expressions: https://grafana.com/docs/grafana/latest/alerting/fundamentals/alert-rules/queries-conditions/
 * - Expression types (reduce modes, math, threshold): https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/expression-queries/
 * Pure: the data query's result is given as series of numbers (null for a missing value).
 */
import { arithmetic, comparison } from '../eval/arithmetic.js';

export type Labels = Readonly<Record<string, string>>;

/** One series (an instant query gives one value per series). */
export interface DataSeries {
  readonly labels: Labels;
  readonly values: readonly (number | null)[];
}

/** A number per label set: what reduce, math and threshold produce. */
export interface NumberResult {
  readonly labels: Labels;
  readonly value: number | null;
}

export type ReduceFunction = 'last' | 'mean' | 'min' | 'max' | 'sum' | 'count';
export interface ReduceSettings {
  /** strict (default), dropNN, replaceNN. */
  readonly mode?: 'strict' | 'dropNN' | 'replaceNN';
  readonly replaceWithValue?: number;
}

export type ExpressionModel =
  | { readonly type: 'reduce'; readonly expression: string; readonly reducer: ReduceFunction; readonly settings?: ReduceSettings }
  | { readonly type: 'math'; readonly expression: string }
  | { readonly type: 'threshold'; readonly expression: string; readonly conditions: readonly { readonly evaluator: { readonly type: ThresholdType; readonly params: readonly number[] } }[] };

export type ThresholdType = 'gt' | 'lt' | 'within_range' | 'outside_range';

export class GrafanaExpressionError extends Error {}

function isNumber(v: number | null): v is number {
  return v !== null && Number.isFinite(v);
}

/**
 * Reduce: one number per series, labels kept. Modes (expression-queries, "Reduce"):
 * strict: any non-numeric value (NaN, ±Inf, null) makes the result NaN;
 * dropNN: non-numeric values are dropped before reducing;
 * replaceNN: non-numeric values are replaced by `replaceWithValue`.
 * On no values: count is 0, sum is 0, last/mean/min/max are NaN.
 */
export function reduce(series: readonly DataSeries[], fn: ReduceFunction, settings: ReduceSettings = {}): NumberResult[] {
  const mode = settings.mode ?? 'strict';
  return series.map((s) => {
    let values: number[];
    if (mode === 'strict') {
      if (s.values.some((v) => !isNumber(v))) return { labels: s.labels, value: Number.NaN };
      values = s.values as number[];
    } else if (mode === 'dropNN') {
      values = s.values.filter(isNumber);
    } else {
      if (settings.replaceWithValue === undefined) throw new GrafanaExpressionError('reduce mode replaceNN needs replaceWithValue');
      const r = settings.replaceWithValue;
      values = s.values.map((v) => (isNumber(v) ? v : r));
    }
    return { labels: s.labels, value: reduceValues(values, fn) };
  });
}

function reduceValues(values: readonly number[], fn: ReduceFunction): number {
  switch (fn) {
    case 'count':
      return values.length;
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'last':
      return values.length ? (values[values.length - 1] as number) : Number.NaN;
    case 'mean':
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
    case 'min':
      return values.length ? Math.min(...values) : Number.NaN;
    case 'max':
      return values.length ? Math.max(...values) : Number.NaN;
  }
}

/**
 * Threshold (expression-queries, "Threshold"): 1 when the value is above (gt) / below (lt) the
 * parameter, strictly inside (within_range) / outside (outside_range) the two parameters, else 0.
 * A non-numeric value does not meet the condition (0).
 */
export function threshold(input: readonly NumberResult[], type: ThresholdType, params: readonly number[]): NumberResult[] {
  const [a = Number.NaN, b = Number.NaN] = params;
  const test = (v: number): boolean => {
    switch (type) {
      case 'gt':
        return v > a;
      case 'lt':
        return v < a;
      case 'within_range':
        return v > Math.min(a, b) && v < Math.max(a, b);
      case 'outside_range':
        return v < Math.min(a, b) || v > Math.max(a, b);
    }
  };
  return input.map((r) => ({ labels: r.labels, value: isNumber(r.value) && test(r.value) ? 1 : 0 }));
}

// --- math -------------------------------------------------------------------------------------

type Token = { kind: 'num'; value: number } | { kind: 'ref'; name: string } | { kind: 'op'; op: string } | { kind: 'paren'; open: boolean };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)|\$\{([A-Za-z0-9_ -]+)\}|\$([A-Za-z_][A-Za-z0-9_]*)|(&&|\|\||==|!=|>=|<=|\*\*|[-+*/%<>!])|([()]))/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) throw new GrafanaExpressionError(`Unexpected "${text.slice(i).trim()}" in math expression "${text}", expected a number, $REF, operator or parenthesis`);
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'ref', name: (m[2] ?? m[3]) as string });
    else if (m[4] !== undefined) out.push({ kind: 'op', op: m[4] });
    else out.push({ kind: 'paren', open: m[5] === '(' });
  }
  return out;
}

type Operand = { kind: 'scalar'; value: number } | { kind: 'series'; items: NumberResult[] };

const BINARY: ReadonlyArray<readonly string[]> = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%'], ['**']];

/** Grafana's math operators: PromQL's arithmetic (`**` is `^`) and comparisons as 1/0, plus && and ||. */
function apply(op: string, a: number, b: number): number {
  // Grafana writes power as ** (its tokenizer has no ^).
  const value = arithmetic(op === '**' ? '^' : op, a, b);
  if (value !== undefined) return value;
  const holds = comparison(op, a, b);
  if (holds !== undefined) return holds ? 1 : 0;
  switch (op) {
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0;
    case '||':
      return a !== 0 || b !== 0 ? 1 : 0;
    default:
      throw new GrafanaExpressionError(`Unexpected operator ${op}`);
  }
}

function labelKey(l: Labels): string {
  return JSON.stringify(Object.entries(l).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function subset(a: Labels, b: Labels): boolean {
  return Object.entries(a).every(([k, v]) => b[k] === v);
}

/**
 * Binary operation. Number with number: one number. Series with a number: the number applied to
 * each series, labels kept. Series with series (queries-conditions, "Math"): items are joined by
 * labels, an item matching an item of the other side whose labels are a subset of its own (or
 * equal); unmatched items are dropped. A null operand gives null (no data).
 */
function combine(op: string, l: Operand, r: Operand): Operand {
  const f = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : apply(op, a, b));
  if (l.kind === 'scalar' && r.kind === 'scalar') return { kind: 'scalar', value: apply(op, l.value, r.value) };
  if (l.kind === 'series' && r.kind === 'scalar') return { kind: 'series', items: l.items.map((x) => ({ labels: x.labels, value: f(x.value, r.value) })) };
  if (l.kind === 'scalar' && r.kind === 'series') return { kind: 'series', items: r.items.map((x) => ({ labels: x.labels, value: f(l.value, x.value) })) };
  const left = (l as { items: NumberResult[] }).items;
  const right = (r as { items: NumberResult[] }).items;
  const items: NumberResult[] = [];
  for (const a of left) {
    for (const b of right) {
      if (labelKey(a.labels) === labelKey(b.labels) || subset(a.labels, b.labels) || subset(b.labels, a.labels)) {
        items.push({ labels: Object.keys(a.labels).length >= Object.keys(b.labels).length ? a.labels : b.labels, value: f(a.value, b.value) });
      }
    }
  }
  return { kind: 'series', items };
}

/** Math: `$B > 0.05`, `($A - $B) / $B`, `$B != 1 && $C > 0`, with references to earlier results. */
export function math(text: string, refs: ReadonlyMap<string, readonly NumberResult[]>): NumberResult[] {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const primary = (): Operand => {
    const t = tokens[pos++];
    if (!t) throw new GrafanaExpressionError(`Unexpected end of math expression "${text}", expected a value`);
    if (t.kind === 'num') return { kind: 'scalar', value: t.value };
    if (t.kind === 'ref') {
      const v = refs.get(t.name);
      if (!v) throw new GrafanaExpressionError(`Unexpected reference $${t.name} in "${text}", expected one of: ${[...refs.keys()].map((k) => `$${k}`).join(', ')}`);
      return { kind: 'series', items: [...v] };
    }
    if (t.kind === 'op' && (t.op === '-' || t.op === '!')) {
      const v = primary();
      const neg = (x: number) => (t.op === '-' ? -x : x === 0 ? 1 : 0);
      return v.kind === 'scalar' ? { kind: 'scalar', value: neg(v.value) } : { kind: 'series', items: v.items.map((x) => ({ labels: x.labels, value: x.value === null ? null : neg(x.value) })) };
    }
    if (t.kind === 'paren' && t.open) {
      const v = binary(0);
      const close = tokens[pos++];
      if (!close || close.kind !== 'paren' || close.open) throw new GrafanaExpressionError(`Unexpected input in "${text}", expected ")"`);
      return v;
    }
    throw new GrafanaExpressionError(`Unexpected token in math expression "${text}", expected a value`);
  };
  const binary = (level: number): Operand => {
    if (level >= BINARY.length) return primary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (!t || t.kind !== 'op' || !(BINARY[level] as readonly string[]).includes(t.op)) return left;
      pos++;
      left = combine(t.op, left, binary(level + 1));
    }
  };
  const result = binary(0);
  if (pos !== tokens.length) throw new GrafanaExpressionError(`Unexpected trailing input in math expression "${text}"`);
  return result.kind === 'scalar' ? [{ labels: {}, value: result.value }] : result.items;
}

// --- the rule ---------------------------------------------------------------------------------

export interface RuleData {
  readonly refId: string;
  readonly datasourceUid: string;
  readonly model: Record<string, unknown>;
}

export interface RuleEvaluation {
  /** Label sets whose condition value is non-zero (queries-conditions: "the alert condition is met when the value is not 0"). */
  readonly firing: Labels[];
  /** The data query returned no series: Grafana applies the rule's noDataState. */
  readonly noData: boolean;
  /** Every label set's condition value. */
  readonly condition: NumberResult[];
}

/**
 * Evaluates a Grafana-managed rule's expression chain over the results of its data queries (by
 * refId), in the order of `data` (each expression reads earlier refIds), and reports the label sets
 * for which the `condition` refId is non-zero.
 */
export function evaluateRule(rule: { readonly condition: string; readonly data: readonly RuleData[] }, queries: ReadonlyMap<string, readonly DataSeries[]>): RuleEvaluation {
  const results = new Map<string, NumberResult[]>();
  const series = new Map<string, readonly DataSeries[]>();
  let noData = false;
  for (const d of rule.data) {
    if (d.datasourceUid !== '__expr__') {
      const s = queries.get(d.refId);
      if (!s) throw new GrafanaExpressionError(`Unexpected missing result of data query ${d.refId}`);
      series.set(d.refId, s);
      if (s.length === 0) noData = true;
      // A data query as a number per series (its last value), for math that reads it directly.
      results.set(d.refId, s.map((x) => ({ labels: x.labels, value: x.values.length ? (x.values[x.values.length - 1] as number | null) : null })));
      continue;
    }
    const m = d.model as unknown as ExpressionModel;
    if (m.type === 'reduce') {
      const input = series.get(m.expression);
      if (!input) throw new GrafanaExpressionError(`Unexpected reduce of ${m.expression}, expected a data query`);
      results.set(d.refId, reduce(input, m.reducer, m.settings));
    } else if (m.type === 'threshold') {
      const input = results.get(m.expression);
      const c = m.conditions[0];
      if (!input || !c) throw new GrafanaExpressionError(`Unexpected threshold ${d.refId} without input or condition`);
      results.set(d.refId, threshold(input, c.evaluator.type, c.evaluator.params));
    } else if (m.type === 'math') {
      results.set(d.refId, math(m.expression, results));
    } else {
      throw new GrafanaExpressionError(`Unexpected expression type ${(m as { type: string }).type} in ${d.refId}, expected reduce, math or threshold`);
    }
  }
  const condition = results.get(rule.condition);
  if (!condition) throw new GrafanaExpressionError(`Unexpected condition ${rule.condition}, expected one of the rule's refIds`);
  return { firing: condition.filter((r) => r.value !== null && !Number.isNaN(r.value) && r.value !== 0).map((r) => r.labels), noData, condition };
}
