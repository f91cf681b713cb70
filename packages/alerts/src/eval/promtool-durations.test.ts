/**
 * monspec's duration parser agrees with Prometheus's: each duration goes into `for:` of a rule file
 * and one `promtool check rules` run over all the files says which Prometheus accepts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { requireTools } from '@monspec/test-kit';

const DURATIONS = [
  '0', '0s', '5m', '1h30m', '1y2w3d4h5m6s7ms', '500ms', '1m500ms', '90s', '2d', '10h5m', '1w', '1y',
  '5m10h', '30m1h', '1m1m', '1s1m', '500ms1s', '1ms1ms', '10', '1.5h', '1h ', ' 1h', '1H', '1M', '-5m', '5mm', 'm', '1d1w', '1s2m3h',
  '290y', '300y', '300000y', '106751d', '106752d',
];

const tools = requireTools(['promtool']);

describe.skipIf(tools.skip)(`parseDuration agrees with promtool check rules ${tools.reason}`, () => {
  it('accepts exactly the durations Prometheus accepts in for:', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monspec-durations-'));
    const files = DURATIONS.map((d, i) => {
      const file = join(dir, `r${i}.yml`);
      writeFileSync(file, `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: vector(1)\n        for: ${JSON.stringify(d)}\n`);
      return file;
    });
    const r = spawnSync('promtool', ['check', 'rules', ...files], { encoding: 'utf8' });
    // promtool prints "Checking FILE" then "  SUCCESS: …" for each file it accepts.
    const accepted = new Set([...r.stdout.matchAll(/Checking (\S+)\n {2}SUCCESS/g)].map((m) => m[1]));
    const promtool = DURATIONS.map((d, i) => [d, accepted.has(files[i] as string)]);
    const monspec = DURATIONS.map((d) => [d, !Number.isNaN(parseDuration(d))]);
    expect(monspec).toEqual(promtool);
    // Both sides must see accepted and rejected durations, or the table proves nothing.
    expect(promtool.filter(([, ok]) => ok).length).toBeGreaterThan(5);
    expect(promtool.filter(([, ok]) => !ok).length).toBeGreaterThan(5);
  });
});
