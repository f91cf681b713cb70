import { CHECKS } from '@monspec/metrics-spec';
import { stringOpt, type Command } from '../command.js';
import { EXIT } from '../errors.js';
import { parseFormat } from '../options.js';
import { ruleDocsMarkdown, ruleDocsText, type RuleRegistry } from '../rules/rule-docs.js';

/** Both registries, as they are compiled into this CLI. */
async function registries(): Promise<RuleRegistry[]> {
  const { LINT_RULES } = await import('@monspec/dashboards');
  const { FLEET_CHECKS } = await import('../fleet/checks/index.js');
  return [
    { title: 'Spec checks', about: 'Semantic checks of the spec after the JSON Schema, one rule per file in packages/metrics-spec/src/checks/, each with valid and invalid examples that are its tests.', rules: CHECKS },
    { title: 'Dashboard lint', about: 'Rules over the generated Grafana dashboards, one per file in packages/dashboards/src/lint/rules/; findings point at the panel in the spec.', rules: LINT_RULES },
    { title: 'Cross-service checks', about: 'Checks across the services of a workspace, run by monspec build --workspace, one per file in apps/cli/src/fleet/checks/; each finding names both places.', rules: FLEET_CHECKS },
  ];
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List every check and dashboard lint rule: id, severity, what it checks.',
  usage: 'monspec rules [--format text|markdown|json]',
  options: {
    format: { type: 'string', help: 'text (default), markdown (the reference in docs/RULES.md) or json.' },
  },
  examples: ['monspec rules', 'monspec rules --format markdown > RULES.md'],
  async run(args, io) {
    const format = parseFormat(stringOpt(args, 'format'), ['text', 'markdown', 'json'] as const);
    const all = await registries();
    if (format === 'json') io.out(JSON.stringify(all.map((r) => ({ registry: r.title, rules: r.rules.map(({ id, severity, description }) => ({ id, severity, description })) })), null, 2));
    else io.out(format === 'markdown' ? ruleDocsMarkdown(all).trimEnd() : ruleDocsText(all).trimEnd());
    return EXIT.ok;
  },
};
