import type { Unit } from './generated/spec-types.js';

export interface UnitInfo {
  /** Grafana field unit id. */
  readonly grafana: string;
  /** Whether the unit is a Prometheus base unit (seconds, bytes, ratios); the base-units check warns otherwise. */
  readonly base: boolean;
  /** The base unit a name should use instead, for messages. */
  readonly baseInstead?: string;
  /** Formats a value in this unit for people. */
  readonly format: (value: number) => string;
}

function trim(n: number, digits = 3): string {
  return String(Number(n.toPrecision(digits + 3)).toFixed(digits)).replace(/\.?0+$/, '');
}

function bytes(n: number): string {
  for (const [size, suffix] of [
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ] as const) {
    if (Math.abs(n) >= size) return `${trim(n / size, 2)} ${suffix}`;
  }
  return `${trim(n)} B`;
}

/** One table for every unit monspec knows: Grafana ids, base-unit status and display formatting. */
export const UNITS: Readonly<Record<Unit, UnitInfo>> = {
  count: { grafana: 'short', base: true, format: (n) => trim(n) },
  seconds: { grafana: 's', base: true, format: (n) => `${trim(n)} s` },
  milliseconds: { grafana: 'ms', base: false, baseInstead: 'seconds', format: (n) => `${trim(n)} ms` },
  bytes: { grafana: 'bytes', base: true, format: bytes },
  bytes_per_second: { grafana: 'Bps', base: true, format: (n) => `${bytes(n)}/s` },
  requests_per_second: { grafana: 'reqps', base: true, format: (n) => `${trim(n)} req/s` },
  operations_per_second: { grafana: 'ops', base: true, format: (n) => `${trim(n)} ops/s` },
  ratio: { grafana: 'percentunit', base: true, format: (n) => `${trim(n * 100)} %` },
  percent: { grafana: 'percent', base: false, baseInstead: 'ratio', format: (n) => `${trim(n)} %` },
  cores: { grafana: 'percentunit', base: true, format: (n) => `${trim(n * 100)} % of a core` },
  state: { grafana: 'none', base: true, format: (n) => trim(n) },
  /** A multiple of something, e.g. an SLO burn rate (14.4×); Grafana's custom-suffix unit. */
  factor: { grafana: 'suffix:×', base: true, format: (n) => `${trim(n)}×` },
};

export function formatValue(value: number, unit: Unit): string {
  return UNITS[unit].format(value);
}
