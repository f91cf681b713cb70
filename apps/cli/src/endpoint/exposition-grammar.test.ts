/**
 * The exposition parser against the real `promtool check metrics` on the same inputs: wherever
 * promtool's text parser stops, ours reports a problem on the same line, and wherever promtool parses,
 * ours does too — except the rows marked `stricter`, which promtool 2.42 lets through and monspec
 * refuses on purpose (each says why).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { requireTools, toolPath } from '@monspec/test-kit';
import { parseExposition } from './parse-exposition.js';

const tools = requireTools(['promtool']);
const PROMTOOL = toolPath('promtool') ?? 'promtool';
const run = tools.skip ? describe.skip : describe;
if (tools.skip) console.warn(`the promtool comparison ${tools.reason}`);

interface Row {
  readonly name: string;
  readonly text: string;
  /** monspec refuses what promtool 2.42 accepts, and why. */
  readonly stricter?: string;
}

const H = '# HELP a A.\n# TYPE a gauge\n';
const ROWS: readonly Row[] = [
  { name: 'plain gauge', text: `${H}a 1\n` },
  { name: 'labels, trailing comma, blanks', text: `${H}a{ x = "1" ,y="2",} 1\n` },
  { name: 'escaped label value', text: `${H}a{x="q\\"b\\\\s\\nn"} 1\n` },
  { name: 'timestamp', text: `${H}a 1 1700000000000\n` },
  { name: 'signed timestamp', text: `${H}a 1 +12\n` },
  { name: 'special floats', text: `${H}a +Inf\na{x="1"} -Inf\na{x="2"} NaN\na{x="3"} inf\na{x="4"} Infinity\na{x="5"} .5\na{x="6"} 5.\na{x="7"} 1e3\n` },
  { name: 'no space before value', text: `${H}a{x="1"}1\n` },
  { name: 'other comments and blank lines', text: `\n# just a comment\n${H}\na 1\n` },
  { name: 'HELP without text', text: '# HELP a\n# TYPE a gauge\na 1\n' },
  { name: 'histogram', text: '# HELP h H.\n# TYPE h histogram\nh_bucket{le="0.5"} 1\nh_bucket{le="+Inf"} 2\nh_sum 3\nh_count 2\n' },
  { name: 'summary', text: '# HELP s S.\n# TYPE s summary\ns{quantile="0.9"} 1\ns_sum 3\ns_count 2\n' },
  { name: 'duplicate label names', text: `${H}a{x="1",x="2"} 1\n` },
  { name: 'reserved __name__ label', text: `${H}a{__name__="b"} 1\n` },
  { name: 'invalid label name', text: `${H}a{1x="1"} 1\n` },
  { name: 'leading comma in labels', text: `${H}a{,x="1"} 1\n` },
  { name: 'missing comma between labels', text: `${H}a{x="1" y="2"} 1\n` },
  { name: 'unclosed label value', text: `${H}a{x="1\n` },
  { name: 'unknown escape in a label value', text: `${H}a{x="\\q"} 1\n` },
  { name: 'unknown escape in HELP', text: '# HELP a x\\qy\n' },
  { name: 'le that is not a float', text: '# HELP h H.\n# TYPE h histogram\nh_bucket{le="abc"} 1\n' },
  { name: 'trailing field after the timestamp', text: `${H}a 1 123 extra\n` },
  { name: 'trailing blank after the value', text: `${H}a 1 \n` },
  { name: 'non-integer timestamp', text: `${H}a 1 12.5\n` },
  { name: 'hex value', text: `${H}a 0x10\n` },
  { name: 'underscore in value', text: `${H}a 1_000\n` },
  { name: 'signed NaN', text: `${H}a -nan\n` },
  { name: 'CRLF line end', text: `${H}a 1\r\n` },
  { name: 'second TYPE', text: '# TYPE a gauge\n# TYPE a gauge\na 1\n' },
  { name: 'TYPE after samples', text: 'a 1\n# TYPE a gauge\n' },
  { name: 'second HELP', text: '# HELP a x\n# HELP a y\n' },
  { name: 'unknown type', text: '# TYPE a foo\n' },
  { name: 'invalid metric name in TYPE', text: '# TYPE 1a gauge\n' },
  { name: 'sample without a metric name', text: '{x="1"} 1\n' },
  { name: 'no final newline', text: `${H}a 1` },
  { name: 'negative counter', text: '# HELP c_total C.\n# TYPE c_total counter\nc_total -1\n', stricter: 'a counter only goes up; client libraries refuse a negative increment' },
  {
    name: 'negative histogram bucket',
    text: '# HELP h H.\n# TYPE h histogram\nh_bucket{le="1"} -1\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n',
    stricter: 'prometheus/common since v0.50 refuses it ("negative bucket population"); 2.42 wraps it to a huge count',
  },
];

/** promtool's first parse error line, or undefined when its text parser accepted the input. */
function promtoolParseError(text: string): number | undefined {
  const r = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  const m = /text format parsing error in line (\d+)/.exec(`${r.stdout}${r.stderr}`);
  if (m) return Number(m[1]);
  // Exit 3 is lint findings (help text, naming), not a parse failure.
  expect([0, 3], `promtool check metrics exited ${r.status}: ${r.stderr}`).toContain(r.status);
  return undefined;
}

run('parseExposition agrees with promtool check metrics', () => {
  it.each(ROWS)('$name', (row) => {
    const ours = parseExposition(row.text).problems;
    const theirs = promtoolParseError(row.text);
    if (row.stricter) {
      expect(theirs, 'promtool 2.42 accepts this row; if it now refuses it, drop `stricter`').toBeUndefined();
      expect(ours.length, row.stricter).toBeGreaterThan(0);
      return;
    }
    if (theirs === undefined) expect(ours).toEqual([]);
    else {
      expect(ours.length, `promtool refuses line ${theirs}; monspec found nothing`).toBeGreaterThan(0);
      expect(ours[0]?.line).toBe(theirs);
    }
  });
});

describe('parseExposition messages', () => {
  it('says what was unexpected and what was expected, with the line', () => {
    const { problems } = parseExposition('# TYPE a gauge\na{x="1",x="2"} 1\na 1 123 extra\nb 1 \n');
    expect(problems).toEqual([
      { line: 2, message: 'Unexpected duplicate label name x on a, expected each label once' },
      { line: 3, message: 'Unexpected "extra" after the timestamp of a, expected the end of the line' },
      { line: 4, message: 'Unexpected timestamp "end of line" for b, expected an integer (milliseconds) or nothing after the value' },
    ]);
  });
  it('keeps a label named like an Object member as a plain label', () => {
    const { families, problems } = parseExposition('a{constructor="x",__proto__="y"} 1\n');
    expect(problems).toEqual([]);
    const labels = families.get('a')?.samples[0]?.labels ?? {};
    expect(Object.entries(labels)).toEqual([['constructor', 'x'], ['__proto__', 'y']]);
  });
});
