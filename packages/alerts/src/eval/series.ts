/**
 * promtool's input-series notation, read into points: `metric{l="v"}` and values such as
 * `0+6000x30 1+0x5 _ 7` (start+increment x repetitions, `_` for a missing sample).
 */
import { parseDuration } from '@monspec/metrics-spec';

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
  const m = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(?:\{(.*)\})?\s*$/s.exec(text);
  if (!m) throw new Error(`cannot read series ${text}`);
  const labels: Record<string, string> = {};
  if (m[1]) labels['__name__'] = m[1];
  const body = m[2] ?? '';
  const re = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(body)) !== null) {
    labels[match[1] as string] = (match[2] as string).replace(/\\(.)/g, (_s, c: string) => (c === 'n' ? '\n' : c));
    consumed = re.lastIndex;
  }
  if (body.slice(consumed).trim() !== '') throw new Error(`cannot read labels of series ${text}`);
  return labels;
}

const UNSIGNED = String.raw`(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const NUMBER = `[-+]?${UNSIGNED}`;

/** Expands a values string into samples every `intervalSeconds`, starting at 0. */
export function expandValues(values: string, intervalSeconds: number): Point[] {
  const points: Point[] = [];
  let index = 0;
  for (const token of values.trim().split(/\s+/)) {
    if (token === '') continue;
    const blank = /^_(?:x(\d+))?$/.exec(token);
    if (blank) {
      index += blank[1] ? Number(blank[1]) : 1;
      continue;
    }
    const step = new RegExp(`^(${NUMBER})([-+])(${UNSIGNED})x(\\d+)$`).exec(token);
    if (step) {
      const start = Number(step[1]);
      const inc = Number(step[3]) * (step[2] === '-' ? -1 : 1);
      const times = Number(step[4]);
      // Repeated addition, as promtool expands the notation.
      let v = start;
      for (let i = 0; i <= times; i++, v += inc) points.push({ t: (index + i) * intervalSeconds, v });
      index += times + 1;
      continue;
    }
    const repeat = new RegExp(`^(${NUMBER})x(\\d+)$`).exec(token);
    if (repeat) {
      for (let i = 0; i <= Number(repeat[2]); i++) points.push({ t: (index + i) * intervalSeconds, v: Number(repeat[1]) });
      index += Number(repeat[2]) + 1;
      continue;
    }
    const single = Number(token);
    if (token === 'stale' || Number.isNaN(single)) throw new Error(`unsupported sample ${token}`);
    points.push({ t: index * intervalSeconds, v: single });
    index += 1;
  }
  return points;
}

export function readSeries(input: readonly { series: string; values: string }[], interval: string): Series[] {
  const seconds = parseDuration(interval);
  return input.map((s) => ({ labels: parseSeriesSelector(s.series), points: expandValues(s.values, seconds) }));
}
