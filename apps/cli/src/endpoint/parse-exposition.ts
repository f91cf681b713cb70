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

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseLabels(text: string, line: number, problems: ParseProblem[]): { labels: Record<string, string>; rest: string } | undefined {
  const labels: Record<string, string> = {};
  let i = 1; // after '{'
  for (;;) {
    while (text[i] === ' ' || text[i] === ',') i++;
    if (text[i] === '}') return { labels, rest: text.slice(i + 1) };
    const m = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i));
    if (!m) {
      problems.push({ line, message: `Unexpected "${text.slice(i, i + 10)}" in a label set, expected a label name` });
      return undefined;
    }
    const name = m[0];
    i += name.length;
    while (text[i] === ' ') i++;
    if (text[i] !== '=' || text[i + 1] !== '"') {
      problems.push({ line, message: `Unexpected "${text.slice(i, i + 5)}" after label ${name}, expected ="value"` });
      return undefined;
    }
    i += 2;
    let value = '';
    for (; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\') {
        const next = text[++i];
        value += next === 'n' ? '\n' : (next ?? '');
      } else value += text[i];
    }
    if (text[i] !== '"') {
      problems.push({ line, message: `Unexpected end of line in the value of label ${name}, expected a closing quote` });
      return undefined;
    }
    labels[name] = value;
    i++;
  }
}

function parseValue(s: string): number {
  if (s === '+Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  if (s === 'NaN') return NaN;
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

/**
 * Parses the Prometheus text exposition format (version 0.0.4, and the OpenMetrics subset Prometheus
 * client libraries emit): HELP and TYPE comments, samples with escaped label values.
 */
export function parseExposition(text: string): { families: Map<string, MetricFamily>; problems: ParseProblem[] } {
  const families = new Map<string, MetricFamily>();
  const problems: ParseProblem[] = [];
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { name, type: undefined, help: undefined, samples: [] }));
    return f;
  };
  text.split('\n').forEach((raw, idx) => {
    const line = idx + 1;
    const l = raw.trim();
    if (l === '' || l === '# EOF') return;
    if (l.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(.*)$/.exec(l);
      if (!m) return; // other comments are allowed
      const f = family(m[2] as string);
      if (m[1] === 'TYPE') f.type = (m[3] ?? '').trim();
      else f.help = m[3];
      return;
    }
    const nm = NAME.exec(l);
    if (!nm) {
      problems.push({ line, message: `Unexpected "${l.slice(0, 20)}", expected a metric name` });
      return;
    }
    let rest = l.slice(nm[0].length);
    let labels: Record<string, string> = {};
    if (rest.startsWith('{')) {
      const parsed = parseLabels(rest, line, problems);
      if (!parsed) return;
      labels = parsed.labels;
      rest = parsed.rest;
    }
    const [valueText] = rest.trim().split(/\s+/);
    const value = parseValue(valueText ?? '');
    if (valueText === undefined || valueText === '' || (Number.isNaN(value) && valueText !== 'NaN')) {
      problems.push({ line, message: `Unexpected value "${valueText ?? ''}" for ${nm[0]}, expected a number` });
      return;
    }
    family(familyOf(nm[0], families)).samples.push({ name: nm[0], labels, value, line });
  });
  // Families declared only by HELP/TYPE without samples are kept: a declared metric with no series yet.
  return { families, problems };
}
