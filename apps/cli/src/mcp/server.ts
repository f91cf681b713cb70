/**
 * `monspec mcp`: an MCP server over stdio (stdout is the protocol channel; every log line goes to
 * stderr). Loaded only by the mcp command, so no other command pays for the SDK.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { TOOL_VERSION } from '../version.js';
import { registerPrompts } from './prompts.js';
import { registerTool } from './register.js';
import { registerResources } from './resources.js';
import { Session, type McpOptions } from './session.js';
import { useMonspecMessages } from './tool-error.js';
import { alertStatusTool } from './tools/alert-status.js';
import { applyChangeTool } from './tools/apply-change.js';
import { checkEndpointTool } from './tools/check-endpoint.js';
import { deeplinkTool } from './tools/deeplink.js';
import { errorPatternsTool } from './tools/error-patterns.js';
import { explainTool } from './tools/explain.js';
import { previewChangeTool } from './tools/preview-change.js';
import { queryTool } from './tools/query.js';
import { runTestsTool } from './tools/run-tests.js';
import { validateTool } from './tools/validate.js';

const INSTRUCTIONS = [
  'monspec is monitoring-as-code: one YAML spec generates the Grafana dashboards, Prometheus rules, Alertmanager routing and runbooks.',
  'Change monitoring by changing the spec, never the generated JSON: preview_change shows the validation and the semantic diff, apply_change writes it (with --allow-write).',
  'Start with the resource monspec://summary; explain NAME for any metric, alert, threshold, SLO or panel.',
].join(' ');

function createServer(options: McpOptions): McpServer {
  useMonspecMessages();
  const session = new Session(options);
  const server = new McpServer({ name: 'monspec', version: TOOL_VERSION }, { instructions: INSTRUCTIONS });
  registerResources(server, session);
  registerTool(server, 'validate', validateTool(session), options.debug);
  registerTool(server, 'explain', explainTool(session), options.debug);
  registerTool(server, 'preview_change', previewChangeTool(session), options.debug);
  registerTool(server, 'apply_change', applyChangeTool(session), options.debug);
  registerTool(server, 'run_tests', runTestsTool(session), options.debug);
  registerTool(server, 'check_endpoint', checkEndpointTool(session), options.debug);
  registerTool(server, 'deeplink', deeplinkTool(session), options.debug);
  registerTool(server, 'error_patterns', errorPatternsTool(session), options.debug);
  if (options.prometheus !== undefined) registerTool(server, 'query', queryTool(session, options.prometheus), options.debug);
  if (options.prometheus !== undefined || options.alertmanager !== undefined) registerTool(server, 'alert_status', alertStatusTool(session, options.prometheus, options.alertmanager), options.debug);
  registerPrompts(server, session);
  return server;
}

/**
 * Serves until the client closes stdin (or the process is signalled). The server is not closed on
 * end of input: requests still running answer first, then the process exits with nothing left to do.
 */
export async function serveStdio(options: McpOptions): Promise<void> {
  const server = createServer(options);
  const transport = new StdioServerTransport();
  const ended = new Promise<void>((done) => {
    process.stdin.once('end', done);
    process.stdin.once('close', done);
  });
  await server.connect(transport);
  await ended;
}
