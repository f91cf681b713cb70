/** A sample line of the Prometheus text exposition format. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
  readonly line: number;
}

export interface MetricFamily {
  readonly name: string;
  type: string | undefined;
  help: string | undefined;
  readonly samples: Sample[];
}

export interface ParseProblem {
  readonly line: number;
  readonly message: string;
}

/** The metric types the text format's `# TYPE` line may name (case-insensitive, as expfmt reads it). */
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped', 'gauge_histogram', 'gaugehistogram']);
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
/** Go's strconv.ParseFloat as expfmt calls it: decimal or exponent, inf/infinity/nan, no hex, no `_`. */
const FLOAT = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?inf(?:inity)?|nan)$/i;
const INTEGER = /^[+-]?\d+$/;

class LineError extends Error {}

/** A cursor over one line; `fail` aborts the line with a message in monspec's "Unexpected X, expected Y" form. */
class Cursor {
  i = 0;
  constructor(readonly text: string) {}
  /** The current character; a method, not a getter, so TypeScript does not narrow it across moves. */
  ch(): string | undefined {
    return this.text[this.i];
  }
  skipBlanks(): void {
    while (this.ch() === ' ' || this.ch() === '\t') this.i++;
  }
  take(re: RegExp): string {
    const m = re.exec(this.text.slice(this.i));
    if (!m) return '';
    this.i += m[0].length;
    return m[0];
  }
  /** Up to the next blank, tab or end of line (expfmt's readTokenUntilWhitespace). */
  token(): string {
    const start = this.i;
    while (this.i < this.text.length && this.ch() !== ' ' && this.ch() !== '\t') this.i++;
    return this.text.slice(start, this.i);
  }
  fail(message: string): never {
    throw new LineError(message);
  }
}

const excerpt = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Reads escapes as expfmt does: `\\`, `\n` and (in label values only) `\"`; any other escape is an error. */
function unescape(c: Cursor, quoted: boolean, what: string): string {
  let out = '';
  for (;;) {
    const ch = c.ch();
    if (ch === undefined) {
      if (quoted) c.fail(`Unexpected end of line in ${what}, expected a closing quote`);
      return out;
    }
    if (quoted && ch === '"') return out;
    if (ch === '\\') {
      const next = c.text[c.i + 1];
      if (next === '\\') out += '\\';
      else if (next === 'n') out += '\n';
      else if (next === '"' && quoted) out += '"';
      else c.fail(`Unexpected escape sequence \\${next ?? ''} in ${what}, expected \\\\, \\n${quoted ? ' or \\"' : ''}`);
      c.i += 2;
      continue;
    }
    out += ch;
    c.i++;
  }
}

function parseLabels(c: Cursor, metric: string): Record<string, string> {
  // Null prototype: a label named like an Object member (`constructor`) is just a label.
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  c.i++; // '{'
  for (;;) {
    c.skipBlanks();
    if (c.ch() === '}') {
      c.i++;
      return labels;
    }
    const name = c.take(LABEL_NAME);
    if (!name) c.fail(`Unexpected ${excerpt(c.text.slice(c.i, c.i + 10))} in the labels of ${metric}, expected a label name`);
    if (name === '__name__') c.fail(`Unexpected label name __name__ on ${metric}, expected a label other than the reserved __name__`);
    if (Object.hasOwn(labels, name)) c.fail(`Unexpected duplicate label name ${name} on ${metric}, expected each label once`);
    c.skipBlanks();
    if (c.ch() !== '=') c.fail(`Unexpected ${excerpt(c.ch() ?? 'end of line')} after label ${name}, expected =`);
    c.i++;
    c.skipBlanks();
    if (c.ch() !== '"') c.fail(`Unexpected ${excerpt(c.ch() ?? 'end of line')} at the start of the value of label ${name}, expected "`);
    c.i++;
    const value = unescape(c, true, `the value of label ${name}`);
    c.i++; // closing quote
    if ((name === 'le' || name === 'quantile') && !FLOAT.test(value)) c.fail(`Unexpected ${name}="${value}" on ${metric}, expected a float`);
    labels[name] = value;
    c.skipBlanks();
    if (c.ch() === ',') c.i++;
    else if (c.ch() !== '}') c.fail(`Unexpected ${excerpt(c.text.slice(c.i, c.i + 10) || 'end of line')} after label ${name}, expected , or }`);
  }
}

