/**
 * What a series name in a query stands for: a declared metric (histograms and summaries expand to
 * their _bucket/_sum/_count series), a recording rule, or a series Prometheus makes itself.
 */
import type { ResolvedMetric, ResolvedModel } from '@monspec/metrics-spec';
import { BUILTIN_SERIES, TARGET_LABELS, analyzePromql, histogramSeries, summarySeries } from '@monspec/metrics-spec';

export interface SeriesInfo {
  readonly kind: 'metric' | 'recording-rule' | 'builtin';
  /** The declared metric (for metric series). */
  readonly metric: ResolvedMetric | undefined;
  /** Counter semantics: counters, and histogram/summary _bucket, _sum, _count. */
  readonly counter: boolean;
  /** Labels the series carries, when known (target labels included). */
  readonly labels: ReadonlySet<string> | undefined;
}

const cache = new WeakMap<ResolvedModel, ReadonlyMap<string, SeriesInfo>>();

export function seriesIndex(model: ResolvedModel): ReadonlyMap<string, SeriesInfo> {
  const hit = cache.get(model);
  if (hit) return hit;
  const out = new Map<string, SeriesInfo>();
  for (const m of model.metrics) {
    const labels = [...m.labels.map((l) => l.name), ...TARGET_LABELS];
    if (m.type === 'histogram' || m.type === 'summary') {
      const expanded = m.type === 'histogram' ? histogramSeries(m.name) : summarySeries(m.name);
      for (const s of expanded) {
        // A summary's bare name is its quantile gauge; every other expanded series counts.
        const counter = !(m.type === 'summary' && s.name === m.name);
        out.set(s.name, { kind: 'metric', metric: m, counter, labels: new Set(s.extraLabel ? [...labels, s.extraLabel] : labels) });
      }
    } else {
      out.set(m.name, { kind: 'metric', metric: m, counter: m.type === 'counter', labels: new Set(labels) });
    }
  }
  for (const r of model.recordingRules) {
    out.set(r.name, { kind: 'recording-rule', metric: undefined, counter: false, labels: r.outputLabels ? new Set(r.outputLabels) : undefined });
  }
  for (const b of BUILTIN_SERIES) if (!out.has(b)) out.set(b, { kind: 'builtin', metric: undefined, counter: false, labels: undefined });
  cache.set(model, out);
  return out;
}

/** Recording rule name → expression, once per model (metricsRead runs per query target). */
function ruleExprs(model: ResolvedModel): ReadonlyMap<string, string> {
  let rules = rulesByModel.get(model);
  if (!rules) {
    rules = new Map(model.recordingRules.map((r) => [r.name, r.expr]));
    rulesByModel.set(model, rules);
  }
  return rules;
}

const rulesByModel = new WeakMap<ResolvedModel, ReadonlyMap<string, string>>();

/** The declared metrics an expression reads, directly or through recording rules (transitively). */
export function metricsRead(model: ResolvedModel, expr: string): Set<string> {
  const index = seriesIndex(model);
  const rules = ruleExprs(model);
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (e: string) => {
    for (const name of analyzePromql(e).metricNames) {
      const info = index.get(name);
      if (info?.metric) out.add(info.metric.name);
      const ruleExpr = rules.get(name);
      if (ruleExpr !== undefined && !seen.has(name)) {
        seen.add(name);
        visit(ruleExpr);
      }
    }
  };
  visit(expr);
  return out;
}
