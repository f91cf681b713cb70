import { escapePointerSegment, type ResolvedMetric } from '@monspec/metrics-spec';
import type { FleetCheck, FleetFinding } from './types.js';

function shape(m: ResolvedMetric): string {
  return `${m.type} with labels {${m.labels.map((l) => l.name).sort().join(', ')}}`;
}

export const metricConflict: FleetCheck = {
  id: 'fleet-metric-conflict',
  severity: 'error',
  description: 'A metric declared by several services has one type and one set of labels: dashboards and rules reading it across the fleet assume one shape.',
  run(services, report) {
    const first = new Map<string, { service: (typeof services)[number]; metric: ResolvedMetric }>();
    for (const service of services) {
      for (const metric of service.model.metrics) {
        // Prometheus's own series (up, scrape_*) belong to every job alike.
        if (metric.origin === 'prometheus') continue;
        const seen = first.get(metric.name);
        if (!seen) {
          first.set(metric.name, { service, metric });
          continue;
        }
        if (shape(seen.metric) === shape(metric)) continue;
        const finding: FleetFinding = {
          message: `Unexpected metric "${metric.name}" in ${service.name} as a ${shape(metric)}, expected the ${shape(seen.metric)} ${seen.service.name} declares (one shape per metric name in the fleet)`,
          service,
          pointer: `/metrics/${escapePointerSegment(metric.name)}`,
          other: seen.service,
          otherPointer: `/metrics/${escapePointerSegment(metric.name)}`,
        };
        report(finding);
      }
    }
  },
};
