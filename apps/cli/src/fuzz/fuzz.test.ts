/**
 * Seeded, bounded fuzz test of the loader and checker (issue #13). Mutations of the embedded spec
 * run through `monspec validate` in-process (the compiled CLI's entry, in a worker with a heap limit
 * and a per-case timeout), and a sample through the real binary. Asserted: exit 0, 1 or 2 only, no
 * "internal error", no stack trace. Explore more locally: FUZZ_SEED=123 FUZZ_CASES=5000 npx vitest run src/fuzz
 * A crash found becomes a fixture in ./fixtures (see fixtures.test.ts) and gets fixed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, EMBEDDED_SPEC, runCli } from '../test-support/run-cli.js';
import { mutateSpec, prng, type SpecBytes } from './mutate.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);
const CASES = Number(process.env['FUZZ_CASES'] ?? 200);
const CLI_SAMPLE = Number(process.env['FUZZ_CLI_CASES'] ?? 8);
/** How many of the cases that validate also go through `build` (slower: every generator runs). */
const BUILD_SAMPLE = Number(process.env['FUZZ_BUILD_CASES'] ?? 4);
/** Generous: a case normally takes well under a second; a hang or quadratic blow-up takes far longer. */
const CASE_TIMEOUT_MS = 15_000;
const HEAP_LIMIT_MB = 512;

const STACK_TRACE = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

interface Outcome {
  readonly code: number | string | null;
  readonly out: string;
  readonly err: string;
}

/** One worker running cases in turn; replaced when a case times out or exhausts its heap. */
class Runner {
  private worker: Worker | undefined;
  private next = 0;
  run(dir: string, args?: readonly string[]): Promise<Outcome> {
    const worker = (this.worker ??= new Worker(new URL('./fuzz-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } }));
    const id = this.next++;
    return new Promise((resolve) => {
      const finish = (o: Outcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(o);
      };
      const kill = (reason: string) => {
        void worker.terminate();
        this.worker = undefined;
        finish({ code: reason, out: '', err: '' });
      };
      const timer = setTimeout(() => kill(`timeout after ${CASE_TIMEOUT_MS} ms`), CASE_TIMEOUT_MS);
      const onMessage = (m: Outcome & { id: number }) => {
        if (m.id === id) finish(m);
      };
      const onError = (e: Error) => kill(`worker died: ${e.message} (heap limit ${HEAP_LIMIT_MB} MB?)`);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, dir, args });
    });
  }
  async close() {
    await this.worker?.terminate();
  }
}

function problems(o: Outcome): string | undefined {
  if (o.code !== 0 && o.code !== 1 && o.code !== 2) return `exit ${String(o.code)}`;
  const text = o.out + o.err;
  if (/internal error/i.test(text)) return `internal error: ${o.err.slice(0, 300)}`;
  if (STACK_TRACE.test(text)) return 'stack trace in the output';
  if (o.code === 1 && !/:\d+:\d+: (error|warning)/.test(text)) return 'exit 1 without a file:line:col finding';
  return undefined;
}

const embedded: SpecBytes[] = readdirSync(EMBEDDED_SPEC)
  .filter((n) => n.endsWith('.yaml'))
  .sort()
  .map((path) => ({ path, bytes: readFileSync(join(EMBEDDED_SPEC, path)) }));

function writeCase(files: readonly SpecBytes[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'monspec-fuzz-'));
  for (const f of files) writeFileSync(join(dir, f.path), f.bytes);
  return dir;
}

/** Keeps a failing case for inspection (and to commit as a fixture). */
function keep(files: readonly SpecBytes[], n: number): string {
  const dir = join(tmpdir(), `monspec-fuzz-failure-${SEED}-${n}`);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.path), f.bytes);
  return dir;
}

describe(`fuzz: seed ${SEED}, ${CASES} cases in-process (${BUILD_SAMPLE} also built), ${CLI_SAMPLE} through the binary`, () => {
  const runner = new Runner();
  afterAll(() => runner.close());
  // Printed so a CI failure can be replayed with FUZZ_SEED.
  console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_CASES=${CASES} to replay)`);

  it('every mutated spec ends in exit 0/1/2 with located findings, no internal error, no stack trace, in bounded time and heap', async () => {
    const rand = prng(SEED);
    const failures: string[] = [];
    const seen = { 0: 0, 1: 0, 2: 0 } as Record<string, number>;
    let built = 0;
    for (let n = 0; n < CASES; n++) {
      const { files, description } = mutateSpec(embedded, rand);
      const dir = writeCase(files);
      const outcome = await runner.run(dir);
      seen[String(outcome.code)] = (seen[String(outcome.code)] ?? 0) + 1;
      const problem = problems(outcome);
      if (problem) failures.push(`case ${n} (${description}): ${problem}; kept in ${keep(files, n)}`);
      // A spec that validates must also build: out-of-range values used to pass validate and crash build.
      if (outcome.code === 0 && built < BUILD_SAMPLE) {
        built++;
        const b = await runner.run(dir, ['build', '--spec', dir, '--out', join(dir, 'out'), '--quiet']);
        const bp = problems(b) ?? (b.code === 0 ? undefined : `build exit ${String(b.code)} after validate passed: ${(b.out + b.err).slice(0, 300)}`);
        if (bp) failures.push(`case ${n} build (${description}): ${bp}; kept in ${keep(files, n)}`);
      }
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`fuzz exits: ${JSON.stringify(seen)}`);
    expect(failures).toEqual([]);
    // The mutations must reach the checker, not only the parser: some cases are findings, some still valid.
    expect(seen['1']).toBeGreaterThan(CASES / 10);
  }, 600_000);

  it('a sample through the real binary keeps the exit-code contract', () => {
    const rand = prng(SEED ^ 0x5eed);
    const failures: string[] = [];
    for (let n = 0; n < CLI_SAMPLE; n++) {
      const { files, description } = mutateSpec(embedded, rand);
      const dir = writeCase(files);
      const r = runCli(['validate', '--spec', dir], dir);
      rmSync(dir, { recursive: true, force: true });
      const problem = problems({ code: r.code, out: r.stdout, err: r.stderr });
      if (problem) failures.push(`cli case ${n} (${description}): ${problem}; kept in ${keep(files, 1000 + n)}`);
    }
    expect(BIN).toMatch(/monspec\.js$/);
    expect(failures).toEqual([]);
  }, 300_000);
});

