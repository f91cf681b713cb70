import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp, textOf, type McpSession } from './test-support/mcp-client.js';
import { runCli } from './test-support/run-cli.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const WORKSPACE = 'examples/fleet/monspec.workspace.yaml';

describe('monspec mcp --workspace FILE --service NAME', () => {
  let mcp: McpSession;
  beforeAll(async () => {
    mcp = await connectMcp(['--workspace', WORKSPACE, '--service', 'checkout'], REPO);
  }, 60_000);
  afterAll(async () => {
    await mcp?.close();
  });

  it("serves that service's spec, composed with its library", async () => {
    expect(mcp.stderr()).toContain('serving examples/fleet/services/checkout over stdio (read-only)');
    const explained = textOf(await mcp.call('explain', { name: 'HttpHighErrorRatio' }));
    expect(explained).toContain('job:checkout_http_errors:ratio_rate5m');
  }, 60_000);

  it('refuses a missing or unknown service, naming the workspace services', () => {
    const r = runCli(['mcp', '--workspace', WORKSPACE, '--service', 'chekout'], REPO);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unexpected service "chekout", expected --service with one of: checkout, payments, streaming-proxy');
    expect(runCli(['mcp', '--workspace', WORKSPACE], REPO).stderr).toContain('Unexpected --workspace without --service');
  });
});
