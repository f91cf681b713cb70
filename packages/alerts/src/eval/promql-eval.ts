/**
 * A small PromQL evaluator over promtool-style test series, following Prometheus 2.x semantics for
 * the subset monspec rules use (selectors with 5m lookback, range selectors, rate/increase with
 * extrapolation, *_over_time, histogram_quantile, absent, aggregations with by/without, scalar and
 * one-to-one vector arithmetic, comparisons, and/or/unless). It exists for one purpose: computing
 * the `$value` an alert's annotations render with at a test's eval time, so generated promtool tests
 * can state exact annotations. promtool remains the judge; anything unsupported throws.
 */
import type { SyntaxNode } from '@lezer/common';
import { parseDuration, parsePromql, unquoteString } from '@monspec/metrics-spec';
import type { Labels, Point, Series } from './series.js';
import { arithmetic, comparison } from './arithmetic.js';

export interface Sample {
  readonly labels: Labels;
  readonly value: number;
}

type Value =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'vector'; readonly samples: readonly Sample[] }
  | { readonly kind: 'matrix'; readonly series: readonly Series[]; readonly range: number };

export interface RecordedRule {
  readonly expr: string;
  readonly labels: Labels;
}

export interface EvalContext {
  readonly series: readonly Series[];
  /** Recording rules by name: their series are the rule evaluated at each evaluation step. */
  readonly rules: ReadonlyMap<string, RecordedRule>;
  /** Seconds between rule evaluations (recorded samples). */
  readonly evaluationInterval: number;
}

const LOOKBACK = 300;

export class UnsupportedPromql extends Error {}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function withoutName(labels: Labels): Record<string, string> {
  const { __name__: _name, ...rest } = labels;
  return rest;
}

