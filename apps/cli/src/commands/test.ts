import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { compileAt, locateSpec } from '../spec-source.js';

export const testCommand: Command = {
  name: 'test',
  summary: 'Check generated artifacts with real tools: promtool rule checks and alert unit tests, amtool routing tests per severity, remark over the docs.',
  usage: 'monspec test [--out DIR] [--env NAME] [--spec DIR]',
  options: {
    out: { type: 'string', help: 'Output root that `monspec build` wrote (default: ./generated).' },
    env: { type: 'string', help: 'Test one environment (default: every environment directory under OUT).' },
    spec: { type: 'string', help: 'The spec the artifacts came from, for the expected routes (default: the embedded spec).' },
  },
  examples: ['monspec test', 'monspec build --all-envs --out /tmp/out && monspec test --out /tmp/out', 'monspec test --env staging'],
  async run(args, io) {
    const out = resolve(io.cwd, stringOpt(args, 'out') ?? 'generated');
    if (!existsSync(out)) throw new UsageError(`Unexpected missing output directory ${out}, expected one written by monspec build`);
    const env = stringOpt(args, 'env');
    const envs = env ? [env] : readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
    if (envs.length === 0) throw new UsageError(`Unexpected empty output directory ${out}, expected environments written by monspec build`);
    const spec = locateSpec(stringOpt(args, 'spec'), io.cwd);
    const { runToolChecks } = await import('../tools/run-tool-checks.js');
    const { runDocsChecks } = await import('../tools/run-docs-checks.js');
    let failed = false;
    for (const e of envs) {
      const dir = join(out, e);
      if (!existsSync(dir)) throw new UsageError(`Unexpected environment ${e}: ${dir} does not exist, expected monspec build to have written it`);
      const compiled = compileAt(spec, e);
      if (!compiled.model) {
        io.err(`monspec test: the spec at ${spec.displayDir} is invalid for ${e}; run monspec validate --env ${e}`);
        return EXIT.findings;
      }
      const result = runToolChecks(dir, compiled.model, io);
      if (result === 'missing-tool') return EXIT.usage;
      if (result === 'failed') failed = true;
      if ((await runDocsChecks(dir, e, io)) === 'failed') failed = true;
    }
    io.err(failed ? io.errStyle.red('✗ some checks failed') : io.errStyle.green('✓ all tool checks passed'));
    return failed ? EXIT.findings : EXIT.ok;
  },
};
