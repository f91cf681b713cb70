import type { Check } from './types.js';
import { durationProblem, parseDuration } from '../quantity.js';
import { escapePointerSegment, pointerToPath } from '../source-map.js';

/**
 * Every duration field of the schema (`*` is any key of a mapping, `#` any item of a list) and
 * whether zero is meaningless there (a 0s scrape interval or rate window). duration-syntax.test.ts
 * checks this list against the schema's `$ref: #/$defs/duration` uses, so a new field cannot be missed.
 */
export const DURATION_FIELDS: ReadonlyArray<{ readonly path: string; readonly positive: boolean; readonly grafana?: true }> = [
  { path: '/service/scrape/interval', positive: true },
  { path: '/service/scrape/retention', positive: true },
  { path: '/service/alerting/evaluationInterval', positive: true },
  { path: '/thresholds/*/window', positive: true },
  { path: '/alerts/*/for', positive: false },
  { path: '/alerts/*/tests/#/interval', positive: true },
  { path: '/alerts/*/tests/#/expect/#/at', positive: false },
  { path: '/slos/*/window', positive: true },
  { path: '/slos/*/windows/#/for', positive: false },
  { path: '/slos/*/windows/#/longWindow', positive: true },
  { path: '/slos/*/windows/#/shortWindow', positive: true },
  { path: '/slos/*/alert/tests/#/interval', positive: true },
  { path: '/slos/*/alert/tests/#/expect/#/at', positive: false },
  // Grafana, not Prometheus, reads these: `now-1h30m` is not valid date math (each step needs its
  // own sign, grafana-data datetime/datemath.ts parseDateMath) and a refresh interval is one number
  // and unit (datetime/rangeutil.ts describeInterval), so one unit only.
  { path: '/dashboards/*/refresh', positive: true, grafana: true },
  { path: '/dashboards/*/timeOptions/#', positive: true, grafana: true },
  ...['critical', 'warning', 'info'].flatMap((severity) => [
    { path: `/notifications/routes/${severity}/groupWait`, positive: false },
    { path: `/notifications/routes/${severity}/groupInterval`, positive: true },
    { path: `/notifications/routes/${severity}/repeatInterval`, positive: true },
  ]),
];

/** `5400` → `90m`: the largest unit the duration is a whole number of. */
function singleUnit(seconds: number): string {
  const units: ReadonlyArray<readonly [string, number]> = [['w', 604800], ['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];
  for (const [u, size] of units) if (seconds % size === 0) return `${seconds / size}${u}`;
  return `${Math.round(seconds * 1000)}ms`;
}

/** The values under a DURATION_FIELDS path, with their JSON pointers. */
function* valuesAt(node: unknown, segments: readonly string[], pointer = ''): Generator<[string, unknown]> {
  if (segments.length === 0) {
    yield [pointer, node];
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '#') {
    if (Array.isArray(node)) for (let i = 0; i < node.length; i++) yield* valuesAt(node[i], rest, `${pointer}/${i}`);
  } else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    const obj = node as Record<string, unknown>;
    const keys = head === '*' ? Object.keys(obj) : head in obj ? [head] : [];
    for (const k of keys) yield* valuesAt(obj[k], rest, `${pointer}/${escapePointerSegment(k)}`);
  }
}

export const durationSyntax: Check = {
  id: 'duration-syntax',
  severity: 'error',
  description:
    'Durations follow Prometheus\'s grammar exactly: units from largest to smallest, each at most once (1h30m, not 30m1h or 5m10h); Grafana\'s refresh and time options take one unit (90m); intervals, windows and retention are longer than zero.',
  examples: {
    valid: [
      { title: 'units in descending order', yaml: 'thresholds:\n  slow: { description: x, unit: seconds, warning: 1s, window: 1h30m }\n' },
      { title: 'a zero pending period', yaml: "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    for: 0s\n    summary: x\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n" },
    ],
    invalid: [
      {
        title: 'units out of order',
        yaml: "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    for: 5m10h\n    summary: x\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n",
        message: 'Unexpected duration "5m10h" at alerts.DemoOther.for, expected units from largest to smallest, each at most once (y, w, d, h, m, s, ms), such as 10h5m',
      },
      {
        title: 'a unit twice',
        yaml: 'thresholds:\n  slow: { description: x, unit: seconds, warning: 1s, window: 1m1m }\n',
        message: 'Unexpected duration "1m1m" at thresholds.slow.window, expected units from largest to smallest, each at most once',
      },
      {
        title: 'two units where Grafana reads one',
        yaml: 'dashboards:\n  other:\n    title: Other\n    description: Other view.\n    refresh: 1m30s\n    panels:\n      p: { title: P, type: timeseries, queries: [{ expr: job:demo_errors:ratio_rate5m }] }\n',
        message: 'Unexpected duration "1m30s" at dashboards.other.refresh, expected one number and unit such as 90s (Grafana reads a single unit here)',
      },
      {
        title: 'a zero window',
        yaml: 'thresholds:\n  slow: { description: x, unit: seconds, warning: 1s, window: 0s }\n',
        message: 'Unexpected duration "0s" at thresholds.slow.window, expected one longer than zero',
      },
    ],
  },
  run({ spec }, report) {
    for (const field of DURATION_FIELDS) {
      for (const [pointer, value] of valuesAt(spec, field.path.split('/').slice(1))) {
        if (typeof value !== 'string') continue; // the schema reports non-strings
        const problem = durationProblem(value) ?? (field.grafana && !/^[0-9]+(ms|s|m|h|d|w|y)$/.test(value) ? `expected one number and unit such as ${singleUnit(parseDuration(value))} (Grafana reads a single unit here)` : undefined);
        if (problem) report({ pointer, message: `Unexpected duration ${JSON.stringify(value)} at ${pointerToPath(pointer)}, ${problem}` });
        else if (field.positive && parseDuration(value) === 0) report({ pointer, message: `Unexpected duration ${JSON.stringify(value)} at ${pointerToPath(pointer)}, expected one longer than zero` });
      }
    }
  },
};
