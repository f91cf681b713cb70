/**
 * A large spec's docs are generated in a worker thread (build/offload.ts) while the main thread runs
 * the other generators: the files must be byte for byte those of a build in one thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticSpec } from '@monspec/test-kit';
import { runCli, tempDir } from './test-support/run-cli.js';

function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

function timings(stderr: string): Record<string, number> {
  const line = stderr.trim().split('\n').at(-1) ?? '';
  return (JSON.parse(line) as { timings: Record<string, number> }).timings;
}

describe('build of a large spec with two threads', () => {
  it('writes the same bytes as a build in one thread, its docs made in the worker (also the ops docs)', () => {
    const work = tempDir();
    // 340 dashboards and 680 alerts: above the offload threshold (1000 dashboards and alerts).
    const spec = writeSyntheticSpec(join(work, 'spec'), 340);
    const one = runCli(['build', '--spec', spec, '--out', join(work, 'one'), '--ops-docs', join(work, 'ops-one'), '--jobs', '1', '--quiet', '--timings'], work);
    const two = runCli(['build', '--spec', spec, '--out', join(work, 'two'), '--ops-docs', join(work, 'ops-two'), '--jobs', '2', '--quiet', '--timings'], work);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    // The main thread waited for the worker only in the two-thread build.
    expect(timings(one.stderr).wait).toBeUndefined();
    expect(timings(two.stderr).wait).toBeGreaterThanOrEqual(0);
    for (const [a, b] of [['one', 'two'], ['ops-one', 'ops-two']] as const) {
      const left = tree(join(work, a));
      const right = tree(join(work, b));
      expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
      expect(left.size).toBeGreaterThan(100);
      for (const [path, bytes] of left) expect(right.get(path)?.equals(bytes), path).toBe(true);
    }
  }, 300_000);

  it('a smaller spec stays in one thread', () => {
    const work = tempDir();
    const spec = writeSyntheticSpec(join(work, 'spec'), 30);
    const r = runCli(['build', '--spec', spec, '--out', join(work, 'out'), '--jobs', '2', '--quiet', '--timings'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(timings(r.stderr).wait).toBeUndefined();
  }, 60_000);
});
