/**
 * Seeded mutations of a spec for the fuzz test: byte flips, truncation, type swaps, anchors and
 * aliases, tags, encodings, duplicate keys, deep nesting, hostile values. Deterministic per seed.
 */

/** mulberry32: a small seeded PRNG, enough for choosing mutations reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SpecBytes {
  readonly path: string;
  readonly bytes: Buffer;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rand, n: number) => Math.floor(r() * n);

/** Values that stress types and ranges where a scalar stood. */
const HOSTILE_VALUES = [
  '[]', '{}', 'null', '~', '-1', '0', '.nan', '.inf', '-.inf', '1e999', '-1e999', '99999999999999999999', '0.0000001', 'true', '""', "''",
  '0s', '0m', '99999999999999y', '100%', '0%', '-5%', '1e3%', '"${1/0}"', '"${((((((((((1))))))))))}"', `"${'('.repeat(3000)}"`, `"${'x'.repeat(5000)}"`,
  '"{a=~\\"(?=x)\\"}"', '"sum(rate(x{a=~\\"\\\\\\\\1\\"}[5m]))"', '!!binary aGVsbG8=', '!!js/function "function(){}"', '!custom x', '!!timestamp 2001-12-14',
  '*undefined_alias', '&anchor x', '"\\u0000"', '"\\ud800"', '|\n  block', '>-\n  folded', "'it''s'", '"${threshold}"', '"$__rate_interval"',
];

const MUTATORS: ReadonlyArray<(r: Rand, text: string, bytes: Buffer) => Buffer> = [
  // byte flip
  (r, _t, b) => {
    const out = Buffer.from(b);
    for (let k = 0, n = 1 + int(r, 4); k < n && out.length > 0; k++) {
      const i = int(r, out.length);
      out[i] = (out[i] as number) ^ (1 << int(r, 8));
    }
    return out;
  },
  // truncation
  (r, _t, b) => b.subarray(0, int(r, b.length + 1)),
  // type swap: replace the value after a random `key: `
  (r, t) => {
    const lines = t.split('\n');
    const candidates = lines.map((l, i) => (/^\s*[\w.-]+: \S/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return Buffer.from(t);
    const i = pick(r, candidates);
    lines[i] = (lines[i] as string).replace(/^(\s*[\w.-]+: ).*$/, `$1${pick(r, HOSTILE_VALUES)}`);
    return Buffer.from(lines.join('\n'));
  },
  // anchor on one value, alias at another (may be inside it: a self reference)
  (r, t) => {
    const lines = t.split('\n');
    const keyed = lines.map((l, i) => (/^\s*[\w.-]+:/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (keyed.length < 2) return Buffer.from(t);
    const a = pick(r, keyed);
    const b = pick(r, keyed);
    lines[a] = (lines[a] as string).replace(/^(\s*[\w.-]+:)/, '$1 &fz');
    lines[b] = (lines[b] as string).replace(/^(\s*[\w.-]+:).*$/, '$1 *fz');
    return Buffer.from(lines.join('\n'));
  },
  // alias bomb appended
  (_r, t) => Buffer.from(t + '\nx-bomb: &b0 [lol, lol, lol, lol, lol, lol, lol, lol]\n' + Array.from({ length: 8 }, (_, i) => `x-b${i + 1}: &b${i + 1} [${Array(8).fill(`*b${i}`).join(', ')}]`).join('\n') + '\n'),
  // tag before a random value
  (r, t) => Buffer.from(t.replace(/: (\S)/, (_m, c: string) => `: ${pick(r, ['!!binary ', '!custom ', '!!js/regexp ', '!!str ', '!!int ', '!!float ', '!!set ', '!!omap '])}${c}`)),
  // encodings
  (r, t) => {
    const which = int(r, 3);
    if (which === 0) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
    if (which === 1) return Buffer.from(t.replace(/e/, 'é'), 'latin1');
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]);
  },
  // duplicate a line (duplicate keys) or delete one
  (r, t) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    if (r() < 0.5) lines.splice(i, 0, lines[i] as string);
    else lines.splice(i, 1);
    return Buffer.from(lines.join('\n'));
  },
  // deep nesting
  (r, t) => {
    const depth = pick(r, [70, 500, 5000, 20000]);
    return Buffer.from(t + (r() < 0.5 ? `\nx-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n` : '\nx-deep:\n' + Array.from({ length: Math.min(depth, 400) }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n') + ' 1\n'));
  },
  // indentation shift of a random line
  (r, t) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    lines[i] = (r() < 0.5 ? '  ' : '') + (lines[i] as string).replace(/^ {2}/, r() < 0.5 ? '' : '    ');
    return Buffer.from(lines.join('\n'));
  },
  // a long key
  (r, t) => Buffer.from(t.replace(/^(\s+)([A-Za-z_]\w*):/m, (_m, s: string, k: string) => `${s}${k}${(r() < 0.5 ? 'X' : 'x').repeat(300)}:`)),
];

/** One fuzz case: the spec with one file mutated 1–3 times. */
export function mutateSpec(files: readonly SpecBytes[], r: Rand): { files: SpecBytes[]; description: string } {
  const target = int(r, files.length);
  const file = files[target] as SpecBytes;
  let bytes = file.bytes;
  const applied: number[] = [];
  for (let k = 0, n = 1 + int(r, 3); k < n; k++) {
    const m = int(r, MUTATORS.length);
    applied.push(m);
    bytes = (MUTATORS[m] as (r: Rand, t: string, b: Buffer) => Buffer)(r, bytes.toString('utf8'), bytes);
  }
  return { files: files.map((f, i) => (i === target ? { path: f.path, bytes } : f)), description: `${file.path} mutators ${applied.join(',')}` };
}
