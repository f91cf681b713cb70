import { stringOpt, type Command } from '../command.js';
import { EXIT } from '../errors.js';
import { ENV_OPTION, parseFormat, SPEC_OPTION } from '../options.js';
import { compileAt, locateSpec } from '../spec-source.js';
import { explain, explanationRecord, unknownNameMessage } from '../explain/explain.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain a metric, recording rule, alert, threshold, SLO or panel (DASHBOARD/PANEL): meaning, bands, queries, users, runbook and links.',
  usage: 'monspec explain NAME [--spec DIR] [--env NAME] [--format text|json]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    format: { type: 'string', help: 'text (default) or json.' },
  },
  positionals: { min: 1, max: 1 },
  examples: ['monspec explain http_requests_total', 'monspec explain HighErrorRate', 'monspec explain error_rate --format json'],
  async run(args, io) {
    const format = parseFormat(stringOpt(args, 'format'), ['text', 'json']);
    const name = args.positionals[0] as string;
    const spec = locateSpec(stringOpt(args, 'spec'), io);
    const result = compileAt(spec, stringOpt(args, 'env'));
    if (!result.model) {
      io.err(`monspec explain: the spec at ${spec.displayDir} is invalid; run monspec validate`);
      return EXIT.findings;
    }
    const e = explain(result.model, name);
    if (!e) {
      io.err(`monspec explain: ${unknownNameMessage(result.model, name)}`);
      return EXIT.findings;
    }
    if (format === 'json') {
      io.out(JSON.stringify(explanationRecord(e), null, 2));
      return EXIT.ok;
    }
    const lines = [io.style.bold(`${e.name}`) + io.style.dim(` (${e.kind})`), ''];
    for (const [title, value] of e.sections) {
      if (typeof value === 'string') lines.push(`${io.style.bold(title + ':')} ${value}`);
      else {
        lines.push(io.style.bold(title + ':'));
        lines.push(...(value.length ? value.map((v) => `  - ${v}`) : ['  (none)']));
      }
    }
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};
