/**
 * How a panel turns numbers into what it shows, with the generator's own settings: the threshold
 * steps the dashboard JSON carries (`thresholdSteps`), value mappings, the unit and decimals, and the
 * legend format.
 */
import { thresholdSteps } from '@monspec/dashboards';
import { formatValue, type ResolvedPanel } from '@monspec/metrics-spec';
import { colour } from './colors.js';
import type { Series } from './data.js';

export type Band = 'ok' | 'warning' | 'critical';

const BAND_OF_COLOUR: Readonly<Record<string, Band>> = { green: 'ok', yellow: 'warning', red: 'critical' };

export interface Shown {
  readonly text: string;
  /** CSS colour of the value (its band's or its mapping's). */
  readonly colour: string;
  /** The threshold band the value is in, when the panel has a threshold. */
  readonly band: Band | undefined;
  /** The value mapping's text, when one matched. */
  readonly mapped: boolean;
}

/** The step colour name for `value` (Grafana: the last step whose value is at most `value`). */
function stepColour(panel: ResolvedPanel, value: number): string {
  let name = 'green';
  for (const step of thresholdSteps(panel.threshold, panel.unit)) {
    if (step.value === null || step.value === undefined || value >= step.value) name = step.color;
  }
  return name;
}

/** `value` formatted in the panel's unit, with its decimals when the spec sets them. */
export function formatIn(panel: ResolvedPanel, value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const unit = panel.unit ?? 'count';
  if (panel.decimals === undefined) return formatValue(value, unit);
  const scaled = unit === 'ratio' ? value * 100 : value;
  const digits = scaled.toFixed(panel.decimals);
  return unit === 'ratio' || unit === 'percent' ? `${digits} %` : formatValue(Number(digits), unit);
}

/** What the panel shows for `value`: a value mapping's text and colour first, else the value in its band's colour. */
export function shown(panel: ResolvedPanel, value: number): Shown {
  const mapping = panel.valueMappings.find((m) => m.value === value);
  if (mapping) {
    const band = mapping.color === undefined ? undefined : BAND_OF_COLOUR[mapping.color];
    return { text: mapping.text, colour: colour(mapping.color ?? 'text'), band, mapped: true };
  }
  const name = stepColour(panel, value);
  return { text: formatIn(panel, value), colour: colour(name), band: panel.threshold ? BAND_OF_COLOUR[name] : undefined, mapped: false };
}

/** The last finite value of a series (Grafana's `lastNotNull`). */
export function lastValue(series: Series): number | undefined {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const v = series.points[i]?.[1];
    if (v !== undefined && Number.isFinite(v)) return v;
  }
  return undefined;
}

/**
 * A series' display name: the legend format with `{{label}}` replaced by the series' labels (an
 * absent label becomes empty, as in Grafana), else `metric{labels}` as Grafana names an unformatted series.
 * Source: https://grafana.com/docs/grafana/latest/datasources/prometheus/query-editor/#legend
 */
export function seriesName(legend: string | undefined, labels: Readonly<Record<string, string>>, expr: string): string {
  if (legend !== undefined && legend !== '' && legend !== '__auto') return legend.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, name: string) => labels[name] ?? '');
  const { __name__: name, ...rest } = labels;
  const inner = Object.keys(rest)
    .sort()
    .map((k) => `${k}="${rest[k] ?? ''}"`)
    .join(', ');
  if (name === undefined && inner === '') return expr;
  return `${name ?? ''}{${inner}}`;
}
