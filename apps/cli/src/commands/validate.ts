import { hasErrors, type ResolvedModel } from '@monspec/metrics-spec';
import { checkCompiled as check, diagnosticKey, type Checked } from '../lint/check-compiled.js';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ENV_OPTION, parseFormat, SPEC_OPTION } from '../options.js';
import { formatDiagnostics, type DiagnosticFormat } from '../output/format-diagnostics.js';
import { compileAt, locateSpec } from '../spec-source.js';

function summary(m: ResolvedModel) {
  return {
    metrics: m.metrics.length,
    alerts: new Set(m.alerts.map((a) => a.name)).size,
    dashboards: m.dashboards.length,
    panels: m.dashboards.reduce((n, d) => n + d.panels.length, 0),
    estimatedSeries: m.seriesEstimate.total,
    seriesBudget: m.seriesEstimate.budget,
  };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a spec: YAML syntax, the JSON Schema, the semantic checks and the dashboard lint, with file:line:column diagnostics. A spec that validates builds.',
  usage: 'monspec validate [--spec DIR] [--env NAME | --all-envs] [--format text|json|github]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    'all-envs': { type: 'boolean', help: 'Check every environment the spec declares.' },
    format: { type: 'string', help: 'text (default), json (machine-readable), or github (::error annotations for Actions).' },
    quiet: { type: 'boolean', short: 'q', help: 'Print only diagnostics, no summary.' },
  },
  examples: ['monspec validate', 'monspec validate --all-envs', 'monspec validate --spec ./monitoring --env staging', 'monspec validate --all-envs --format github'],
  async run(args, io) {
    const format = parseFormat<DiagnosticFormat>(stringOpt(args, 'format'), ['text', 'json', 'github']);
    const env = stringOpt(args, 'env');
    const allEnvs = boolOpt(args, 'all-envs');
    if (env !== undefined && allEnvs) throw new UsageError('Unexpected --env together with --all-envs, expected one of them');
    const started = performance.now();
    const spec = locateSpec(stringOpt(args, 'spec'), io);
    const first = compileAt(spec, env);
    const envs = allEnvs && first.environments.length > 0 ? first.environments : [first.environment];
    const checked: Checked[] = [];
    for (const e of envs) checked.push(await check(e === first.environment ? first : compileAt(spec, e)));
    const failed = checked.some((c) => hasErrors(c.diagnostics));

    if (format === 'json') {
      const one = (c: Checked) => ({
        valid: !hasErrors(c.diagnostics),
        environment: c.environment,
        diagnostics: JSON.parse(formatDiagnostics('json', c.diagnostics, spec.displayDir, io.style)) as unknown,
        summary: c.model ? summary(c.model) : undefined,
      });
      io.out(JSON.stringify(allEnvs ? { valid: !failed, environments: checked.map(one) } : one(checked[0] as Checked), null, 2));
      return failed ? EXIT.findings : EXIT.ok;
    }
    const seen = new Set<string>();
    const unique = checked.flatMap((c) => c.diagnostics).filter((d) => !seen.has(diagnosticKey(d)) && seen.add(diagnosticKey(d)) !== undefined);
    if (unique.length > 0) io.out(formatDiagnostics(format, unique, spec.displayDir, io.style));
    if (!boolOpt(args, 'quiet') && format === 'text') {
      const ms = Math.round(performance.now() - started);
      for (const c of checked) {
        const errors = c.diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = c.diagnostics.filter((d) => d.severity === 'warning').length;
        if (c.model && errors === 0) {
          const s = summary(c.model);
          const budget = s.seriesBudget === undefined ? '' : ` of a ${s.seriesBudget} budget`;
          io.err(
            io.errStyle.green('✓ ') +
              `${spec.displayDir} (${c.environment}): ${s.metrics} metrics, ${s.alerts} alerts, ${s.dashboards} dashboards, ${s.panels} panels, ` +
              `~${s.estimatedSeries} series${budget}; ${warnings} warning(s) in ${ms} ms`,
          );
        } else {
          io.err(io.errStyle.red('✗ ') + `${spec.displayDir}${c.environment ? ` (${c.environment})` : ''}: ${errors} error(s), ${warnings} warning(s)`);
        }
      }
    }
    return failed ? EXIT.findings : EXIT.ok;
  },
};
