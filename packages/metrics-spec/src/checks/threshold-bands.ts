import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { parseQuantity } from '../quantity.js';
import { formatValue } from '../units.js';

export const thresholdBands: Check = {
  id: 'threshold-bands',
  severity: 'error',
  description:
    'Threshold levels convert into the threshold unit (5% into a ratio, 256MiB into bytes) and are ordered: warning below critical when higher is worse, above it when lower is worse.',
  examples: {
    valid: [{ title: 'lower-is-worse bands', yaml: 'thresholds:\n  success: { description: x, unit: ratio, direction: lower_is_worse, warning: 99%, critical: 95% }\n' }],
    invalid: [
      {
        title: 'bands out of order',
        yaml: 'thresholds:\n  latency: { description: x, unit: seconds, warning: 2s, critical: 500ms }\n',
        message: 'Unexpected warning level 2 s above the critical level 0.5 s of threshold "latency"',
      },
      {
        title: 'a quantity of the wrong dimension',
        yaml: 'thresholds:\n  memory: { description: x, unit: bytes, warning: 5% }\n',
        message: 'Unexpected "5%" for threshold "memory", expected a plain number or a bytes quantity',
      },
    ],
  },
  run({ spec }, report) {
    for (const [name, t] of Object.entries(spec.thresholds ?? {})) {
      const levels: Partial<Record<'warning' | 'critical', number>> = {};
      for (const level of ['warning', 'critical'] as const) {
        const raw = t[level];
        if (raw === undefined) continue;
        const q = parseQuantity(raw, t.unit);
        if (q.ok) levels[level] = q.value;
        else report({ pointer: `/thresholds/${p(name)}/${level}`, message: `Unexpected ${JSON.stringify(raw)} for threshold "${name}", expected ${q.expected}` });
      }
      const { warning, critical } = levels;
      if (warning === undefined || critical === undefined) continue;
      const lowerIsWorse = t.direction === 'lower_is_worse';
      if (!lowerIsWorse && warning >= critical) {
        report({
          pointer: `/thresholds/${p(name)}/warning`,
          message: `Unexpected warning level ${formatValue(warning, t.unit)} above the critical level ${formatValue(critical, t.unit)} of threshold "${name}", expected warning < critical when higher is worse`,
        });
      }
      if (lowerIsWorse && warning <= critical) {
        report({
          pointer: `/thresholds/${p(name)}/warning`,
          message: `Unexpected warning level ${formatValue(warning, t.unit)} below the critical level ${formatValue(critical, t.unit)} of threshold "${name}", expected warning > critical when lower is worse`,
        });
      }
    }
  },
};
