import { escapePointerSegment } from '@monspec/metrics-spec';
import type { FleetEntry } from '../entry.js';
import type { FleetCheck, FleetFinding } from './types.js';

type Metric = FleetEntry['metrics'][number];

function shape(m: Metric): string {
  return `${m.type} with labels {${m.labels.join(', ')}}`;
}

export const metricConflict: FleetCheck = {
  id: 'fleet-metric-conflict',
  severity: 'error',
  description: 'A metric declared by several services has one type and one set of labels: dashboards and rules reading it across the fleet assume one shape.',
  run(services, report) {
    const first = new Map<string, { service: (typeof services)[number]; metric: Metric }>();
    for (const service of services) {
      // The entry holds no Prometheus series (up, scrape_*): they belong to every job alike.
      for (const metric of service.entry.metrics) {
        const seen = first.get(metric.name);
        if (!seen) {
          first.set(metric.name, { service, metric });
          continue;
        }
        if (shape(seen.metric) === shape(metric)) continue;
        const finding: FleetFinding = {
          message: `Unexpected metric "${metric.name}" in ${service.entry.name} as a ${shape(metric)}, expected the ${shape(seen.metric)} ${seen.service.entry.name} declares (one shape per metric name in the fleet)`,
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
