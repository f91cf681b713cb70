/** Metrics: labels sorted with their cardinality, bands, deprecation, waivers, estimated series. */
import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import type { MonspecDocument } from '../generated/spec-types.js';
import type { ResolvedMetric, ResolvedService, ResolvedThreshold } from '../model.js';
import { estimateSeries } from '../series-estimate.js';
import { sortedRecord } from '../sorted-record.js';
import { escapePointerSegment as p, type SourceMap } from '../source-map.js';
import { byName } from './common.js';

export function resolveMetrics(spec: MonspecDocument, thresholdByName: ReadonlyMap<string, ResolvedThreshold>, service: ResolvedService, sourceMap: SourceMap): ResolvedMetric[] {
  return Object.entries(spec.metrics ?? {})
    .map(([name, m]): ResolvedMetric => ({
      name,
      type: m.type,
      unit: m.unit,
      help: m.help,
      meaning: m.meaning,
      group: m.group,
      origin: m.origin ?? SCHEMA_DEFAULTS.metric.origin,
      labels: Object.entries(m.labels ?? {})
        .map(([label, l]) => ({ name: label, description: l.description, values: l.values, cardinality: l.values?.length ?? l.maxCardinality ?? 1 }))
        .sort(byName),
      buckets: m.buckets,
      bands: m.bands ? thresholdByName.get(m.bands) : undefined,
      deprecated: m.deprecated ? { reason: m.deprecated.reason, replacement: m.deprecated.replacement } : undefined,
      serviceChange: m.serviceChange,
      waivers: sortedRecord(m.waivers ?? {}),
      estimatedSeries: estimateSeries(m, service.replicas),
      sourceFile: sourceMap.fileOf(`/metrics/${p(name)}`),
    }))
    .sort(byName);
}
