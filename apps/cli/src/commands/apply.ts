import { createInterface } from 'node:readline/promises';
import { boolOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ADOPT_OPTION, ENV_OPTION, SPEC_OPTION, TARGET_OPTION } from '../options.js';
import { applyPlan } from '../deploy/apply.js';
import { GrafanaError } from '../deploy/grafana-client.js';
import { loadDeploy } from '../deploy/load.js';
import { APPLY_MESSAGE, changeCount, makePlan } from '../deploy/plan.js';
import { planText, summary } from '../deploy/render.js';
import { applyDaemonPlan } from '../deploy/rules-apply.js';
import { daemonChangeCount, daemonPlanText, makeDaemonPlan } from '../deploy/rules-plan.js';
import { applyRulerPlan } from '../deploy/ruler-apply.js';
import { makeRulerPlan, rulerChangeCount, rulerPlanText } from '../deploy/ruler-plan.js';

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
  usage: 'monspec apply [--spec DIR] [--env NAME] [--target NAME] [--prune] [--adopt] [--yes]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    target: TARGET_OPTION,
    adopt: ADOPT_OPTION,
    prune: { type: 'boolean', help: 'Also delete monspec-owned dashboards, contact points and alert rule groups (Grafana, rulers) of this service that the spec no longer has.' },
    yes: { type: 'boolean', help: 'Apply without asking (required without a terminal, e.g. in CI).' },
  },
  examples: ['GRAFANA_URL=http://localhost:3000 monspec apply --yes', 'GRAFANA_URL=http://localhost:3000 monspec apply --yes --prune --env staging'],
  async run(args, io) {
    const loaded = loadDeploy(args, io, 'apply');
    if (!loaded) return EXIT.findings;
    const { model, client, daemons, rulers } = loaded;
    const prune = boolOpt(args, 'prune');
    const adopt = boolOpt(args, 'adopt');
    const hasDaemons = daemons.prometheus !== undefined || daemons.alertmanager !== undefined;
    try {
      const plan = client ? await makePlan(model, client, { prune, env: io.env }) : undefined;
      const daemonPlan = hasDaemons ? await makeDaemonPlan(model, daemons, { adopt }) : undefined;
      const rulerPlan = rulers.length ? await makeRulerPlan(model, rulers, { prune }) : undefined;
      if (plan) io.out(planText(plan));
      if (daemonPlan) io.out(daemonPlanText(daemonPlan, daemons));
      if (rulerPlan) io.out(rulerPlanText(rulerPlan, rulers));
      const changes = (plan ? changeCount(plan) : 0) + (daemonPlan ? daemonChangeCount(daemonPlan) : 0) + (rulerPlan ? rulerChangeCount(rulerPlan) : 0);
      if (changes === 0) return EXIT.ok;
      if (!boolOpt(args, 'yes')) {
        if (!process.stdin.isTTY) throw new UsageError('apply writes to the targets: pass --yes to apply without a terminal to confirm on');
        const where = [client?.target.url, daemons.prometheus?.url, daemons.alertmanager?.url, ...rulers.map((r) => r.target.url)].filter(Boolean).join(', ');
        if (!(await confirm(`Apply ${changes} change(s) to ${where}? [y/N] `))) {
          io.err('monspec apply: nothing applied');
          return EXIT.findings;
        }
      }
      let failed = 0;
      let after = 0;
      if (plan && client && changeCount(plan) > 0) {
        const result = await applyPlan(plan, model, client, `${APPLY_MESSAGE} (${model.service.name}, ${model.environment})`, io.env);
        io.out(['', 'Applied:', ...result.done.map((l) => `  ${l}`)].join('\n'));
        for (const f of result.failed) io.err(`monspec apply: ${f}`);
        failed = result.failed.length;
      }
      if (daemonPlan && daemonChangeCount(daemonPlan) > 0) {
        const done = await applyDaemonPlan(daemonPlan, daemons);
        io.out(['', 'Applied to Prometheus/Alertmanager:', ...done.map((l) => `  ${l}`)].join('\n'));
      }
      if (rulerPlan && rulerChangeCount(rulerPlan) > 0) {
        const result = await applyRulerPlan(rulerPlan, rulers);
        io.out(['', 'Applied to the rulers:', ...result.done.map((l) => `  ${l}`)].join('\n'));
        for (const f of result.failed) io.err(`monspec apply: ${f}`);
        failed += result.failed.length;
      }
      // Re-plan: what the targets hold now against the spec; a clean apply leaves nothing to do.
      if (plan && client) {
        const again = await makePlan(model, client, { prune, env: io.env });
        io.out(`Re-plan: ${summary(again)}`);
        after += changeCount(again);
      }
      if (daemonPlan) {
        const again = await makeDaemonPlan(model, daemons, { adopt });
        after += daemonChangeCount(again);
        io.out(`Re-plan: ${daemonChangeCount(again) === 0 ? 'no changes to rule files or Alertmanager config.' : daemonPlanText(again, daemons)}`);
      }
      if (rulerPlan) {
        const again = await makeRulerPlan(model, rulers, { prune });
        after += rulerChangeCount(again);
        io.out(`Re-plan: ${rulerChangeCount(again) === 0 ? 'no changes to the rulers.' : rulerPlanText(again, rulers)}`);
      }
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
