import { createInterface } from 'node:readline/promises';
import { boolOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ENV_OPTION, SPEC_OPTION } from '../options.js';
import { applyPlan } from '../deploy/apply.js';
import { GrafanaError } from '../deploy/grafana-client.js';
import { loadDeploy } from '../deploy/load.js';
import { APPLY_MESSAGE, changeCount, makePlan } from '../deploy/plan.js';
import { planText, summary } from '../deploy/render.js';

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Write the plan to Grafana (GRAFANA_URL, GRAFANA_TOKEN): folder, then dashboards; re-plans and prints deeplinks.',
  usage: 'monspec apply [--spec DIR] [--env NAME] [--prune] [--yes]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    prune: { type: 'boolean', help: 'Also delete monspec-owned dashboards of this service that the spec no longer has.' },
    yes: { type: 'boolean', help: 'Apply without asking (required without a terminal, e.g. in CI).' },
  },
  examples: ['GRAFANA_URL=http://localhost:3000 monspec apply --yes', 'GRAFANA_URL=http://localhost:3000 monspec apply --yes --prune --env staging'],
  async run(args, io) {
    const loaded = loadDeploy(args, io, 'apply');
    if (!loaded) return EXIT.findings;
    const { model, client } = loaded;
    const prune = boolOpt(args, 'prune');
    try {
      const plan = await makePlan(model, client, { prune });
      io.out(planText(plan));
      if (changeCount(plan) === 0) return EXIT.ok;
      if (!boolOpt(args, 'yes')) {
        if (!process.stdin.isTTY) throw new UsageError('apply writes to Grafana: pass --yes to apply without a terminal to confirm on');
        if (!(await confirm(`Apply ${changeCount(plan)} change(s) to ${client.target.url}? [y/N] `))) {
          io.err('monspec apply: nothing applied');
          return EXIT.findings;
        }
      }
      const result = await applyPlan(plan, model, client, `${APPLY_MESSAGE} (${model.service.name}, ${model.environment})`);
      io.out(['', 'Applied:', ...result.done.map((l) => `  ${l}`)].join('\n'));
      for (const f of result.failed) io.err(`monspec apply: ${f}`);
      // Re-plan: what Grafana holds now against the spec; a clean apply leaves nothing to do.
      const after = await makePlan(model, client, { prune });
      io.out(`Re-plan: ${summary(after)}`);
      if (result.failed.length > 0) {
        io.err(`monspec apply: ${result.failed.length} item(s) failed; run monspec apply again once fixed (it re-plans from what Grafana holds)`);
        return EXIT.usage;
      }
      return changeCount(after) === 0 ? EXIT.ok : EXIT.findings;
    } catch (err) {
      if (err instanceof GrafanaError) throw new UsageError(err.message);
      throw err;
    }
  },
};
