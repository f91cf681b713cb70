import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode, Tree } from '@lezer/common';
import { DEFAULTS } from '../conventions.js';
import { excerpt } from '../diagnostics.js';
import { nestingProblem } from './nesting.js';
import { BoundedCache } from './parse-cache.js';
import { unquoteString } from './quote.js';

export interface LabelMatcher {
  readonly label: string;
  readonly op: string;
  readonly value: string;
}

export interface Selector {
  /** Metric name, or '' for a selector without one (`{__name__=~"..."}`). */
  readonly name: string;
  readonly matchers: readonly LabelMatcher[];
  /** Offset in the (normalised) expression text. */
  readonly from: number;
  /** The function the selector is a direct argument of (through a range), e.g. `rate`. */
  readonly enclosingFunction: string | undefined;
}

export interface SyntaxProblem {
  readonly offset: number;
  readonly message: string;
}

/** A label used by name in a grouping or matching clause: `by (tier)`, `on (tier)`. */
export interface LabelUse {
  readonly label: string;
  readonly clause: 'by' | 'without' | 'on' | 'ignoring';
  readonly offset: number;
  /** Labels the operand has, when they could be inferred. */
  readonly available: ReadonlySet<string> | undefined;
}

export interface PromqlAnalysis {
  /** The text as parsed: Grafana variables replaced by literals. */
  readonly text: string;
  readonly syntaxErrors: readonly SyntaxProblem[];
  readonly selectors: readonly Selector[];
  /** Range functions applied to each selector are known; this says which series names are used. */
  readonly metricNames: readonly string[];
}

/**
 * Replaces Grafana's and monspec's variables with literals so the expression parses as plain
 * PromQL: `$__rate_interval`, `$__interval`, `$__range` and an SLO's `$window` become a duration,
 * and a `$var` inside a range becomes a duration too. Variables inside strings are left alone.
 */
export function normaliseExpression(expr: string): string {
  const d = DEFAULTS.grafanaRateInterval;
  return expr
    .replace(/\$\{?__(rate_interval|interval|range|auto)(?::\w+)?\}?/g, d)
    .replace(/\[\s*\$\{?[A-Za-z_]\w*\}?\s*(:[^\]]*)?\]/g, (_m, sub: string | undefined) => `[${d}${sub ?? ''}]`)
    .replace(/\$window\b/g, d);
}

const EXPR_NODES = new Set([
  'AggregateExpr',
  'BinaryExpr',
  'FunctionCall',
  'MatrixSelector',
  'NumberDurationLiteral',
  'OffsetExpr',
  'ParenExpr',
  'StringLiteral',
  'SubqueryExpr',
  'UnaryExpr',
  'VectorSelector',
  'StepInvariantExpr',
]);

/**
 * Entries kept per generation (parse-cache.ts): the synthetic N=1000 spec's build asks for 17 000
 * distinct PromQL texts, each under its own key and its normalised text's.
 */
export const MAX_CACHED = 100_000;
const cache = new BoundedCache<string, { analysis: PromqlAnalysis; tree: Tree }>(MAX_CACHED);

