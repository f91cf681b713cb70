import { helpText, parseCommandArgs, type Command, type Io } from './command.js';
import { EXIT, UsageError, type ExitCode } from './errors.js';
import { createStyle } from './output/style.js';
import { TOOL_VERSION } from './version.js';

/** Commands are imported when used, so `monspec validate` never loads the generators. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  build: { summary: 'Generate all artifacts (atomic; --check for drift; --watch).', load: async () => (await import('./commands/build.js')).buildCommand },
  validate: { summary: 'Schema, semantic checks and dashboard lint with file:line diagnostics (--all-envs).', load: async () => (await import('./commands/validate.js')).validateCommand },
  test: { summary: 'Build in memory (or check --out is current) and run promtool, amtool and the docs checks.', load: async () => (await import('./commands/test.js')).testCommand },
  diff: { summary: 'Semantic diff of two specs, as Markdown for a PR comment.', load: async () => (await import('./commands/diff.js')).diffCommand },
  preview: { summary: 'Render every dashboard to SVG and PNG, with sample data or a Prometheus\'s data.', load: async () => (await import('./commands/preview.js')).previewCommand },
  'check-endpoint': { summary: 'Check a Prometheus exposition (URL or file) against the spec.', load: async () => (await import('./commands/check-endpoint.js')).checkEndpointCommand },
  explain: { summary: 'Explain a metric, alert, threshold, SLO or panel: meaning, thresholds, queries, runbook, links.', load: async () => (await import('./commands/explain.js')).explainCommand },
  init: { summary: 'Write a starter spec for a new service.', load: async () => (await import('./commands/init.js')).initCommand },
  mcp: { summary: 'Serve the spec to AI agents over MCP (stdio): explain, validate, preview and apply changes, live alerts.', load: async () => (await import('./commands/mcp.js')).mcpCommand },
  rules: { summary: 'List every check and dashboard lint rule (id, severity, what it checks).', load: async () => (await import('./commands/rules.js')).rulesCommand },
  plan: { summary: 'Compare the spec\'s dashboards, Grafana alerting, rule files and Alertmanager config with the live ones and print what apply would change.', load: async () => (await import('./commands/plan.js')).planCommand },
  apply: { summary: 'Write the plan (Grafana dashboards and alerting, rule files, Alertmanager config) in dependency order, re-plan, print deeplinks.', load: async () => (await import('./commands/apply.js')).applyCommand },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    `monspec ${TOOL_VERSION}: monitoring-as-code. One spec → Grafana dashboards, alert rules, promtool tests, routing and docs.`,
    '',
    'Usage: monspec <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Commands read the spec in --spec DIR, else ./monitoring/ (start one with `monspec init monitoring --service NAME`).',
    'Run `monspec <command> --help` for a command\'s options and examples.',
    'Exit codes: 0 ok, 1 findings (invalid spec, stale artifacts, failed tests), 2 usage or environment error.',
  ].join('\n');
}

export function defaultIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    style: createStyle(process.stdout),
    errStyle: createStyle(process.stderr),
  };
}

export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<ExitCode> {
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(TOOL_VERSION);
    return EXIT.ok;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    // Loaded only on this error path: `monspec --version` stays cheap.
    const { closestMatch: closest } = await import('@monspec/metrics-spec');
    const guess = closest(name, Object.keys(COMMANDS));
    io.err(`monspec: Unexpected command "${name}", expected one of: ${Object.keys(COMMANDS).join(', ')}${guess ? `; did you mean \`monspec ${[guess, ...rest].join(' ')}\`?` : ''}`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    const args = await parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(helpText(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`monspec ${name}: ${err.message}`);
      return EXIT.usage;
    }
    io.err(`monspec ${name}: internal error: ${(err as Error).message ?? String(err)}${debug ? '' : ' (run with --debug for the stack trace)'}`);
    if (debug && err instanceof Error && err.stack) io.err(err.stack);
    return EXIT.usage;
  }
}
