/**
 * promtool's input-series notation (https://prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/#series):
 * `metric{l="v"}` selectors and values such as `0+6000x30 1+0x5 _ 7`. Shared by the alert-test-series
 * check and the annotation evaluator in @monspec/alerts, so what validate accepts, build can expand.
 */

export type SeriesLabels = Readonly<Record<string, string>>;

/** `name{a="b", c="d"}` into labels (the name as `__name__`), or undefined when it is not one. */
export function readSeriesSelector(text: string): SeriesLabels | undefined {
  const m = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(?:\{(.*)\})?\s*$/s.exec(text);
  if (!m) return undefined;
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
  if (body.slice(consumed).trim() !== '') return undefined;
  return labels;
}

export type SampleToken =
  | { readonly kind: 'blank'; readonly count: number }
  | { readonly kind: 'step'; readonly start: number; readonly increment: number; readonly times: number }
  | { readonly kind: 'repeat'; readonly value: number; readonly times: number }
  | { readonly kind: 'single'; readonly value: number };

const UNSIGNED = String.raw`(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const NUMBER = `[-+]?${UNSIGNED}`;
const STEP = new RegExp(`^(${NUMBER})([-+])(${UNSIGNED})x(\\d+)$`);
const REPEAT = new RegExp(`^(${NUMBER})x(\\d+)$`);
const SINGLE = new RegExp(`^${NUMBER}$`);

/** One whitespace-separated token of a values string, or undefined when monspec cannot expand it. */
export function readSampleToken(token: string): SampleToken | undefined {
  const blank = /^_(?:x(\d+))?$/.exec(token);
  if (blank) return { kind: 'blank', count: blank[1] ? Number(blank[1]) : 1 };
  const step = STEP.exec(token);
  if (step) return { kind: 'step', start: Number(step[1]), increment: Number(step[3]) * (step[2] === '-' ? -1 : 1), times: Number(step[4]) };
  const repeat = REPEAT.exec(token);
  if (repeat) return { kind: 'repeat', value: Number(repeat[1]), times: Number(repeat[2]) };
  if (SINGLE.test(token)) return { kind: 'single', value: Number(token) };
  return undefined;
}
