import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { parseQuantity } from '../quantity.js';
import { formatValue } from '../units.js';
import { ratioExpectation } from './ratio-hint.js';

export const thresholdBands: Check = {
  id: 'threshold-bands',
  severity: 'error',
  description:
    'Threshold levels convert into the threshold unit (5% into a ratio, 256MiB into bytes), a ratio stays within 0..1 (`5` is 500 %; write 5%), and levels are ordered: warning below critical when higher is worse, above it when lower is worse.',
  examples: {
    valid: [
      { title: 'lower-is-worse bands', yaml: 'thresholds:\n  success: { description: x, unit: ratio, direction: lower_is_worse, warning: 99%, critical: 95% }\n' },
      { title: 'a ratio as a plain number and at 100%', yaml: 'thresholds:\n  failures: { description: x, unit: ratio, warning: 0.5, critical: 100% }\n' },
      { title: 'a percent threshold above 1', yaml: 'thresholds:\n  usage: { description: x, unit: percent, warning: 80, critical: 95 }\n' },
    ],
    invalid: [
      {
        title: 'bands out of order',
        yaml: 'thresholds:\n  latency: { description: x, unit: seconds, warning: 2s, critical: 500ms }\n',
        message: 'Unexpected warning level 2 s above the critical level 0.5 s of threshold "latency"',
      },
      {
        title: 'a ratio threshold written as a percentage number',
        yaml: 'thresholds:\n  failures: { description: x, unit: ratio, warning: 1%, critical: 5 }\n',
        message: 'Unexpected critical level 5 for ratio threshold "failures" (500 % when read as a ratio), expected a ratio between 0 and 1 such as 5% (0.05)',
      },
      {
        title: 'a ratio threshold above 100%',
        yaml: 'thresholds:\n  failures: { description: x, unit: ratio, warning: 150% }\n',
        message: 'Unexpected warning level "150%" for ratio threshold "failures"',
      },
      {
        title: 'a bad level, reported once for the alert texts that use it',
        yaml: "thresholds:\n  lat: { description: x, unit: seconds, critical: 5% }\nalerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', threshold: lat.critical }\n    summary: 'Above ${threshold}'\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoOther: { meaning: 'Above ${threshold}', impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n",
        message: 'Unexpected "5%" for threshold "lat", expected a plain number or a duration quantity for unit seconds',
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
        if (q.ok && t.unit === 'ratio' && (q.value > 1 || q.value < 0)) {
          // A ratio is 0..1: `critical: 5` means 500 %, almost always meant as 5 %.
          report({ pointer: `/thresholds/${p(name)}/${level}`, message: `Unexpected ${level} level ${JSON.stringify(raw)} for ratio threshold "${name}" ${ratioExpectation(raw, q.value)}` });
        } else if (q.ok) levels[level] = q.value;
        else report({ pointer: `/thresholds/${p(name)}/${level}`, subject: `threshold:${name}.${level}`, message: `Unexpected ${JSON.stringify(raw)} for threshold "${name}", expected ${q.expected}` });
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