function parse(expr: string): { analysis: PromqlAnalysis; tree: Tree } {
  const hit = cache.get(expr);
  if (hit) return hit;
  const text = normaliseExpression(expr);
  // Expressions that differ only in Grafana's variables (`[$__rate_interval]`, `[5m]`) share a parse.
  const same = cache.get(`\0${text}`);
  if (same) {
    cache.set(expr, same);
    return same;
  }
  const tooDeep = nestingProblem(text);
  // Too deep to parse in linear time: report that alone, with an empty tree for the other passes.
  const tree = parser.parse(tooDeep ? '' : text);
  const syntaxErrors: SyntaxProblem[] = tooDeep ? [tooDeep] : [];
  const selectors: Selector[] = [];
  if (!tooDeep) tree.iterate({
    enter(ref) {
      if (ref.type.isError) {
        const at = excerpt(text.slice(ref.from, Math.max(ref.to, ref.from + 12)).trim(), 40);
        syntaxErrors.push({
          offset: ref.from,
          message: at ? `Unexpected "${at}" at offset ${ref.from}` : `Unexpected end of expression at offset ${ref.from}`,
        });
        return false;
      }
      if (ref.name === 'VectorSelector') {
        const node = ref.node;
        const ident = node.getChild('Identifier');
        const matchers: LabelMatcher[] = [];
        const lm = node.getChild('LabelMatchers');
        if (lm) {
          for (let m = lm.firstChild; m; m = m.nextSibling) {
            if (m.name !== 'UnquotedLabelMatcher' && m.name !== 'QuotedLabelMatcher' && m.name !== 'QuotedLabelName') continue;
            const labelNode = m.getChild('LabelName') ?? m.getChild('QuotedLabelName');
            const op = m.getChild('MatchOp');
            const value = m.getChild('StringLiteral');
            if (m.name === 'QuotedLabelName') {
              // {"metric_name"} is a name, not a matcher
              continue;
            }
            if (labelNode && op && value) {
              matchers.push({ label: unquoteString(text.slice(labelNode.from, labelNode.to)), op: text.slice(op.from, op.to), value: unquoteString(text.slice(value.from, value.to)) });
            }
          }
        }
        let name = ident ? text.slice(ident.from, ident.to) : '';
        if (!name) {
          const quoted = lm?.getChild('QuotedLabelName');
          if (quoted) name = unquoteString(text.slice(quoted.from, quoted.to));
          const byName = matchers.find((m) => m.label === '__name__' && m.op === '=');
          if (byName) name = byName.value;
        }
        selectors.push({ name, matchers, from: ref.from, enclosingFunction: enclosingFunction(node, text) });
      }
      return undefined;
    },
  });
  // An expression that parsed into nothing (empty) is an error too.
  if (text.trim() === '') syntaxErrors.push({ offset: 0, message: 'Unexpected empty expression' });
  const metricNames = [...new Set(selectors.map((s) => s.name).filter((n) => n !== ''))].sort();
  const result = { analysis: { text, syntaxErrors, selectors, metricNames }, tree };
  cache.set(expr, result);
  cache.set(`\0${text}`, result);
  return result;
}

function enclosingFunction(node: SyntaxNode, text: string): string | undefined {
  let n: SyntaxNode | null = node.parent;
  // Through a range (MatrixSelector, SubqueryExpr) and parentheses to the function call.
  while (n && (n.name === 'MatrixSelector' || n.name === 'ParenExpr' || n.name === 'OffsetExpr' || n.name === 'SubqueryExpr')) n = n.parent;
  if (n?.name === 'FunctionCallBody') {
    const call = n.parent;
    if (call?.name === 'FunctionCall') {
      const id = call.getChild('FunctionIdentifier');
      if (id) return text.slice(id.from, id.to);
    }
    if (call?.name === 'AggregateExpr') {
      const op = call.getChild('AggregateOp');
      if (op) return text.slice(op.from, op.to);
    }
  }
  return undefined;
}

/** Parses (once per distinct expression) and returns selectors and syntax errors. */
export function analyzePromql(expr: string): PromqlAnalysis {
  return parse(expr).analysis;
}

/**
 * The parse tree of an expression with the text it was parsed from (`analysis.text`, Grafana
 * variables replaced), from the same cache as `analyzePromql`: the checks, the lints and the
 * alerts' promtool-expectation evaluator parse each expression once between them.
 */
export function parsePromql(expr: string): { readonly analysis: PromqlAnalysis; readonly tree: Tree } {
  return parse(expr);
}

/** The labels each series name carries, or undefined when it is not known (an unknown metric). */
export type LabelLookup = (seriesName: string) => ReadonlySet<string> | undefined;

/**
 * Infers the output labels of an expression and reports every label named in by/without/on/ignoring
 * with the labels its operand has. Inference follows PromQL's rules closely enough for checking:
 * aggregations keep `by` labels or drop `without` ones, histogram_quantile drops `le`, one-to-one
 * arithmetic keeps the left side's labels (or only the `on` labels), label_replace adds its target.
 */
