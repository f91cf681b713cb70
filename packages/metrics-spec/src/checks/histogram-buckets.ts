import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';

export const histogramBuckets: Check = {
  id: 'histogram-buckets',
  severity: 'error',
  description: 'Histogram buckets are strictly ascending, and only histograms declare buckets.',
  examples: {
    valid: [{ title: 'ascending buckets', yaml: 'metrics:\n  demo_size_bytes: { type: histogram, unit: bytes, help: x, meaning: x, group: g, buckets: [1, 10, 100] }\n' }],
    invalid: [
      { title: 'unsorted buckets', yaml: 'metrics:\n  demo_size_bytes: { type: histogram, unit: bytes, help: x, meaning: x, group: g, buckets: [1, 100, 10] }\n', message: 'Unexpected bucket 10 after 100' },
      { title: 'buckets on a gauge', yaml: 'metrics:\n  demo_size_bytes: { type: gauge, unit: bytes, help: x, meaning: x, group: g, buckets: [1] }\n', message: 'Unexpected buckets on gauge' },
    ],
  },
  run({ spec }, report) {
    for (const [name, m] of Object.entries(spec.metrics ?? {})) {
      if (!m.buckets) continue;
      if (m.type !== 'histogram') {
        report({ pointer: `/metrics/${p(name)}/buckets`, message: `Unexpected buckets on ${m.type} "${name}", expected buckets only on histograms` });
        continue;
      }
      m.buckets.forEach((b, i) => {
        const prev = m.buckets?.[i - 1];
        if (prev !== undefined && b <= prev) report({ pointer: `/metrics/${p(name)}/buckets/${i}`, message: `Unexpected bucket ${b} after ${prev} in "${name}", expected strictly ascending bounds` });
      });
    }
  },
};
