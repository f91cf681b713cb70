import { boolOpt, stringOpt, type Command } from '../command.js';
import { EXIT } from '../errors.js';
import { ENV_OPTION, parseFormat, SPEC_OPTION } from '../options.js';
import { GrafanaError } from '../deploy/grafana-client.js';
import { loadDeploy } from '../deploy/load.js';
import { changeCount, makePlan } from '../deploy/plan.js';
import { planJson, planMarkdown, planText } from '../deploy/render.js';
import { UsageError } from '../errors.js';

export const planCommand: Command = {
  name: 'plan',
  summary: 'Compare the dashboards the spec generates with a live Grafana (GRAFANA_URL, GRAFANA_TOKEN) and print what apply would change.',
  usage: 'monspec plan [--spec DIR] [--env NAME] [--prune] [--format text|json|markdown]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    prune: { type: 'boolean', help: 'Plan to delete monspec-owned dashboards of this service that the spec no longer has.' },
    format: { type: 'string', help: 'text (default), json (for CI; schema in the README) or markdown (for a PR comment).' },
  },
  examples: [
    'GRAFANA_URL=http://localhost:3000 monspec plan || test $? -eq 1',
    'GRAFANA_URL=http://localhost:3000 monspec plan --format markdown > plan.md || test $? -eq 1',
  ],
  async run(args, io) {
    const format = parseFormat(stringOpt(args, 'format'), ['text', 'json', 'markdown']);
    const loaded = loadDeploy(args, io, 'plan');
    if (!loaded) return EXIT.findings;
    let plan;
    try {
      plan = await makePlan(loaded.model, loaded.client, { prune: boolOpt(args, 'prune') });
    } catch (err) {
      if (err instanceof GrafanaError) throw new UsageError(err.message);
      throw err;
    }
    io.out(format === 'json' ? planJson(plan) : format === 'markdown' ? planMarkdown(plan) : planText(plan));
    return changeCount(plan) === 0 ? EXIT.ok : EXIT.findings;
  },
};
