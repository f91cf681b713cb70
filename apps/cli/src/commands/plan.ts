import { boolOpt, stringOpt, type Command } from '../command.js';
import { EXIT } from '../errors.js';
import { ADOPT_OPTION, WORKSPACE_DEPLOY_OPTION, ENV_OPTION, parseFormat, SPEC_OPTION, TARGET_OPTION } from '../options.js';
import { GrafanaError } from '../deploy/grafana-client.js';
import { loadDeploy } from '../deploy/load.js';
import type { Plan } from '../deploy/plan.js';
import { planJson, planMarkdown, planText } from '../deploy/render.js';
import { daemonChangeCount, daemonPlanJson, daemonPlanText, type DaemonPlan } from '../deploy/rules-plan.js';
import { rulerChangeCount, rulerPlanJson, rulerPlanText, type RulerPlan } from '../deploy/ruler-plan.js';
import { planService, serviceChangeCount } from '../deploy/service-deploy.js';
import { UsageError } from '../errors.js';

function render(format: string, plan: Plan | undefined, daemons: DaemonPlan | undefined, daemonText: string, rulers: RulerPlan | undefined, rulerText: string): string {
  if (format === 'json') {
    let json = plan ? (JSON.parse(planJson(plan)) as Record<string, unknown>) : { schemaVersion: 1, changes: 0 };
    if (daemons) json = { ...json, changes: Number(json['changes']) + daemonChangeCount(daemons), files: daemonPlanJson(daemons) };
    if (rulers) json = { ...json, changes: Number(json['changes']) + rulerChangeCount(rulers), rulers: rulerPlanJson(rulers) };
    return JSON.stringify(json, null, 2);
  }
  const parts = plan ? [format === 'markdown' ? planMarkdown(plan) : planText(plan)] : [];
  if (daemons) parts.push(format === 'markdown' ? `## monspec plan: rule files and Alertmanager config\n\n\`\`\`text\n${daemonText}\n\`\`\`\n` : daemonText);
  if (rulers) parts.push(format === 'markdown' ? `## monspec plan: rulers\n\n\`\`\`text\n${rulerText}\n\`\`\`\n` : rulerText);
  return parts.join('\n');
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'Compare what the spec generates with a live Grafana (GRAFANA_URL, GRAFANA_TOKEN: dashboards and Grafana alerting), Prometheus (PROMETHEUS_URL, PROMETHEUS_RULES_DIR) and Alertmanager (ALERTMANAGER_URL, ALERTMANAGER_CONFIG) and the Mimir/Loki rulers (MIMIR_URL, LOKI_URL) and print what apply would change.',
  usage: 'monspec plan [--spec DIR] [--env NAME] [--target NAME] [--prune] [--adopt] [--format text|json|markdown] | monspec plan --workspace [FILE] --target NAME [--env NAME] [--prune] [--adopt]',
  positionals: { min: 0, max: 1 },
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    target: TARGET_OPTION,
    adopt: ADOPT_OPTION,
    workspace: WORKSPACE_DEPLOY_OPTION,
    prune: { type: 'boolean', help: 'Plan to delete monspec-owned dashboards, contact points and alert rule groups (Grafana, rulers) of this service that the spec no longer has.' },
    format: { type: 'string', help: 'text (default), json (for CI; schema in the README) or markdown (for a PR comment).' },
  },
  examples: [
    'GRAFANA_URL=http://localhost:3000 monspec plan || test $? -eq 1',
    'GRAFANA_URL=http://localhost:3000 monspec plan --format markdown > plan.md || test $? -eq 1',
  ],
  async run(args, io) {
    const format = parseFormat(stringOpt(args, 'format'), ['text', 'json', 'markdown']);
    if (boolOpt(args, 'workspace')) {
      if (format !== 'text') throw new UsageError(`Unexpected --format ${format} with --workspace, expected text (the fleet's plan is printed per service)`);
      // The fleet build is loaded only for it, as in build --workspace.
      const { fleetPlan } = await import('../deploy/fleet-deploy.js');
      return fleetPlan(args, io, { prune: boolOpt(args, 'prune'), adopt: boolOpt(args, 'adopt'), env: io.env });
    }
    if (args.positionals.length > 0) throw new UsageError(`Unexpected argument "${args.positionals[0]}", expected options only (a workspace file follows --workspace)`);
    const loaded = loadDeploy(args, io, 'plan');
    if (!loaded) return EXIT.findings;
    const { model, ...targets } = loaded;
    let plans;
    try {
      plans = await planService(model, targets, { prune: boolOpt(args, 'prune'), adopt: boolOpt(args, 'adopt'), env: io.env });
    } catch (err) {
      if (err instanceof GrafanaError) throw new UsageError(err.message);
      throw err;
    }
    const { grafana, daemons, rulers } = plans;
    io.out(render(format, grafana, daemons, daemons ? daemonPlanText(daemons, targets.daemons) : '', rulers, rulers ? rulerPlanText(rulers, targets.rulers) : ''));
    return serviceChangeCount(plans) === 0 ? EXIT.ok : EXIT.findings;
  },
};
