import { rmSync } from 'node:fs';
import { z } from 'zod';
import { EnvironmentArg, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';
import { ToolError } from '../tool-error.js';

const input = z.strictObject({ environment: EnvironmentArg });
const output = z.object({
  environment: z.string(),
  passed: z.boolean(),
  checks: z.array(z.object({ name: z.string(), command: z.string(), status: z.enum(['ok', 'failed', 'missing-tool']), output: z.string() })),
});

/** `monspec test` for one environment: build in memory, then promtool, amtool and the docs checks, as results. */
export function runTestsTool(session: Session): ToolDefinition<typeof input, typeof output> {
  return {
    title: 'Run promtool, amtool and the docs checks',
    description:
      'What `monspec test --env ENV` runs: generate the artifacts in memory, then `promtool check rules`, `promtool test rules` (every alert\'s tests), `amtool check-config` and a routing test per severity, and the docs checks. Returns each check with its command and output. Needs promtool and amtool on PATH.',
    input,
    output,
    annotations: readOnly('Run the tool checks'),
    async run({ environment }) {
      const model = session.model(environment);
      const { buildToTempDir } = await import('../../tools/build-in-memory.js');
      const built = await buildToTempDir(model);
      if (!('dir' in built)) throw new ToolError([`Unexpected findings while generating (${built.summary}), expected artifacts to test:`, ...built.problems].join('\n'));
      try {
        const { testArtifacts } = await import('@monspec/alerts/tools');
        const { docsChecks } = await import('../../tools/run-docs-checks.js');
        const tools = testArtifacts(built.dir, { model }).map((r) => ({ name: r.name, command: r.command, status: r.status === 'ok' ? ('ok' as const) : r.status === 'missing-tool' ? ('missing-tool' as const) : ('failed' as const), output: r.output }));
        const docs = await docsChecks(built.dir, model);
        const checks = [
          ...tools,
          ...docs.checks.map((c) => ({ name: c.name, command: 'remark (in process)', status: c.findings.length === 0 && docs.files > 0 ? ('ok' as const) : ('failed' as const), output: c.findings.join('\n') })),
        ];
        return { environment: model.environment, passed: checks.every((c) => c.status === 'ok'), checks };
      } finally {
        rmSync(built.dir, { recursive: true, force: true });
      }
    },
  };
}
