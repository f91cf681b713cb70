import { boolOpt, stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ENV_OPTION, SPEC_OPTION } from '../options.js';
import { locateSpec } from '../spec-source.js';

export const mcpCommand: Command = {
  name: 'mcp',
  summary:
    'Serve the spec to AI agents over the Model Context Protocol (stdio): resources (spec files, model summary, artifacts, runbooks), read-only tools (validate, explain, preview_change, run_tests, check_endpoint, deeplink, error_patterns; query and alert_status with --prometheus/--alertmanager) and, with --allow-write, apply_change.',
  usage: 'monspec mcp [--spec DIR] [--env NAME] [--prometheus URL] [--alertmanager URL] [--allow-write]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    prometheus: { type: 'string', help: 'Prometheus base URL (http://host:9090): adds the query tool and alert_status.' },
    alertmanager: { type: 'string', help: 'Alertmanager base URL (http://host:9093): adds alert_status.' },
    'allow-write': { type: 'boolean', help: 'Let apply_change write spec files (after the change validates); without it the server never writes.' },
    workspace: { type: 'string', help: 'Not supported yet (a fleet of specs is a later feature): use --spec DIR.' },
  },
  examples: [
    `printf '%s\\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}}' | monspec mcp --spec monitoring`,
    `printf '%s\\n' '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"validate","arguments":{}}}' | monspec mcp --spec monitoring --allow-write`,
  ],
  async run(args, io) {
    if (stringOpt(args, 'workspace') !== undefined) throw new UsageError('Unexpected --workspace, expected --spec DIR (workspaces of several specs are not supported yet)');
    const { baseUrl } = await import('../http/base-url.js');
    const prometheus = stringOpt(args, 'prometheus');
    const alertmanager = stringOpt(args, 'alertmanager');
    const options = {
      spec: locateSpec(stringOpt(args, 'spec'), io),
      environment: stringOpt(args, 'env'),
      prometheus: prometheus === undefined ? undefined : baseUrl('--prometheus', prometheus),
      alertmanager: alertmanager === undefined ? undefined : baseUrl('--alertmanager', alertmanager),
      allowWrite: boolOpt(args, 'allow-write'),
      debug: boolOpt(args, 'debug'),
    };
    io.err(`monspec mcp: serving ${options.spec.displayDir} over stdio${options.allowWrite ? ' (apply_change may write spec files)' : ' (read-only)'}`);
    const { serveStdio } = await import('../mcp/server.js');
    await serveStdio(options);
    return EXIT.ok;
  },
};