export function inferLabels(expr: string, lookup: LabelLookup): { labels: ReadonlySet<string> | undefined; uses: LabelUse[] } {
  const { analysis, tree } = parse(expr);
  const text = analysis.text;
  const uses: LabelUse[] = [];
  if (analysis.syntaxErrors.length > 0) return { labels: undefined, uses };

  const exprChildren = (node: SyntaxNode): SyntaxNode[] => {
    const out: SyntaxNode[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) if (EXPR_NODES.has(c.name)) out.push(c);
    return out;
  };
  const groupingLabels = (mod: SyntaxNode | null): string[] => {
    const g = mod?.getChild('GroupingLabels');
    const out: string[] = [];
    if (g) for (let c = g.firstChild; c; c = c.nextSibling) if (c.name === 'LabelName' || c.name === 'QuotedLabelName') out.push(unquoteString(text.slice(c.from, c.to)));
    return out;
  };
  const labelOffsets = (mod: SyntaxNode | null): number[] => {
    const g = mod?.getChild('GroupingLabels');
    const out: number[] = [];
    if (g) for (let c = g.firstChild; c; c = c.nextSibling) if (c.name === 'LabelName' || c.name === 'QuotedLabelName') out.push(c.from);
    return out;
  };

  const visit = (node: SyntaxNode): ReadonlySet<string> | undefined => {
    switch (node.name) {
      case 'NumberDurationLiteral':
      case 'StringLiteral':
        return new Set();
      case 'VectorSelector': {
        const ident = node.getChild('Identifier');
        if (!ident) return undefined;
        return lookup(text.slice(ident.from, ident.to));
      }
      case 'MatrixSelector':
      case 'OffsetExpr':
      case 'ParenExpr':
      case 'SubqueryExpr':
      case 'UnaryExpr':
      case 'StepInvariantExpr': {
        const [inner] = exprChildren(node);
        return inner ? visit(inner) : undefined;
      }
      case 'FunctionCall': {
        const id = node.getChild('FunctionIdentifier');
        const fn = id ? text.slice(id.from, id.to) : '';
        const body = node.getChild('FunctionCallBody');
        const args = body ? exprChildren(body) : [];
        const argLabels = args.map(visit);
        switch (fn) {
          case 'vector':
          case 'time':
          case 'scalar':
          case 'pi':
            return new Set();
          case 'absent':
          case 'absent_over_time':
            return undefined;
          case 'histogram_quantile': {
            const l = argLabels[1];
            if (!l) return undefined;
            const out = new Set(l);
            out.delete('le');
            return out;
          }
          case 'label_replace':
          case 'label_join': {
            const l = argLabels[0];
            const dst = args[1];
            if (!l || !dst) return undefined;
            return new Set([...l, unquoteString(text.slice(dst.from, dst.to))]);
          }
          default: {
            const idx = args.findIndex((a) => a.name !== 'NumberDurationLiteral' && a.name !== 'StringLiteral');
            return idx >= 0 ? argLabels[idx] : new Set();
          }
        }
      }
      case 'AggregateExpr': {
        const opNode = node.getChild('AggregateOp');
        const op = opNode ? text.slice(opNode.from, opNode.to) : '';
        const mod = node.getChild('AggregateModifier');
        const body = node.getChild('FunctionCallBody');
        const args = body ? exprChildren(body) : [];
        const operand = args[args.length - 1];
        const input = operand ? visit(operand) : undefined;
        for (const a of args.slice(0, -1)) visit(a);
        const mode = mod?.getChild('By') ? 'by' : mod?.getChild('Without') ? 'without' : undefined;
        const labels = groupingLabels(mod);
        const offsets = labelOffsets(mod);
        if (mode) labels.forEach((label, i) => uses.push({ label, clause: mode, offset: offsets[i] ?? node.from, available: input }));
        if (op === 'topk' || op === 'bottomk' || op === 'limitk' || op === 'limit_ratio') return input;
        const extra = op === 'count_values' && args[0] ? [unquoteString(text.slice(args[0].from, args[0].to))] : [];
        if (mode === 'by') return new Set([...labels, ...extra]);
        if (mode === 'without') {
          if (!input) return undefined;
          const out = new Set(input);
          for (const l of labels) out.delete(l);
          for (const l of extra) out.add(l);
          return out;
        }
        return new Set(extra);
      }
      case 'BinaryExpr': {
        const [lhsNode, rhsNode] = exprChildren(node);
        const lhs = lhsNode ? visit(lhsNode) : undefined;
        const rhs = rhsNode ? visit(rhsNode) : undefined;
        const scalarL = lhsNode?.name === 'NumberDurationLiteral';
        const scalarR = rhsNode?.name === 'NumberDurationLiteral';
        if (scalarL) return rhs;
        if (scalarR) return lhs;
        const matching = node.getChild('MatchingModifierClause');
        const clause = matching?.getChild('On') ? 'on' : matching?.getChild('Ignoring') ? 'ignoring' : undefined;
        const matchLabels = groupingLabels(matching);
        const offsets = labelOffsets(matching);
        if (clause) {
          const both = lhs && rhs ? new Set([...lhs, ...rhs]) : undefined;
          matchLabels.forEach((label, i) => uses.push({ label, clause, offset: offsets[i] ?? node.from, available: both }));
        }
        let opName = '';
        for (let c = node.firstChild; c; c = c.nextSibling) {
          if (!EXPR_NODES.has(c.name) && c.name !== 'MatchingModifierClause' && c.name !== 'BoolModifier') opName = c.name;
        }
        if (opName === 'Or') return lhs && rhs ? new Set([...lhs, ...rhs]) : undefined;
        if (opName === 'And' || opName === 'Unless') return lhs;
        const groupLeft = matching?.getChild('GroupLeft');
        const groupRight = matching?.getChild('GroupRight');
        if (groupRight) return rhs;
        if (groupLeft) return lhs;
        if (!lhs) return undefined;
        if (clause === 'on') return new Set(matchLabels.filter((l) => lhs.has(l)));
        if (clause === 'ignoring') return new Set([...lhs].filter((l) => !matchLabels.includes(l)));
        return lhs;
      }
      default: {
        const [inner] = exprChildren(node);
        return inner ? visit(inner) : undefined;
      }
    }
  };

  const top = tree.topNode.firstChild;
  const labels = top ? visit(top) : undefined;
  return { labels, uses };
}

