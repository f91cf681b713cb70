import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';

export const counterSuffix: Check = {
  id: 'counter-suffix',
  severity: 'error',
  description: 'Counters end in _total, and only counters do (Prometheus naming).',
  examples: {
    valid: [{ title: 'a counter ending in _total', yaml: 'metrics:\n  demo_retries_total: { type: counter, unit: count, help: x, meaning: x, group: g }\n' }],
    invalid: [
      { title: 'a counter without _total', yaml: 'metrics:\n  demo_retries: { type: counter, unit: count, help: x, meaning: x, group: g }\n', message: 'Unexpected counter name "demo_retries"' },
      { title: 'a gauge ending in _total', yaml: 'metrics:\n  demo_open_total: { type: gauge, unit: count, help: x, meaning: x, group: g }\n', message: 'Unexpected gauge name "demo_open_total"' },
    ],
  },
  run({ spec }, report) {
    for (const [name, m] of Object.entries(spec.metrics ?? {})) {
      const total = name.endsWith('_total');
      if (m.type === 'counter' && !total) report({ pointer: `/metrics/${p(name)}`, atKey: true, message: `Unexpected counter name "${name}", expected it to end in _total (${name}_total)` });
      if (m.type !== 'counter' && total) report({ pointer: `/metrics/${p(name)}`, atKey: true, message: `Unexpected ${m.type} name "${name}", expected _total only on counters` });
    }
  },
};
