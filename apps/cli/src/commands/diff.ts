import { hasErrors } from '@monspec/metrics-spec';
import { stringOpt, type Command } from '../command.js';
import { EXIT } from '../errors.js';
import { parseFormat, SPEC_OPTION } from '../options.js';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { compileAt, locateSpec } from '../spec-source.js';
import { diffToMarkdown, semanticDiff } from '../diff/semantic-diff.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Semantic diff between a base spec and the current one: metrics, thresholds, alerts, panels, routing.',
  usage: 'monspec diff BASE_SPEC_DIR [--spec DIR] [--env NAME] [--format markdown|json]',
  options: {
    spec: { ...SPEC_OPTION, help: 'The changed spec (default: ./monitoring; see monspec --help).' },
    env: { type: 'string', help: 'Environment to compare (default: the default environment of each spec).' },
    format: { type: 'string', help: 'markdown (default, for a PR comment) or json.' },
  },
  positionals: { min: 1, max: 1 },
  examples: [
    'mkdir -p ../base && git archive origin/main monitoring | tar -x -C ../base && monspec diff ../base/monitoring',
    'mkdir -p ../base && git archive origin/main monitoring | tar -x -C ../base && monspec diff ../base/monitoring --format json > diff.json',
  ],
  async run(args, io) {
    const format = parseFormat(stringOpt(args, 'format'), ['markdown', 'json']);
    const env = stringOpt(args, 'env');
    const baseSpec = locateSpec(args.positionals[0], io);
    const headSpec = locateSpec(stringOpt(args, 'spec'), io);
    const base = compileAt(baseSpec, env);
    const head = compileAt(headSpec, env);
    for (const [spec, r] of [
      [baseSpec, base],
      [headSpec, head],
    ] as const) {
      if (hasErrors(r.diagnostics)) {
        io.err(formatDiagnostics('text', r.diagnostics.filter((d) => d.severity === 'error'), spec.displayDir, io.errStyle));
        io.err(`monspec diff: ${spec.displayDir} is not a valid spec; fix it first (monspec validate --spec ${spec.displayDir})`);
        return EXIT.findings;
      }
    }
    if (!base.model || !head.model) return EXIT.findings;
    const changes = semanticDiff(base.model, head.model);
    if (format === 'json') io.out(JSON.stringify({ base: baseSpec.displayDir, head: headSpec.displayDir, environment: head.environment, changes }, null, 2));
    else io.out(diffToMarkdown(changes, `monspec diff: ${head.model.service.title} (${head.environment})`));
    return EXIT.ok;
  },
};