/** The first index whose point is after `t` (or at it, with `inclusive`); points are in time order. */
function indexAfter(points: readonly Point[], t: number, inclusive: boolean): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const pt = (points[mid] as Point).t;
    if (pt < t || (!inclusive && pt === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The points with from <= t' <= t, by binary search: scenarios span days of 1m samples, and every
 * evaluation step of every rule selects from them.
 */
function pointsBetween(points: readonly Point[], from: number, t: number): Point[] {
  return points.slice(indexAfter(points, from, true), indexAfter(points, t, false));
}

function signature(labels: Labels, on: readonly string[] | undefined, ignoring: readonly string[]): string {
  const keys = Object.keys(labels)
    .filter((k) => k !== '__name__' && (on ? on.includes(k) : !ignoring.includes(k)))
    .sort();
  return JSON.stringify(keys.map((k) => [k, labels[k]]));
}

interface Matcher {
  readonly name: string;
  readonly op: string;
  readonly value: string;
}

function matches(labels: Labels, matchers: readonly Matcher[]): boolean {
  return matchers.every((m) => {
    const v = (Object.hasOwn(labels, m.name) ? labels[m.name] : undefined) ?? '';
    switch (m.op) {
      case '=':
        return v === m.value;
      case '!=':
        return v !== m.value;
      case '=~':
        return new RegExp(`^(?:${m.value})$`).test(v);
      case '!~':
        return !new RegExp(`^(?:${m.value})$`).test(v);
      default:
        throw new UnsupportedPromql(`matcher ${m.op}`);
    }
  });
}

function compare(op: string, a: number, b: number): boolean {
  const result = comparison(op, a, b);
  if (result === undefined) throw new UnsupportedPromql(op);
  return result;
}

const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);

/** Prometheus' extrapolated rate/increase over the points of one range. */
function extrapolated(points: readonly Point[], start: number, end: number, range: number, isRate: boolean): number | undefined {
  if (points.length < 2) return undefined;
  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  let result = last.v - first.v;
  let prev = first.v;
  for (const p of points) {
    if (p.v < prev) result += prev;
    prev = p.v;
  }
  let durationToStart = first.t - start;
  const durationToEnd = end - last.t;
  const sampled = last.t - first.t;
  const average = sampled / (points.length - 1);
  if (result > 0 && first.v >= 0) {
    const durationToZero = sampled * (first.v / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = average * 1.1;
  let interval = sampled;
  interval += durationToStart < threshold ? durationToStart : average / 2;
  interval += durationToEnd < threshold ? durationToEnd : average / 2;
  result = result * (interval / sampled);
  return isRate ? result / range : result;
}

function bucketQuantile(q: number, buckets: Array<{ le: number; count: number }>): number {
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  buckets.sort((a, b) => a.le - b.le);
  const top = buckets[buckets.length - 1];
  if (!top || top.le !== Infinity || buckets.length < 2) return Number.NaN;
  for (let i = 1; i < buckets.length; i++) {
    const b = buckets[i] as { le: number; count: number };
    const p = buckets[i - 1] as { le: number; count: number };
    if (b.count < p.count) b.count = p.count;
  }
  const observations = top.count;
  if (observations === 0) return Number.NaN;
  let rank = q * observations;
  let b = buckets.findIndex((x) => x.count >= rank);
  if (b < 0) b = buckets.length - 1;
  if (b === buckets.length - 1) return (buckets[buckets.length - 2] as { le: number }).le;
  const bucket = buckets[b] as { le: number; count: number };
  if (b === 0 && bucket.le <= 0) return bucket.le;
  let bucketStart = 0;
  let count = bucket.count;
  if (b > 0) {
    const prev = buckets[b - 1] as { le: number; count: number };
    bucketStart = prev.le;
    count -= prev.count;
    rank -= prev.count;
  }
  return bucketStart + (bucket.le - bucketStart) * (rank / count);
}

export class PromqlEvaluator {
  /** A recording rule evaluated at one step, by `name@t`: SLO scenarios read the same steps many times. */
  private readonly recorded = new Map<string, Sample[]>();

  constructor(private readonly ctx: EvalContext) {}

  private recordedAt(name: string, rule: RecordedRule, at: number): Sample[] {
    const key = `${name}@${at}`;
    let samples = this.recorded.get(key);
    if (!samples) {
      samples = this.vector(rule.expr, at);
      this.recorded.set(key, samples);
    }
    return samples;
  }

  /** Evaluates `expr` at `t` seconds; returns the instant vector (scalars become one unlabelled sample). */
  vector(expr: string, t: number): Sample[] {
    const v = this.evalText(expr, t);
    if (v.kind === 'scalar') return [{ labels: {}, value: v.value }];
    if (v.kind === 'matrix') throw new UnsupportedPromql('range vector result');
    return [...v.samples];
  }

  private evalText(expr: string, t: number): Value {
    // metrics-spec's parse cache: a recording rule is evaluated at every step of every scenario that reads it.
    const { analysis, tree } = parsePromql(expr);
    if (analysis.syntaxErrors.length > 0) throw new UnsupportedPromql(`cannot parse ${expr}`);
    const top = tree.topNode.firstChild;
    if (!top) throw new UnsupportedPromql('empty expression');
    return this.eval(top, analysis.text, t);
  }

  private text(node: SyntaxNode, src: string): string {
    return src.slice(node.from, node.to);
  }

  private eval(node: SyntaxNode, src: string, t: number): Value {
    switch (node.name) {
      case 'ParenExpr': {
        const inner = children(node)[0];
        if (!inner) throw new UnsupportedPromql('empty parentheses');
        return this.eval(inner, src, t);
      }
      case 'NumberDurationLiteral':
      case 'NumberLiteral': {
        const text = this.text(node, src).toLowerCase();
        const value = text === 'inf' || text === '+inf' ? Infinity : text === '-inf' ? -Infinity : Number(text);
        if (Number.isNaN(value) && text !== 'nan') throw new UnsupportedPromql(`number ${text}`);
        return { kind: 'scalar', value };
      }
      case 'UnaryExpr': {
        const parts = children(node);
        const operand = parts[parts.length - 1] as SyntaxNode;
        const v = this.eval(operand, src, t);
        const negate = parts[0]?.name === 'Sub';
        if (v.kind === 'scalar') return { kind: 'scalar', value: negate ? -v.value : v.value };
        if (v.kind === 'vector') return { kind: 'vector', samples: v.samples.map((s) => ({ labels: withoutName(s.labels), value: negate ? -s.value : s.value })) };
        throw new UnsupportedPromql('unary on range vector');
      }
      case 'VectorSelector':
        return { kind: 'vector', samples: this.select(node, src, t) };
      case 'MatrixSelector':
        return this.matrix(node, src, t);
      case 'FunctionCall':
        return this.call(node, src, t);
      case 'AggregateExpr':
        return this.aggregate(node, src, t);
      case 'BinaryExpr':
        return this.binary(node, src, t);
      default:
        throw new UnsupportedPromql(`${node.name} is not supported`);
    }
  }

  private selector(node: SyntaxNode, src: string): { name: string | undefined; matchers: Matcher[] } {
    let name: string | undefined;
    const matchers: Matcher[] = [];
    for (const c of children(node)) {
      if (c.name === 'Identifier') name = this.text(c, src);
      else if (c.name === 'LabelMatchers') {
        for (const m of children(c)) {
          if (m.name !== 'UnquotedLabelMatcher') throw new UnsupportedPromql(m.name);
          const [ln, op, value] = children(m);
          if (!ln || !op || !value) throw new UnsupportedPromql('label matcher');
          matchers.push({ name: this.text(ln, src), op: this.text(op, src), value: unquoteString(this.text(value, src)) });
        }
      }
    }
    return { name, matchers };
  }

  /** All series (raw or recorded) of a selector, with their points up to `t`. */
  private seriesOf(name: string | undefined, matchers: readonly Matcher[], from: number, t: number): Series[] {
    const rule = name ? this.ctx.rules.get(name) : undefined;
    if (rule && name) {
      const step = this.ctx.evaluationInterval;
      const bySig = new Map<string, { labels: Labels; points: Point[] }>();
      for (let at = Math.ceil(from / step) * step; at <= t; at += step) {
        for (const s of this.recordedAt(name, rule, at)) {
          const labels = { ...withoutName(s.labels), ...rule.labels, __name__: name };
          const key = signature(labels, undefined, []);
          const entry = bySig.get(key) ?? { labels, points: [] as Point[] };
          entry.points.push({ t: at, v: s.value });
          bySig.set(key, entry);
        }
      }
      return [...bySig.values()].filter((s) => matches(s.labels, matchers));
    }
    const all = name ? [{ name: '__name__', op: '=', value: name }, ...matchers] : matchers;
    return this.ctx.series.filter((s) => matches(s.labels, all)).map((s) => ({ labels: s.labels, points: pointsBetween(s.points, from, t) }));
  }

  private select(node: SyntaxNode, src: string, t: number): Sample[] {
    const { name, matchers } = this.selector(node, src);
    const rule = name ? this.ctx.rules.get(name) : undefined;
    const out: Sample[] = [];
    if (rule) {
      // Recorded series are written at every evaluation and marked stale when they disappear, so
      // the value at t is the rule evaluated at the latest evaluation step (recording groups run first).
      const at = Math.floor(t / this.ctx.evaluationInterval) * this.ctx.evaluationInterval;
      for (const s of this.seriesOf(name, matchers, at, at)) {
        const last = s.points[s.points.length - 1];
        if (last) out.push({ labels: s.labels, value: last.v });
      }
      return out;
    }
    for (const s of this.seriesOf(name, matchers, t - LOOKBACK, t)) {
      const last = s.points[s.points.length - 1];
      if (last && last.t > t - LOOKBACK) out.push({ labels: s.labels, value: last.v });
    }
    return out;
  }

  private matrix(node: SyntaxNode, src: string, t: number): Value {
    const parts = children(node);
    const vs = parts.find((p) => p.name === 'VectorSelector');
    const dur = parts.find((p) => p.name !== 'VectorSelector');
    if (!vs || !dur) throw new UnsupportedPromql('range selector');
    const range = parseDuration(this.text(dur, src).trim());
    if (!Number.isFinite(range)) throw new UnsupportedPromql(`range ${this.text(dur, src)}`);
    const { name, matchers } = this.selector(vs, src);
    return { kind: 'matrix', series: this.seriesOf(name, matchers, t - range, t), range };
  }

  private args(node: SyntaxNode, src: string, t: number): Value[] {
    const body = children(node).find((c) => c.name === 'FunctionCallBody');
    return body ? children(body).map((c) => this.eval(c, src, t)) : [];
  }

  private call(node: SyntaxNode, src: string, t: number): Value {
    const ident = children(node).find((c) => c.name === 'FunctionIdentifier');
    const fn = ident ? this.text(ident, src) : '';
    const args = this.args(node, src, t);
    const arg = (i: number): Value => {
      const a = args[i];
      if (!a) throw new UnsupportedPromql(`${fn}: missing argument`);
      return a;
    };
    const overRange = (compute: (points: readonly Point[], range: number) => number | undefined): Value => {
      const m = arg(0);
      if (m.kind !== 'matrix') throw new UnsupportedPromql(`${fn} needs a range vector`);
      const samples: Sample[] = [];
      for (const s of m.series) {
        const v = compute(s.points, m.range);
        if (v !== undefined) samples.push({ labels: withoutName(s.labels), value: v });
      }
      return { kind: 'vector', samples };
    };
    switch (fn) {
      case 'rate':
        return overRange((p, r) => extrapolated(p, t - r, t, r, true));
      case 'increase':
        return overRange((p, r) => extrapolated(p, t - r, t, r, false));
      case 'count_over_time':
        return overRange((p) => (p.length ? p.length : undefined));
      case 'sum_over_time':
        return overRange((p) => (p.length ? p.reduce((a, x) => a + x.v, 0) : undefined));
      case 'avg_over_time':
        return overRange((p) => (p.length ? p.reduce((a, x) => a + x.v, 0) / p.length : undefined));
      case 'max_over_time':
        return overRange((p) => (p.length ? Math.max(...p.map((x) => x.v)) : undefined));
      case 'min_over_time':
        return overRange((p) => (p.length ? Math.min(...p.map((x) => x.v)) : undefined));
      case 'vector': {
        const s = arg(0);
        if (s.kind !== 'scalar') throw new UnsupportedPromql('vector() needs a scalar');
        return { kind: 'vector', samples: [{ labels: {}, value: s.value }] };
      }
      case 'absent': {
        const v = arg(0);
        if (v.kind !== 'vector') throw new UnsupportedPromql('absent() needs an instant vector');
        if (v.samples.length > 0) return { kind: 'vector', samples: [] };
        const body = children(node).find((c) => c.name === 'FunctionCallBody');
        const inner = body ? children(body)[0] : undefined;
        const labels: Record<string, string> = {};
        if (inner?.name === 'VectorSelector') {
          for (const m of this.selector(inner, src).matchers) if (m.op === '=') labels[m.name] = m.value;
        }
        return { kind: 'vector', samples: [{ labels, value: 1 }] };
      }
      case 'histogram_quantile': {
        const q = arg(0);
        const v = arg(1);
        if (q.kind !== 'scalar' || v.kind !== 'vector') throw new UnsupportedPromql('histogram_quantile(scalar, vector)');
        const groups = new Map<string, { labels: Labels; buckets: Array<{ le: number; count: number }> }>();
        for (const s of v.samples) {
          const le = s.labels['le'];
          if (le === undefined) continue;
          const { le: _le, ...rest } = withoutName(s.labels);
          const key = signature(rest, undefined, []);
          const g = groups.get(key) ?? { labels: rest, buckets: [] };
          g.buckets.push({ le: le === '+Inf' ? Infinity : Number(le), count: s.value });
          groups.set(key, g);
        }
        return { kind: 'vector', samples: [...groups.values()].map((g) => ({ labels: g.labels, value: bucketQuantile(q.value, g.buckets) })) };
      }
      default:
        throw new UnsupportedPromql(`function ${fn}`);
    }
  }

  private aggregate(node: SyntaxNode, src: string, t: number): Value {
    const parts = children(node);
    const opNode = parts.find((c) => c.name === 'AggregateOp');
    const modifier = parts.find((c) => c.name === 'AggregateModifier');
    const body = parts.find((c) => c.name === 'FunctionCallBody');
    const op = opNode ? this.text(opNode, src) : '';
    const bodyArgs = body ? children(body) : [];
    if (bodyArgs.length !== 1) throw new UnsupportedPromql(`${op} with parameters`);
    const v = this.eval(bodyArgs[0] as SyntaxNode, src, t);
    if (v.kind !== 'vector') throw new UnsupportedPromql(`${op} needs an instant vector`);
    let by: string[] | undefined = [];
    let without: string[] = [];
    if (modifier) {
      const kind = children(modifier)[0]?.name;
      const names = children(modifier)
        .filter((c) => c.name === 'GroupingLabels')
        .flatMap((g) => children(g).map((l) => this.text(l, src)));
      if (kind === 'Without') {
        by = undefined;
        without = names;
      } else by = names;
    }
    const groups = new Map<string, { labels: Labels; values: number[] }>();
    for (const s of v.samples) {
      const kept: Record<string, string> = {};
      for (const [k, val] of Object.entries(s.labels)) {
        if (k === '__name__') continue;
        if (by ? by.includes(k) : !without.includes(k)) kept[k] = val;
      }
      const key = signature(kept, undefined, []);
      const g = groups.get(key) ?? { labels: kept, values: [] };
      g.values.push(s.value);
      groups.set(key, g);
    }
    const reduce = (values: number[]): number => {
      switch (op) {
        case 'sum':
          return values.reduce((a, b) => a + b, 0);
        case 'max':
          return values.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a));
        case 'min':
          return values.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a));
        case 'avg':
          return values.reduce((a, b) => a + b, 0) / values.length;
        case 'count':
          return values.length;
        default:
          throw new UnsupportedPromql(`aggregation ${op}`);
      }
    };
    return { kind: 'vector', samples: [...groups.values()].map((g) => ({ labels: g.labels, value: reduce(g.values) })) };
  }

  private binary(node: SyntaxNode, src: string, t: number): Value {
    const parts = children(node);
    const lhsNode = parts[0];
    const rhsNode = parts[parts.length - 1];
    const opNode = parts[1];
    if (!lhsNode || !rhsNode || !opNode) throw new UnsupportedPromql('binary expression');
    const op = this.text(opNode, src).toLowerCase();
    const returnBool = parts.some((p) => p.name === 'BoolModifier');
    const matching = parts.find((p) => p.name === 'MatchingModifierClause');
    let on: string[] | undefined;
    let ignoring: string[] = [];
    if (matching) {
      const mc = children(matching);
      if (mc.some((c) => c.name === 'GroupLeft' || c.name === 'GroupRight')) throw new UnsupportedPromql('group_left/group_right');
      const names = mc.filter((c) => c.name === 'GroupingLabels').flatMap((g) => children(g).map((l) => this.text(l, src)));
      if (mc[0]?.name === 'On') on = names;
      else ignoring = names;
    }
    const lhs = this.eval(lhsNode, src, t);
    const rhs = this.eval(rhsNode, src, t);
    const isComparison = COMPARISONS.has(op);

    if (op === 'and' || op === 'or' || op === 'unless') {
      if (lhs.kind !== 'vector' || rhs.kind !== 'vector') throw new UnsupportedPromql(`${op} needs vectors`);
      const rhsSigs = new Set(rhs.samples.map((s) => signature(s.labels, on, ignoring)));
      if (op === 'and') return { kind: 'vector', samples: lhs.samples.filter((s) => rhsSigs.has(signature(s.labels, on, ignoring))) };
      if (op === 'unless') return { kind: 'vector', samples: lhs.samples.filter((s) => !rhsSigs.has(signature(s.labels, on, ignoring))) };
      const lhsSigs = new Set(lhs.samples.map((s) => signature(s.labels, on, ignoring)));
      return { kind: 'vector', samples: [...lhs.samples, ...rhs.samples.filter((s) => !lhsSigs.has(signature(s.labels, on, ignoring)))] };
    }

    const apply = (a: number, b: number): { value: number; keep: boolean } => {
      if (!isComparison) {
        const value = arithmetic(op, a, b);
        if (value === undefined) throw new UnsupportedPromql(op);
        return { value, keep: true };
      }
      const ok = compare(op, a, b);
      return returnBool ? { value: ok ? 1 : 0, keep: true } : { value: a, keep: ok };
    };

    if (lhs.kind === 'scalar' && rhs.kind === 'scalar') {
      if (isComparison && !returnBool) throw new UnsupportedPromql('scalar comparison needs bool');
      return { kind: 'scalar', value: apply(lhs.value, rhs.value).value };
    }
    if (lhs.kind === 'matrix' || rhs.kind === 'matrix') throw new UnsupportedPromql('binary operation on range vector');
    const dropName = !isComparison || returnBool;
    if (lhs.kind === 'vector' && rhs.kind === 'scalar') {
      const samples: Sample[] = [];
      for (const s of lhs.samples) {
        const r = apply(s.value, rhs.value);
        if (r.keep) samples.push({ labels: dropName ? withoutName(s.labels) : s.labels, value: r.value });
      }
      return { kind: 'vector', samples };
    }
    if (lhs.kind === 'scalar' && rhs.kind === 'vector') {
      const samples: Sample[] = [];
      for (const s of rhs.samples) {
        const r = apply(lhs.value, s.value);
        // A filtering comparison keeps the vector side's value.
        if (r.keep) samples.push({ labels: dropName ? withoutName(s.labels) : s.labels, value: isComparison && !returnBool ? s.value : r.value });
      }
      return { kind: 'vector', samples };
    }
    if (lhs.kind !== 'vector' || rhs.kind !== 'vector') throw new UnsupportedPromql('binary operands');
    const right = new Map<string, Sample>();
    for (const s of rhs.samples) {
      const key = signature(s.labels, on, ignoring);
      if (right.has(key)) throw new UnsupportedPromql('many-to-one matching');
      right.set(key, s);
    }
    const samples: Sample[] = [];
    for (const s of lhs.samples) {
      const other = right.get(signature(s.labels, on, ignoring));
      if (!other) continue;
      const r = apply(s.value, other.value);
      if (!r.keep) continue;
      let labels: Record<string, string> = dropName ? withoutName(s.labels) : { ...s.labels };
      if (on) labels = Object.fromEntries(Object.entries(labels).filter(([k]) => on?.includes(k) || (!dropName && k === '__name__')));
      else for (const k of ignoring) delete labels[k];
      samples.push({ labels, value: r.value });
    }
    return { kind: 'vector', samples };
  }
}
