import type { Unit } from './generated/spec-types.js';

/** Prometheus's duration units, largest first, in seconds. */
const DURATION_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', 31536000],
  ['w', 604800],
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
  ['ms', 0.001],
];

/**
 * Prometheus's duration grammar (model.ParseDuration, used for `for:`, ranges, intervals): units in
 * descending order, each at most once, or a bare `0`. The schema's pattern is looser (`5m10h`).
 */
const DURATION = /^(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$/;

/** The largest duration Prometheus accepts: a Go time.Duration in nanoseconds, about 292 years. */
const MAX_DURATION_MS = 2 ** 63 / 1e6;

/** Parses a Prometheus duration (`1h30m`) into seconds; NaN when Prometheus would reject it. */
export function parseDuration(text: string): number {
  if (text === '0') return 0;
  const m = text === '' ? null : DURATION.exec(text);
  if (!m) return Number.NaN;
  let ms = 0;
  DURATION_UNITS.forEach(([, seconds], i) => {
    const n = m[i + 1];
    if (n !== undefined) ms += Number(n) * seconds * 1000;
  });
  return ms >= MAX_DURATION_MS ? Number.NaN : ms / 1000;
}

/**
 * Why `text` is not a Prometheus duration, as the "expected …" half of a message, or undefined when
 * it is one.
 */
export function durationProblem(text: string): string | undefined {
  if (!Number.isNaN(parseDuration(text))) return undefined;
  const parts = [...text.matchAll(/([0-9]+)(ms|y|w|d|h|m|s)/g)];
  const whole = parts.map((p) => p[0]).join('') === text && parts.length > 0;
  if (whole) {
    const order = parts.map((p) => DURATION_UNITS.findIndex(([u]) => u === p[2]));
    const sorted = order.every((o, i) => i === 0 || o > (order[i - 1] as number));
    if (!sorted) {
      const total = parts.reduce((sum, p) => sum + Number(p[1]) * (DURATION_UNITS.find(([u]) => u === p[2])?.[1] ?? 0), 0);
      return `expected units from largest to smallest, each at most once (y, w, d, h, m, s, ms), such as ${formatDuration(total)}`;
    }
    return 'expected a duration below 292 years';
  }
  return 'expected a duration such as 30s, 5m or 1h30m';
}

/** Formats seconds as the shortest Prometheus duration (`90` → `1m30s`). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  let rest = Math.round(seconds * 1000);
  let out = '';
  for (const [unit, ms] of [
    ['d', 86400000],
    ['h', 3600000],
    ['m', 60000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    if (rest >= ms) {
      out += `${Math.floor(rest / ms)}${unit}`;
      rest %= ms;
    }
  }
  return out;
}

/** Long human form for docs: `5m` → `5 minutes`. */
export function humanDuration(text: string): string {
  const seconds = parseDuration(text);
  if (!Number.isFinite(seconds)) return text;
  const units: Array<[number, string]> = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return text;
}

const QUANTITY = /^(-?[0-9]+(?:\.[0-9]+)?)\s*(%|ms|s|m|h|d|B|KB|MB|GB|KiB|MiB|GiB)$/;

/** A dimension (seconds, bytes, ratio) and how many of its base units one unit is. */
interface Scale {
  readonly dimension: 'time' | 'bytes' | 'ratio';
  readonly factor: number;
}

/** Multipliers of each suffix into the base of its dimension (seconds, bytes, ratio). */
const SUFFIX: Record<string, Scale> = {
  '%': { dimension: 'ratio', factor: 0.01 },
  ms: { dimension: 'time', factor: 0.001 },
  s: { dimension: 'time', factor: 1 },
  m: { dimension: 'time', factor: 60 },
  h: { dimension: 'time', factor: 3600 },
  d: { dimension: 'time', factor: 86400 },
  B: { dimension: 'bytes', factor: 1 },
  KB: { dimension: 'bytes', factor: 1e3 },
  MB: { dimension: 'bytes', factor: 1e6 },
  GB: { dimension: 'bytes', factor: 1e9 },
  KiB: { dimension: 'bytes', factor: 1024 },
  MiB: { dimension: 'bytes', factor: 1024 ** 2 },
  GiB: { dimension: 'bytes', factor: 1024 ** 3 },
};

/** How a unit relates to a suffix dimension: its dimension and how many base units one of it is. */
const UNIT_DIMENSION: Partial<Record<Unit, Scale>> = {
  seconds: { dimension: 'time', factor: 1 },
  milliseconds: { dimension: 'time', factor: 0.001 },
  bytes: { dimension: 'bytes', factor: 1 },
  ratio: { dimension: 'ratio', factor: 1 },
  percent: { dimension: 'ratio', factor: 0.01 },
  cores: { dimension: 'ratio', factor: 1 },
};

export type QuantityResult = { ok: true; value: number } | { ok: false; expected: string };

/**
 * Converts a spec quantity into `unit`: `5%` → 0.05 for ratio or 5 for percent, `256MiB` → 268435456
 * for bytes, `200ms` → 200 for milliseconds or 0.2 for seconds. Plain numbers are taken as they are.
 */
export function parseQuantity(value: number | string, unit: Unit): QuantityResult {
  if (typeof value === 'number') return { ok: true, value };
  const m = QUANTITY.exec(value.trim());
  const target = UNIT_DIMENSION[unit];
  if (!m) return { ok: false, expected: 'a number or a quantity with a suffix (5%, 200ms, 256MiB)' };
  const suffix = SUFFIX[m[2] as string];
  if (!suffix || !target || suffix.dimension !== target.dimension) {
    return { ok: false, expected: target ? `a plain number or a ${target.dimension === 'time' ? 'duration' : target.dimension} quantity for unit ${unit}` : `a plain number for unit ${unit}` };
  }
  // Round away binary noise (0.29 * 0.01 and friends) so generated rules read cleanly.
  const converted = (Number(m[1]) * suffix.factor) / target.factor;
  return { ok: true, value: Number(converted.toPrecision(12)) };
}