/** Whether the expression's top level is a binary operation, so `expr > x` needs parentheses. */
export function isTopLevelBinary(expr: string): boolean {
  const { tree } = parse(expr);
  return tree.topNode.firstChild?.name === 'BinaryExpr';
}

/**
 * The topk()/bottomk() calls whose ranked expression is a ratio: a division at its top level (through
 * parentheses and other binary operators, not inside a call or aggregation), in order of appearance.
 */
export function rankedRatios(expr: string): Array<'topk' | 'bottomk'> {
  const { tree } = parse(expr);
  const divides = (node: SyntaxNode | null): boolean => {
    if (!node) return false;
    if (node.name === 'ParenExpr') return divides(node.firstChild);
    if (node.name !== 'BinaryExpr') return false;
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === 'Div' || divides(c)) return true;
    return false;
  };
  const out: Array<'topk' | 'bottomk'> = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'AggregateExpr') return;
      const op = ref.node.getChild('AggregateOp')?.firstChild?.name;
      if (op !== 'Topk' && op !== 'Bottomk') return;
      const args: SyntaxNode[] = [];
      for (let c = ref.node.getChild('FunctionCallBody')?.firstChild ?? null; c; c = c.nextSibling) if (!c.type.isError) args.push(c);
      if (divides(args[1] ?? null)) out.push(op === 'Topk' ? 'topk' : 'bottomk');
    },
  });
  return out;
}