function parseValue(s: string): number {
  const lower = s.toLowerCase().replace(/^\+/, '');
  if (lower === 'inf' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (lower === 'nan') return NaN;
  return Number(s);
}

/** Which family a sample belongs to: histograms and summaries expose _bucket, _sum and _count. */
function familyOf(sample: string, families: ReadonlyMap<string, MetricFamily>): string {
  for (const suffix of ['_bucket', '_sum', '_count', '_total', '_created']) {
    if (sample.endsWith(suffix)) {
      const base = sample.slice(0, -suffix.length);
      const f = families.get(base);
      if (f && f.type !== undefined && f.type !== 'gauge' && f.type !== 'untyped') return base;
    }
  }
  return sample;
}

/** A line that is not valid UTF-8 decodes with U+FFFD; expfmt rejects such label values and names. */
const REPLACEMENT = '\uFFFD';

/**
 * Parses the Prometheus text exposition format 0.0.4 with the rules of the parser `promtool check
 * metrics` uses (prometheus/common expfmt/text_parse.go): a problem wherever that parser stops —
 * invalid or reserved names, duplicate label names, unknown escapes, non-float values, `le`/`quantile`
 * that are not floats, a timestamp that is not an integer, anything after it, a second HELP or TYPE
 * (or a TYPE after the family's samples), an unknown type, a last line without a newline. Unlike
 * promtool it goes on after a bad line, so every problem is listed. apps/cli/src/endpoint
 * /exposition-grammar.test.ts runs promtool on the same inputs.
 */
export function parseExposition(text: string): { families: Map<string, MetricFamily>; problems: ParseProblem[] } {
  const families = new Map<string, MetricFamily>();
  const problems: ParseProblem[] = [];
  /** Families that already have a sample: a TYPE after them is an error, as in expfmt. */
  const sampled = new Set<string>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, type: undefined, help: undefined, samples: [] }));
    return f;
  };
  const lines = text.split('\n');
  const last = lines.length - 1;
  if (lines[last] !== '') problems.push({ line: lines.length, message: 'Unexpected end of input without a newline, expected every line to end with \\n' });
  lines.forEach((raw, idx) => {
    if (idx === last && raw === '') return;
    const line = idx + 1;
    const c = new Cursor(raw);
    try {
      c.skipBlanks();
      if (c.ch() === undefined) return;
      if (c.ch() === '#') parseComment(c, family, sampled);
      else parseSample(c, line, family, sampled, families);
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      problems.push({ line, message: err.message });
    }
  });
  // Families declared only by HELP/TYPE without samples are kept: a declared metric with no series yet.
  return { families, problems };
}

function parseComment(c: Cursor, family: (name: string) => MetricFamily, sampled: ReadonlySet<string>): void {
  c.i++; // '#'
  c.skipBlanks();
  const keyword = c.token();
  if (keyword !== 'HELP' && keyword !== 'TYPE') return; // other comments are allowed
  c.skipBlanks();
  if (c.ch() === undefined) return;
  const start = c.i;
  const name = c.take(METRIC_NAME);
  if (!name || (c.ch() !== undefined && c.ch() !== ' ' && c.ch() !== '\t')) {
    c.i = start;
    c.fail(`Unexpected metric name ${excerpt(c.token())} in a ${keyword} line, expected [a-zA-Z_:][a-zA-Z0-9_:]*`);
  }
  c.skipBlanks();
  if (c.ch() === undefined) return;
  const f = family(name);
  if (keyword === 'HELP') {
    if (f.help !== undefined) c.fail(`Unexpected second HELP line for ${name}, expected one`);
    f.help = unescape(c, false, `the HELP of ${name}`);
    return;
  }
  if (f.type !== undefined || sampled.has(name)) c.fail(`Unexpected second TYPE line for ${name} (or a TYPE after its samples), expected one TYPE before the samples`);
  const type = c.text.slice(c.i);
  if (!TYPES.has(type.toLowerCase())) c.fail(`Unexpected type ${excerpt(type)} for ${name}, expected counter, gauge, histogram, summary or untyped`);
  f.type = type.toLowerCase();
}

function parseSample(c: Cursor, line: number, family: (name: string) => MetricFamily, sampled: Set<string>, families: ReadonlyMap<string, MetricFamily>): void {
  const name = c.take(METRIC_NAME);
  if (!name) c.fail(`Unexpected ${excerpt(c.text.slice(c.i, c.i + 20))}, expected a metric name`);
  c.skipBlanks();
  const labels = c.ch() === '{' ? parseLabels(c, name) : (Object.create(null) as Record<string, string>);
  for (const v of Object.values(labels)) if (v.includes(REPLACEMENT)) c.fail(`Unexpected bytes that are not UTF-8 in a label value of ${name}, expected UTF-8`);
  c.skipBlanks();
  const valueText = c.token();
  if (!FLOAT.test(valueText)) c.fail(`Unexpected value ${excerpt(valueText || 'end of line')} for ${name}, expected a float`);
  if (c.ch() !== undefined) {
    c.skipBlanks();
    const ts = c.token();
    if (!INTEGER.test(ts)) c.fail(`Unexpected timestamp ${excerpt(ts || 'end of line')} for ${name}, expected an integer (milliseconds) or nothing after the value`);
    if (c.ch() !== undefined) c.fail(`Unexpected ${excerpt(c.text.slice(c.i).trim() || c.text.slice(c.i))} after the timestamp of ${name}, expected the end of the line`);
  }
  const value = parseValue(valueText);
  const owner = family(familyOf(name, families));
  if ((owner.type === 'histogram' || owner.type === 'gauge_histogram') && (name.endsWith('_bucket') || name.endsWith('_count')) && value < 0) {
    c.fail(`Unexpected negative ${name.endsWith('_bucket') ? 'bucket population' : 'count'} ${valueText} for histogram ${owner.name}, expected ≥ 0`);
  }
  // Stricter than promtool 2.42, which lets it through: a counter only goes up from 0, and client
  // libraries refuse a negative increment, so a negative counter is a broken exporter.
  if (owner.type === 'counter' && value < 0) c.fail(`Unexpected negative value ${valueText} for counter ${owner.name}, expected ≥ 0`);
  sampled.add(owner.name);
  sampled.add(name);
  owner.samples.push({ name, labels, value, line });
}
