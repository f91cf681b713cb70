import { createInterface } from 'node:readline/promises';
import { boolOpt, type Command, type Io, type Parsed } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ADOPT_OPTION, WORKSPACE_DEPLOY_OPTION, ENV_OPTION, SPEC_OPTION, TARGET_OPTION } from '../options.js';
import { GrafanaError } from '../deploy/grafana-client.js';
import { loadDeploy } from '../deploy/load.js';
import { applyService, planService, serviceChangeCount, servicePlanText, targetUrls } from '../deploy/service-deploy.js';

/** --yes, or a yes on the terminal; false (reported) when the user says no. */
async function confirmed(args: Parsed, changes: number, where: readonly string[], io: Io): Promise<boolean> {
  if (boolOpt(args, 'yes')) return true;
  if (!process.stdin.isTTY) throw new UsageError('apply writes to the targets: pass --yes to apply without a terminal to confirm on');
  if (await confirm(`Apply ${changes} change(s) to ${where.join(', ')}? [y/N] `)) return true;
  io.err('monspec apply: nothing applied');
  return false;
}

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
  summary: 'Write the plan to Grafana (GRAFANA_URL, GRAFANA_TOKEN: folder, contact points, policy route, dashboards, alert rule groups, with deeplinks), to Prometheus/Alertmanager (validated rule files and config, reloaded and confirmed) and to the Mimir/Loki rulers (MIMIR_URL, LOKI_URL: one namespace per service); re-plans.',
  usage: 'monspec apply [--spec DIR] [--env NAME] [--target NAME] [--prune] [--adopt] [--yes] | monspec apply --workspace [FILE] --target NAME [--env NAME] [--prune] [--adopt] [--yes]',
  positionals: { min: 0, max: 1 },
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    target: TARGET_OPTION,
    adopt: ADOPT_OPTION,
    workspace: WORKSPACE_DEPLOY_OPTION,
    prune: { type: 'boolean', help: 'Also delete monspec-owned dashboards, contact points and alert rule groups (Grafana, rulers) of this service that the spec no longer has.' },
    yes: { type: 'boolean', help: 'Apply without asking (required without a terminal, e.g. in CI).' },
  },
  examples: ['GRAFANA_URL=http://localhost:3000 monspec apply --yes', 'GRAFANA_URL=http://localhost:3000 monspec apply --yes --prune --env staging'],
  async run(args, io) {
    if (boolOpt(args, 'workspace')) {
      // The fleet build is loaded only for it, as in build --workspace.
      const { fleetApply } = await import('../deploy/fleet-deploy.js');
      return fleetApply(args, io, { prune: boolOpt(args, 'prune'), adopt: boolOpt(args, 'adopt'), env: io.env }, (changes, where) => confirmed(args, changes, where, io));
    }
    if (args.positionals.length > 0) throw new UsageError(`Unexpected argument "${args.positionals[0]}", expected options only (a workspace file follows --workspace)`);
    const loaded = loadDeploy(args, io, 'apply');
    if (!loaded) return EXIT.findings;
    const { model, ...targets } = loaded;
    const options = { prune: boolOpt(args, 'prune'), adopt: boolOpt(args, 'adopt'), env: io.env };
    try {
      const plans = await planService(model, targets, options);
      for (const text of servicePlanText(plans, targets)) io.out(text);
      const changes = serviceChangeCount(plans);
      if (changes === 0) return EXIT.ok;
      if (!(await confirmed(args, changes, targetUrls(targets), io))) return EXIT.findings;
      const { failed, after } = await applyService(model, targets, plans, options, io);
      if (failed > 0) {
        io.err(`monspec apply: ${failed} item(s) failed; run monspec apply again once fixed (it re-plans from what the targets hold)`);
        return EXIT.usage;
      }
      return after === 0 ? EXIT.ok : EXIT.findings;
    } catch (err) {
      if (err instanceof GrafanaError) throw new UsageError(err.message);
      throw err;
    }
  },
};
