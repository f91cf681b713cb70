import { resolve } from 'node:path';
import { hasErrors } from '@monspec/metrics-spec';
import { stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { parseFormat, SPEC_OPTION } from '../options.js';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { compileAt, locateSpec } from '../spec-source.js';
import { diffToMarkdown, semanticDiff } from '../diff/semantic-diff.js';
import { previewChanges, previewsMarkdown, type DashboardPreviewChange } from '../diff/preview-changes.js';
import { writePreviews } from '../preview/write-previews.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Semantic diff between a base spec and the current one: metrics, thresholds, alerts, panels, routing.',
  usage: 'monspec diff BASE_SPEC_DIR [--spec DIR] [--env NAME] [--format markdown|json] [--previews DIR [--previews-url URL]]',
  options: {
    spec: { ...SPEC_OPTION, help: 'The changed spec (default: ./monitoring; see monspec --help).' },
    env: { type: 'string', help: 'Environment to compare (default: the default environment of each spec).' },
    format: { type: 'string', help: 'markdown (default, for a PR comment) or json.' },
    previews: { type: 'string', help: 'Write before/after pictures (sample data, SVG and PNG) of every changed dashboard into DIR and show them in the Markdown.' },
    'previews-url': { type: 'string', help: 'Where the pictures of --previews will be served from (default: DIR as given), for the Markdown links.' },
  },
  positionals: { min: 1, max: 1 },
  examples: [
    'mkdir -p ../base && git archive origin/main monitoring | tar -x -C ../base && monspec diff ../base/monitoring',
    'mkdir -p ../base && git archive origin/main monitoring | tar -x -C ../base && monspec diff ../base/monitoring --format json > diff.json',
    'mkdir -p ../base && git archive origin/main monitoring | tar -x -C ../base && monspec diff ../base/monitoring --previews previews > diff.md',
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
    const previewsDir = stringOpt(args, 'previews');
    const previewsUrl = stringOpt(args, 'previews-url');
    if (previewsUrl !== undefined && previewsDir === undefined) throw new UsageError('Unexpected --previews-url without --previews, expected --previews DIR too');
    let previews: DashboardPreviewChange[] | undefined;
    if (previewsDir !== undefined) {
      const made = await previewChanges(base.model, head.model);
      writePreviews(resolve(io.cwd, previewsDir), previewsDir, made.files);
      previews = made.changes;
    }
    if (format === 'json') io.out(JSON.stringify({ base: baseSpec.displayDir, head: headSpec.displayDir, environment: head.environment, changes, ...(previews ? { previews } : {}) }, null, 2));
    else {
      const markdown = diffToMarkdown(changes, `monspec diff: ${head.model.service.title} (${head.environment})`);
      io.out(previews ? `${markdown}\n${previewsMarkdown(previews, previewsUrl ?? previewsDir ?? '')}` : markdown);
    }
    return EXIT.ok;
  },
};
