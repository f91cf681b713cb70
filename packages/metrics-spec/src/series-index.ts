/**
 * What a series name in a resolved model's expressions stands for, and which declared metrics an
 * expression reads. The dashboards lint, the docs (catalogue, runbooks) and the CLI's `explain` ask
 * these questions of the same model, so they get the same answers from here.
 */
import { BUILTIN_SERIES, metricSeries, SEVERITIES, TARGET_LABELS } from './conventions.js';
import type { ResolvedMetric, ResolvedModel } from './model.js';
import { analyzePromql } from './promql/analyze.js';

export interface SeriesInfo {
  readonly kind: 'metric' | 'recording-rule' | 'builtin';
  /** The declared metric (for metric series). */
  readonly metric: ResolvedMetric | undefined;
  /** Counter semantics: counters, and histogram/summary _bucket, _sum, _count. */
  readonly counter: boolean;
  /** Labels the series carries, when known (target labels included). */
  readonly labels: ReadonlySet<string> | undefined;
}

interface ModelSeries {
  readonly series: ReadonlyMap<string, SeriesInfo>;
  readonly ruleExprs: ReadonlyMap<string, string>;
  /** expression → the metrics it reads; the catalogue, runbooks and lint ask about the same ones. */
  readonly reads: Map<string, readonly string[]>;
}

// The model is frozen, so everything derived from it can be kept for its lifetime.
const cache = new WeakMap<ResolvedModel, ModelSeries>();

function modelSeries(model: ResolvedModel): ModelSeries {
  const hit = cache.get(model);
  if (hit) return hit;
  const series = new Map<string, SeriesInfo>();
  for (const m of model.metrics) {
    const labels = [...m.labels.map((l) => l.name), ...TARGET_LABELS];
    for (const s of metricSeries(m.name, m.type)) series.set(s.name, { kind: 'metric', metric: m, counter: s.counter, labels: new Set(s.extraLabel ? [...labels, s.extraLabel] : labels) });
  }
  for (const r of model.recordingRules) {
    series.set(r.name, { kind: 'recording-rule', metric: undefined, counter: false, labels: r.outputLabels ? new Set(r.outputLabels) : undefined });
  }
  for (const b of BUILTIN_SERIES) if (!series.has(b)) series.set(b, { kind: 'builtin', metric: undefined, counter: false, labels: undefined });
  const entry: ModelSeries = { series, ruleExprs: new Map(model.recordingRules.map((r) => [r.name, r.expr])), reads: new Map() };
  cache.set(model, entry);
  return entry;
}

/** Series name → what it is: a declared metric's series, a recording rule, or a series Prometheus makes itself. */
export function seriesIndex(model: ResolvedModel): ReadonlyMap<string, SeriesInfo> {
  return modelSeries(model).series;
}

/**
 * The declared metrics a PromQL expression reads, directly or through recording rules
 * (transitively; a cycle is followed once), sorted by name. `x_bucket` reads histogram `x`; a name
 * that is no series of a declared metric (a gauge's `x_count`) reads nothing.
 */
export function metricsRead(model: ResolvedModel, expr: string): readonly string[] {
  const { series, ruleExprs, reads } = modelSeries(model);
  const known = reads.get(expr);
  if (known) return known;
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (e: string) => {
    for (const name of analyzePromql(e).metricNames) {
      const metric = series.get(name)?.metric;
      if (metric) out.add(metric.name);
      const ruleExpr = ruleExprs.get(name);
      if (ruleExpr !== undefined && !seen.has(name)) {
        seen.add(name);
        visit(ruleExpr);
      }
    }
  };
  visit(expr);
  const result = Object.freeze([...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  reads.set(expr, result);
  return result;
}

/**
 * The declared metrics and recording rules a PromQL expression names itself (not through rules),
 * sorted: what `explain` lists as a name's users. Names inside strings, label values and comments
 * are not series and do not count.
 */
export function namesRead(model: ResolvedModel, expr: string): readonly string[] {
  const { series } = modelSeries(model);
  const out = new Set<string>();
  for (const name of analyzePromql(expr).metricNames) {
    const info = series.get(name);
    if (info?.kind === 'metric' && info.metric) out.add(info.metric.name);
    else if (info?.kind === 'recording-rule') out.add(name);
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The metrics each alert reads, and the alerts that read each metric (see `alertReads`). */
export interface AlertReads {
  /** Metrics the alert name's most severe rule reads (a Loki alert reads none), sorted. */
  readonly readsOf: (alertName: string) => readonly string[];
  /** Alert names whose reads include the metric, sorted. */
  readonly readersOf: (metric: string) => readonly string[];
}

const alertReadsCache = new WeakMap<ResolvedModel, AlertReads>();

/**
 * Which alerts read which metrics, built once per model: the runbooks' "Related" section asks it for
 * every alert, which was quadratic in the number of alerts (2000 alerts: seconds).
 */
export function alertReads(model: ResolvedModel): AlertReads {
  const hit = alertReadsCache.get(model);
  if (hit) return hit;
  // The most severe rule of each name, the first in model order among equals.
  const head = new Map<string, ResolvedModel['alerts'][number]>();
  for (const a of model.alerts) {
    const seen = head.get(a.name);
    if (!seen || SEVERITIES.indexOf(a.severity) < SEVERITIES.indexOf(seen.severity)) head.set(a.name, a);
  }
  const reads = new Map<string, readonly string[]>();
  const readers = new Map<string, string[]>();
  for (const [name, a] of head) {
    const metrics = a.datasource === 'prometheus' ? metricsRead(model, a.expr) : [];
    reads.set(name, metrics);
    for (const m of metrics) {
      const names = readers.get(m);
      if (names) names.push(name);
      else readers.set(m, [name]);
    }
  }
  for (const names of readers.values()) names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entry: AlertReads = { readsOf: (name) => reads.get(name) ?? [], readersOf: (metric) => readers.get(metric) ?? [] };
  alertReadsCache.set(model, entry);
  return entry;
}
