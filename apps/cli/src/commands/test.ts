import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';

export const testCommand: Command = {
  name: 'test',
  summary: 'Run promtool and amtool against generated artifacts: rule checks, alert unit tests, routing tests.',
  usage: 'monspec test [--out DIR] [--env NAME]',
  options: {
    out: { type: 'string', help: 'Output root that `monspec build` wrote (default: ./generated).' },
    env: { type: 'string', help: 'Test one environment (default: every environment under OUT).' },
  },
  examples: ['monspec test', 'monspec test --out ./out --env staging'],
  async run(args, io) {
    const out = resolve(io.cwd, stringOpt(args, 'out') ?? 'generated');
    if (!existsSync(out)) throw new UsageError(`Unexpected missing output directory ${out}, expected one written by monspec build`);
    const env = stringOpt(args, 'env');
    const envs = env ? [env] : readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
    if (envs.length === 0) throw new UsageError(`Unexpected empty output directory ${out}, expected environments written by monspec build`);
    const { runToolChecks } = await import('../tools/run-tool-checks.js');
    let failed = false;
    for (const e of envs) {
      const dir = join(out, e);
      if (!existsSync(dir)) throw new UsageError(`Unexpected environment ${e}: ${dir} does not exist`);
      const result = await runToolChecks(dir, io, e);
      if (result === 'missing-tool') return EXIT.usage;
      if (result === 'failed') failed = true;
    }
    return failed ? EXIT.findings : EXIT.ok;
  },
};
