/**
 * promtool's input-series notation, read into points: `metric{l="v"}` and values such as
 * `0+6000x30 1+0x5 _ 7` (start+increment x repetitions, `_` for a missing sample).
 */
import { parseDuration, readSampleToken, readSeriesSelector } from '@monspec/metrics-spec';

export type Labels = Readonly<Record<string, string>>;

export interface Point {
  /** Seconds since the start of the test. */
  readonly t: number;
  readonly v: number;
}

export interface Series {
  readonly labels: Labels;
  readonly points: readonly Point[];
}

/** `name{a="b", c="d"}` into labels, with the name as `__name__`. */
export function parseSeriesSelector(text: string): Labels {
  const labels = readSeriesSelector(text);
  // The alert-test-series check refuses such a spec first; this only guards direct callers.
  if (!labels) throw new Error(`cannot read series ${text}`);
  return labels;
}

/** Expands a values string into samples every `intervalSeconds`, starting at 0. */
export function expandValues(values: string, intervalSeconds: number): Point[] {
  const points: Point[] = [];
  let index = 0;
  for (const text of values.trim().split(/\s+/)) {
    if (text === '') continue;
    const token = readSampleToken(text);
    if (!token) throw new Error(`unsupported sample ${text}`);
    switch (token.kind) {
      case 'blank':
        index += token.count;
        break;
      case 'step': {
        // Repeated addition, as promtool expands the notation.
        let v = token.start;
        for (let i = 0; i <= token.times; i++, v += token.increment) points.push({ t: (index + i) * intervalSeconds, v });
        index += token.times + 1;
        break;
      }
      case 'repeat':
        for (let i = 0; i <= token.times; i++) points.push({ t: (index + i) * intervalSeconds, v: token.value });
        index += token.times + 1;
        break;
      case 'single':
        points.push({ t: index * intervalSeconds, v: token.value });
        index += 1;
        break;
    }
  }
  return points;
}

export function readSeries(input: readonly { series: string; values: string }[], interval: string): Series[] {
  const seconds = parseDuration(interval);
  return input.map((s) => ({ labels: parseSeriesSelector(s.series), points: expandValues(s.values, seconds) }));
}
