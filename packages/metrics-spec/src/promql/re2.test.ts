/**
 * The RE2 check against the real thing: every pattern here is also written into a recording rule
 * and given to `promtool check rules` (Prometheus' Go regexp), which must agree with re2Problem.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTools, toolPath } from '@monspec/test-kit';
import { re2Problem } from './re2.js';

export const RE2_VALID = [
  'a.*', '5..', '(?i)error', '(?i:err)or', '(?P<ip>\\d+)', '[[:alpha:]]+', '[^[:space:]]', '\\pL+', '\\p{Greek}', '\\Qa.b\\E',
  'a{2,3}', 'a{2,}', 'a{,3}', 'x{', '}', ']', 'a\\-b', '\\z', '\\Aabc', 'a{1000}', '(a|b)*?', '[a-z&&[^x]]', '\\.\\*', '$code', '',
];
export const RE2_INVALID = [
  'foo(?=bar)', 'foo(?!bar)', '(?<=a)b', '(?<!a)b', '(a)\\1', '(?P<n>a)(?P=n)', 'a*+', 'a++', 'a{2}+', '(?>a)', '\\C', '\\Gx', 'a\\Z',
  'a{1001}', 'a{1,1001}', '(unclosed', 'unopened)', '[z-a]', '*a', 'a**', '(?(1)a|b)', '(?R)', '[unclosed', '(?<ip>\\d+)',
];

const tools = requireTools(['promtool']);

describe('re2Problem', () => {
  it.each(RE2_VALID)('accepts %s', (pattern) => expect(re2Problem(pattern)).toBeUndefined());
  it.each(RE2_INVALID)('rejects %s', (pattern) => expect(re2Problem(pattern)).toMatch(/RE2 does not support|invalid regular expression/));
});

describe.skipIf(tools.skip)(`promtool agrees on every pattern ${tools.reason}`, () => {
  it('accepts the valid ones and rejects the invalid ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monspec-re2-'));
    const cases = [...RE2_VALID.map((p) => ({ p, valid: true })), ...RE2_INVALID.map((p) => ({ p, valid: false }))];
    const verdicts = cases.map(({ p, valid }, i) => {
      const file = join(dir, `r${i}.yaml`);
      // Single-quoted YAML scalar holding a PromQL backtick (raw) string: no escaping to get wrong.
      writeFileSync(file, `groups:\n  - name: g\n    rules:\n      - record: x:y:z\n        expr: 'up{job=~\`${p.replace(/'/g, "''")}\`}'\n`);
      const r = spawnSync(toolPath('promtool') ?? 'promtool', ['check', 'rules', file], { encoding: 'utf8' });
      return { p, valid, promtool: r.status === 0, ours: re2Problem(p) === undefined };
    });
    expect(verdicts.filter((v) => v.promtool !== v.valid || v.ours !== v.valid)).toEqual([]);
  }, 120_000);
});
