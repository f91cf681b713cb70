/**
 * Threshold bands as Grafana threshold steps. Grafana steps are ascending values, each the start of
 * a colour; the base step (value null) covers everything below the first one.
 *
 * - higher_is_worse: green, yellow from warning, red from critical.
 * - lower_is_worse: red, yellow from critical, green from warning.
 * - a single level gives two colours (green and yellow/red, or red/yellow and green).
 */
import type { Threshold } from '@grafana/grafana-foundation-sdk/dashboard';
import type { ResolvedThreshold, Unit } from '@monspec/metrics-spec';
import { formatValue } from '@monspec/metrics-spec';

const COLORS = { ok: 'green', warning: 'yellow', critical: 'red' } as const;

/** Factors between units that measure the same thing on different scales. */
const SCALE: ReadonlyArray<{ from: Unit; to: Unit; factor: number }> = [
  { from: 'ratio', to: 'percent', factor: 100 },
  { from: 'seconds', to: 'milliseconds', factor: 1000 },
];

/**
 * `value` (in `from`) expressed in `to`, or undefined when the units do not measure the same thing.
 * A threshold in ratio on a percent panel becomes ×100; unrelated units are a lint finding.
 */
export function convertValue(value: number, from: Unit, to: Unit): number | undefined {
  if (from === to) return value;
  for (const s of SCALE) {
    // Rounded to 12 significant digits so 0.07 × 100 is 7, not 7.000000000000001.
    if (s.from === from && s.to === to) return Number((value * s.factor).toPrecision(12));
    if (s.from === to && s.to === from) return Number((value / s.factor).toPrecision(12));
  }
  return undefined;
}

/** The threshold's levels in the panel's unit (the threshold's own unit when they cannot be converted). */
export function levelsIn(threshold: ResolvedThreshold, unit: Unit | undefined): { warning: number | undefined; critical: number | undefined } {
  const to = unit ?? threshold.unit;
  const conv = (v: number | undefined) => (v === undefined ? undefined : (convertValue(v, threshold.unit, to) ?? v));
  return { warning: conv(threshold.warning), critical: conv(threshold.critical) };
}

export function thresholdSteps(threshold: ResolvedThreshold | undefined, unit: Unit | undefined): Threshold[] {
  if (!threshold) return [{ value: null, color: COLORS.ok }];
  const { warning, critical } = levelsIn(threshold, unit);
  if (threshold.direction === 'higher_is_worse') {
    const steps: Threshold[] = [{ value: null, color: COLORS.ok }];
    if (warning !== undefined) steps.push({ value: warning, color: COLORS.warning });
    if (critical !== undefined) steps.push({ value: critical, color: COLORS.critical });
    return steps;
  }
  // lower_is_worse: the worst band is the base.
  if (critical !== undefined && warning !== undefined) {
    return [
      { value: null, color: COLORS.critical },
      { value: critical, color: COLORS.warning },
      { value: warning, color: COLORS.ok },
    ];
  }
  if (critical !== undefined) return [{ value: null, color: COLORS.critical }, { value: critical, color: COLORS.ok }];
  if (warning !== undefined) return [{ value: null, color: COLORS.warning }, { value: warning, color: COLORS.ok }];
  return [{ value: null, color: COLORS.ok }];
}

/** The bands in words for the panel description, e.g. "normal below 500; elevated from 500; concerning from 1000". */
export function describeBands(threshold: ResolvedThreshold): string {
  const { warning, critical, unit, states } = threshold;
  const fmt = (v: number) => formatValue(v, unit);
  const parts: string[] = [];
  if (threshold.direction === 'higher_is_worse') {
    const first = warning ?? critical;
    if (first !== undefined) parts.push(`${states.ok} below ${fmt(first)}`);
    if (warning !== undefined) parts.push(`${states.warning} from ${fmt(warning)}`);
    if (critical !== undefined) parts.push(`${states.critical} from ${fmt(critical)}`);
  } else {
    const first = warning ?? critical;
    if (first !== undefined) parts.push(`${states.ok} from ${fmt(first)}`);
    if (warning !== undefined) parts.push(`${states.warning} below ${fmt(warning)}`);
    if (critical !== undefined) parts.push(`${states.critical} below ${fmt(critical)}`);
  }
  return parts.join('; ');
}
