import { hasErrors } from '@monspec/metrics-spec';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { EXIT } from '../errors.js';
import { ENV_OPTION, parseFormat, SPEC_OPTION } from '../options.js';
import { formatDiagnostics, type DiagnosticFormat } from '../output/format-diagnostics.js';
import { compileAt, locateSpec } from '../spec-source.js';


export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a spec: YAML syntax, the JSON Schema and the semantic checks, with file:line:column diagnostics.',
  usage: 'monspec validate [--spec DIR] [--env NAME] [--format text|json|github]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    format: { type: 'string', help: 'text (default), json (machine-readable), or github (::error annotations for Actions).' },
    quiet: { type: 'boolean', short: 'q', help: 'Print only diagnostics, no summary.' },
  },
  examples: ['monspec validate', 'monspec validate --spec ./monitoring --env staging', 'monspec validate --format github'],
  async run(args, io) {
    const format = parseFormat<DiagnosticFormat>(stringOpt(args, 'format'), ['text', 'json', 'github']);
    const started = performance.now();
    const spec = locateSpec(stringOpt(args, 'spec'), io.cwd);
    const result = compileAt(spec, stringOpt(args, 'env'));
    const failed = hasErrors(result.diagnostics);
    if (format === 'json') {
      const model = result.model;
      io.out(
        JSON.stringify(
          {
            valid: !failed,
            environment: result.environment,
            diagnostics: JSON.parse(formatDiagnostics('json', result.diagnostics, spec.displayDir, io.style)),
            summary: model
              ? {
                  metrics: model.metrics.length,
                  alerts: new Set(model.alerts.map((a) => a.name)).size,
                  dashboards: model.dashboards.length,
                  panels: model.dashboards.reduce((n, d) => n + d.panels.length, 0),
                  estimatedSeries: model.seriesEstimate.total,
                  seriesBudget: model.seriesEstimate.budget,
                }
              : undefined,
          },
          null,
          2,
        ),
      );
      return failed ? EXIT.findings : EXIT.ok;
    }
    if (result.diagnostics.length > 0) io.out(formatDiagnostics(format, result.diagnostics, spec.displayDir, io.style));
    if (!boolOpt(args, 'quiet') && format === 'text') {
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
      const ms = Math.round(performance.now() - started);
      if (result.model) {
        const m = result.model;
        const budget = m.seriesEstimate.budget === undefined ? '' : ` of a ${m.seriesEstimate.budget} budget`;
        io.err(
          io.errStyle.green('✓ ') +
            `${spec.displayDir} (${result.environment}): ${m.metrics.length} metrics, ${new Set(m.alerts.map((a) => a.name)).size} alerts, ` +
            `${m.dashboards.length} dashboards, ${m.dashboards.reduce((n, d) => n + d.panels.length, 0)} panels, ` +
            `~${m.seriesEstimate.total} series${budget}; ${warnings} warning(s) in ${ms} ms`,
        );
      } else {
        io.err(io.errStyle.red('✗ ') + `${spec.displayDir}: ${errors} error(s), ${warnings} warning(s)`);
      }
    }
    return failed ? EXIT.findings : EXIT.ok;
  },
};
