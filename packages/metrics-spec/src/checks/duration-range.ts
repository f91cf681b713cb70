import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { parseDuration } from '../quantity.js';

/** Keys whose string values are durations (every `$ref: duration` of the schema), and whether 0 is meaningful there. */
const DURATION_KEYS: Readonly<Record<string, { zero: boolean }>> = {
  interval: { zero: false },
  retention: { zero: false },
  evaluationInterval: { zero: false },
  window: { zero: false },
  longWindow: { zero: false },
  shortWindow: { zero: false },
  refresh: { zero: false },
  timeOptions: { zero: false },
  groupWait: { zero: true },
  groupInterval: { zero: false },
  repeatInterval: { zero: false },
  for: { zero: true },
  at: { zero: true },
};

/** Prometheus parses durations into int64 milliseconds (about 292 years); 100 years is beyond any real window. */
const MAX_SECONDS = 100 * 365 * 86400;

/**
 * Walks the spec for duration values by key. Only strings that are Prometheus durations are looked
 * at, so a label or parameter that happens to share a key name is not misread.
 */
export const durationRange: Check = {
  id: 'duration-range',
  severity: 'error',
  description:
    'Durations are within what Prometheus, promtool and Alertmanager accept: at most 100 years, and above zero where zero means nothing (scrape and evaluation intervals, windows, retention, refresh); `for`, `at` and `groupWait` may be 0.',
  examples: {
    valid: [{ title: 'an alert that fires at once', yaml: "alerts:\n  DemoNow:\n    severity: info\n    expr: demo:errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    for: 0s\n    summary: x\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoNow: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n" }],
    invalid: [
      { title: 'a zero SLO window', yaml: "slos:\n  avail:\n    description: x\n    objective: 99%\n    window: 0d\n    sli: { errors: 'sum(rate(demo_errors_total[$window]))', total: 'sum(rate(demo_requests_total[$window]))' }\n    alert: { name: DemoAvailBurn, summary: x, dashboard: demo/errors }\nrunbooks:\n  DemoAvailBurn: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n", message: 'Unexpected window 0d at slos.avail.window, expected a duration above zero' },
      { title: 'an absurd duration', yaml: "alerts:\n  DemoLater:\n    severity: info\n    expr: demo:errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    for: 99999999999999y\n    summary: x\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoLater: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n", message: 'Unexpected for 99999999999999y at alerts.DemoLater.for, expected a duration of at most 100y' },
    ],
  },
  run({ spec }, report) {
    const visit = (value: unknown, pointer: string, key: string | undefined, depth: number) => {
      if (depth > 64) return;
      if (typeof value === 'string') {
        const rule = key === undefined ? undefined : DURATION_KEYS[key];
        if (!rule) return;
        const seconds = parseDuration(value);
        if (Number.isNaN(seconds)) return;
        const path = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
        const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
        if (seconds > MAX_SECONDS) report({ pointer, message: `Unexpected ${key} ${shown} at ${path}, expected a duration of at most 100y` });
        else if (seconds === 0 && !rule.zero) report({ pointer, message: `Unexpected ${key} ${shown} at ${path}, expected a duration above zero` });
        return;
      }
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`, key, depth + 1));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${pointer}/${p(k)}`, k, depth + 1);
    };
    // Environment overlays are checked once applied; the unapplied ones are not the spec being built.
    for (const [section, value] of Object.entries(spec)) if (section !== 'environments') visit(value, `/${p(section)}`, section, 0);
  },
};
