import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { stringifyYaml } from './document.js';

/** The `yaml` options the generators used before this printer; its output must stay byte-identical. */
const ALERTS_OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: true, aliasDuplicateObjects: false } as const;
const DASHBOARDS_OPTIONS = { lineWidth: 0 } as const;

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces of text that exercise every quoting rule: indicators, schema look-alikes, breaks, escapes. */
const PIECES = [
  'a', 'word', 'Tunnel', 'x1', '0', '42', '-7', '3.5', '1e3', '.5', '0x1F', '0o17', '.inf', '-.Inf', '.nan',
  'true', 'False', 'null', 'NULL', '~', ' ', '  ', '\t', '\n', '\n\n', ':', ': ', ' #', '#', '-', '- ', '?', '? ',
  ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '---', '...', '\\', '/', '$', '{{ $value }}',
  'rate(x{job="a"}[5m])', 'é', '€', '\u0001', '\u007f', '\u0085', '\u00a0', '\u2028', '\ud800', '\r', 'https://a.example/b?c=d#e',
];

function text(next: () => number): string {
  const n = Math.floor(next() * 7);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

const NUMBERS = [0, 1, -1, 42, 3.25, -0, 1e21, 5e-7, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53];

function value(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 0 && r < 0.2) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth - 1));
  if (depth > 0 && r < 0.4) {
    const o: Record<string, unknown> = {};
    const n = Math.floor(next() * 4);
    for (let i = 0; i < n; i++) o[next() < 0.02 ? 'k'.repeat(1030) : text(next)] = value(next, depth - 1);
    return o;
  }
  if (r < 0.75) return text(next);
  if (r < 0.85) return NUMBERS[Math.floor(next() * NUMBERS.length)];
  if (r < 0.9) return next() < 0.5;
  if (r < 0.95) return null;
  return undefined;
}

describe('stringifyYaml', () => {
  it('prints block collections, empty ones in flow style', () => {
    expect(stringifyYaml({ groups: [{ name: 'a', rules: [] }, { name: 'b', labels: {} }], n: 1, ok: true, none: null, gone: undefined })).toBe(
      'groups:\n  - name: a\n    rules: []\n  - name: b\n    labels: {}\nn: 1\nok: true\nnone: null\n',
    );
  });

  it('quotes what a reader would not get back as the same string', () => {
    expect(stringifyYaml({ a: 'true', b: '5', c: 'x: y', d: '"q"', e: "'s", f: '', g: '{{ $labels.instance }} up' })).toBe(
      `a: "true"\nb: "5"\nc: "x: y"\nd: '"q"'\ne: "'s"\nf: ""\ng: "{{ $labels.instance }} up"\n`,
    );
  });

  it('prints multi-line text as literal blocks with chomping indicators', () => {
    expect(stringifyYaml({ expr: 'sum(a)\n/\nsum(b)', text: 'line\n', kept: 'a\n\n', seq: ['x\ny'] })).toBe(
      'expr: |-\n  sum(a)\n  /\n  sum(b)\ntext: |\n  line\nkept: |+\n  a\n\nseq:\n  - |-\n    x\n    y\n',
    );
  });

  it('refuses what is not plain data', () => {
    expect(() => stringifyYaml({ at: new Date(0) })).toThrow(/Date/);
    expect(() => stringifyYaml('text')).toThrow(/scalar document/);
  });

  it('prints exactly what the yaml package prints, over random documents', () => {
    const next = random(8);
    for (let i = 0; i < 4000; i++) {
      const data = next() < 0.2 ? [value(next, 4)] : { root: value(next, 4), [text(next)]: value(next, 3) };
      const mine = stringifyYaml(data);
      expect(mine, JSON.stringify(data)).toBe(stringify(data, ALERTS_OPTIONS));
      expect(mine, JSON.stringify(data)).toBe(stringify(data, DASHBOARDS_OPTIONS));
    }
  });
});
