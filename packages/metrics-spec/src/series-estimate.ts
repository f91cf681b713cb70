import type { Metric } from './generated/spec-types.js';

/** prom-client's default histogram has 11 buckets. */
const DEFAULT_BUCKET_COUNT = 11;
/** Summaries are assumed to expose three quantiles. */
const SUMMARY_QUANTILES = 3;

/**
 * Upper bound on the active series one metric exports: the product of its labels' cardinalities,
 * times the series its type expands to (buckets + `+Inf` + _sum + _count), times the replicas.
 */
export function estimateSeries(metric: Metric, replicas: number): number {
  let combinations = 1;
  for (const label of Object.values(metric.labels ?? {})) combinations *= label.values?.length ?? label.maxCardinality ?? 1;
  const perCombination =
    metric.type === 'histogram' ? (metric.buckets?.length ?? DEFAULT_BUCKET_COUNT) + 1 + 2 : metric.type === 'summary' ? SUMMARY_QUANTILES + 2 : 1;
  return combinations * perCombination * replicas;
}
