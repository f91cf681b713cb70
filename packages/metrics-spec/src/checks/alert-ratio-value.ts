import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { ratioExpectation } from './ratio-hint.js';

/** `name` or `name{…}`: an expression that is one series, whose unit the spec declares. */
const SINGLE_SERIES = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?\s*$/;

const ALERT = (value: string) =>
  `alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: ${value} }\n    summary: x\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n`;

export const alertRatioValue: Check = {
  id: 'alert-ratio-value',
  severity: 'error',
  description:
    'An alert condition `value` compared with a ratio series (a metric or recording rule with unit ratio) lies within 0..1: `value: 5` on an error ratio means 500 % and never fires.',
  examples: {
    valid: [{ title: 'a ratio value', yaml: ALERT('0.05') }],
    invalid: [
      {
        title: 'a percentage written as a plain number',
        yaml: ALERT('5'),
        message: 'Unexpected condition value 5 on ratio series job:demo_errors:ratio_rate5m in alert DemoOther (500 % when read as a ratio), expected a ratio between 0 and 1 such as 5% (0.05)',
      },
    ],
  },
  run({ spec }, report) {
    for (const [name, alert] of Object.entries(spec.alerts ?? {})) {
      const value = alert.condition?.value;
      const series = SINGLE_SERIES.exec(alert.expr ?? '')?.[1];
      if (value === undefined || series === undefined) continue;
      const unit = spec.recordingRules?.[series]?.unit ?? spec.metrics?.[series]?.unit;
      if (unit !== 'ratio' || (value >= 0 && value <= 1)) continue;
      report({ pointer: `/alerts/${p(name)}/condition/value`, message: `Unexpected condition value ${value} on ratio series ${series} in alert ${name} ${ratioExpectation(value, value)}` });
    }
  },
};
