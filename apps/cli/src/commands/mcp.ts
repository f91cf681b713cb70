import { boolOpt, stringOpt, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ENV_OPTION, SPEC_OPTION } from '../options.js';
import type { Io, Parsed } from '../command.js';
import { locateSpec, type LoadedSpec } from '../spec-source.js';

/** --spec DIR, or with --workspace FILE the folder of the workspace's service named by --service. */
async function specToServe(args: Parsed, io: Io): Promise<LoadedSpec> {
  const workspace = stringOpt(args, 'workspace');
  const service = stringOpt(args, 'service');
  if (workspace === undefined) {
    if (service !== undefined) throw new UsageError('Unexpected --service without --workspace, expected --workspace FILE --service NAME (or --spec DIR)');
    return locateSpec(stringOpt(args, 'spec'), io);
  }
  if (stringOpt(args, 'spec') !== undefined) throw new UsageError('Unexpected --spec together with --workspace, expected one of them');
  const { workspaceServices } = await import('../fleet/workspace-services.js');
  const services = workspaceServices(workspace, io.cwd);
  const found = services.find((s) => s.name === service);
  if (!found) {
    const names = services.map((s) => s.name);
    throw new UsageError(`${service === undefined ? 'Unexpected --workspace without --service' : `Unexpected service "${service}"`}, expected --service with one of: ${names.join(', ')}`);
  }
  return found.spec;
}

export const mcpCommand: Command = {
  name: 'mcp',
  summary:
    'Serve the spec to AI agents over the Model Context Protocol (stdio): resources (spec files, model summary, artifacts, runbooks), read-only tools (validate, explain, preview_change, run_tests, check_endpoint, deeplink, error_patterns; query and alert_status with --prometheus/--alertmanager) and, with --allow-write, apply_change.',
  usage: 'monspec mcp [--spec DIR | --workspace FILE --service NAME] [--env NAME] [--prometheus URL] [--alertmanager URL] [--allow-write]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    prometheus: { type: 'string', help: 'Prometheus base URL (http://host:9090): adds the query tool and alert_status.' },
    alertmanager: { type: 'string', help: 'Alertmanager base URL (http://host:9093): adds alert_status.' },
    'allow-write': { type: 'boolean', help: 'Let apply_change write spec files (after the change validates); without it the server never writes.' },
    workspace: { type: 'string', help: 'A monspec.workspace.yaml: serve the spec of one of its services (--service NAME) instead of --spec DIR.' },
    service: { type: 'string', help: 'With --workspace: the service (its service.name) whose spec is served.' },
  },
  examples: [
    `printf '%s\\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}}' | monspec mcp --spec monitoring`,
    `printf '%s\\n' '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"validate","arguments":{}}}' | monspec mcp --spec monitoring --allow-write`,
  ],
  async run(args, io) {
    const { baseUrl } = await import('../http/base-url.js');
    const prometheus = stringOpt(args, 'prometheus');
    const alertmanager = stringOpt(args, 'alertmanager');
    const options = {
      spec: await specToServe(args, io),
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
