/**
 * A label value as a double-quoted string that PromQL (https://prometheus.io/docs/prometheus/latest/querying/basics/#string-literals),
 * promtool's series notation and Alertmanager's matchers (https://prometheus.io/docs/alerting/latest/configuration/#matcher)
 * all read back as exactly that value: only `\`, `"` and newline are escaped, the escapes the three share
 * (Alertmanager keeps any other backslash sequence literally; PromQL ends a string at a raw newline).
 */
export function quoteLabelValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };

/**
 * The value of a PromQL or LogQL string literal as written (with its quotes): backticks are raw, and
 * in "…" and '…' a backslash escape follows Go's rules, as both languages specify
 * (https://prometheus.io/docs/prometheus/latest/querying/basics/#string-literals,
 * https://grafana.com/docs/loki/latest/query/log_queries/#line-filter-expression): \n, \t, \\, \",
 * \xhh and \ooo (bytes, read as UTF-8), \uhhhh and \Uhhhhhhhh. Text without quotes is returned as is;
 * an escape Go would reject keeps its character (the parsers already reported the literal).
 */
export function unquoteString(s: string): string {
  const q = s[0];
  if (s.length < 2 || (q !== '"' && q !== "'" && q !== '`')) return s;
  const inner = s.slice(1, -1);
  if (q === '`' || !inner.includes('\\')) return inner;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const pushText = (t: string) => bytes.push(...encoder.encode(t));
  for (let i = 0; i < inner.length; ) {
    const c = inner[i] as string;
    if (c !== '\\' || i + 1 >= inner.length) {
      const cp = inner.codePointAt(i) as number;
      pushText(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = inner[i + 1] as string;
    const hex = (n: number) => (new RegExp(`^[0-9a-fA-F]{${n}}$`).test(inner.slice(i + 2, i + 2 + n)) ? parseInt(inner.slice(i + 2, i + 2 + n), 16) : undefined);
    if (e in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[e] as number);
      i += 2;
    } else if (e === 'x' && hex(2) !== undefined) {
      bytes.push(hex(2) as number);
      i += 4;
    } else if (/^[0-7]{3}$/.test(inner.slice(i + 1, i + 4)) && parseInt(inner.slice(i + 1, i + 4), 8) < 256) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8));
      i += 4;
    } else if ((e === 'u' || e === 'U') && hex(e === 'u' ? 4 : 8) !== undefined && (hex(e === 'u' ? 4 : 8) as number) <= 0x10ffff) {
      pushText(String.fromCodePoint(hex(e === 'u' ? 4 : 8) as number));
      i += e === 'u' ? 6 : 10;
    } else {
      pushText(e);
      i += 2;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
