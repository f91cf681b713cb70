/**
 * `monspec mcp` (issue #19) through the MCP SDK's real client over stdio, against the compiled CLI:
 * what it lists, every tool with good and bad input (a bad input is a tool error naming the problem,
 * and the server keeps serving), and apply_change's refusals. The "Done when" scenario is one test.
 */
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMcp, textOf, type McpSession } from './test-support/mcp-client.js';
import { copyEmbeddedSpec, runCli, tempDir } from './test-support/run-cli.js';

const haveTools = existsSync('/usr/bin/promtool') && existsSync('/usr/bin/amtool');
const withTools = process.env.CI === 'true' || haveTools ? it : it.skip;

type Json = Record<string, unknown>;
const structured = (r: { structuredContent?: unknown }) => r.structuredContent as Json;

describe('monspec mcp: a read-only server over a copy of the tunnel spec', () => {
  let spec = '';
  let mcp: McpSession;
  beforeAll(async () => {
    spec = copyEmbeddedSpec();
    mcp = await connectMcp(['--spec', spec], tempDir());
  });
  afterAll(async () => {
    // Nothing but protocol on stdout, nothing but the one start line (no stack trace) on stderr.
    expect(mcp.protocolErrors).toEqual([]);
    expect(mcp.stderr()).toMatch(/^monspec mcp: serving .* over stdio \(read-only\)\n$/);
    await mcp.close();
  });

  it('lists its tools with schemas and annotations, its resources and its prompts', async () => {
    const { tools } = await mcp.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(['apply_change', 'check_endpoint', 'deeplink', 'error_patterns', 'explain', 'preview_change', 'run_tests', 'validate']);
    for (const t of tools) {
      expect(t.inputSchema.type, t.name).toBe('object');
      expect(t.outputSchema?.type, t.name).toBe('object');
      expect(t.description, t.name).toBeTruthy();
      expect(t.annotations?.readOnlyHint, t.name).toBe(t.name !== 'apply_change');
      expect(t.annotations?.destructiveHint, t.name).toBe(t.name === 'apply_change');
    }
    expect(byName.get('explain')?.inputSchema.required).toEqual(['name']);

    const { resources } = await mcp.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('monspec://summary');
    expect(uris).toContain('monspec://spec/thresholds.yaml');
    expect(uris).toContain('monspec://artifacts/prometheus/rules/alerts.rules.yml');
    expect(uris).toContain('monspec://artifacts/docs/runbooks/HighErrorRate.md');
    expect(uris).toContain('monspec://runbooks/HighErrorRate');
    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual(['monspec://artifacts/{+path}', 'monspec://runbooks/{alert}', 'monspec://spec/{file}']);

    const { prompts } = await mcp.client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['add_alert', 'triage_alert']);
  });

  it('reads the summary, a spec file, an artifact and a runbook; an unknown one is an error and the server keeps serving', async () => {
    const summary = JSON.parse(((await mcp.client.readResource({ uri: 'monspec://summary' })).contents[0] as { text: string }).text) as Json;
    const alerts = summary.alerts as Array<{ name: string; threshold?: string; panel: string }>;
    expect(alerts.find((a) => a.name === 'HighErrorRate')).toMatchObject({ threshold: 'error_rate.critical = 5 %', panel: 'tunnel-health/error_rate' });
    expect((summary.metrics as Array<{ name: string; unit: string }>).find((m) => m.name === 'tunnel_active_connections')?.unit).toBeTruthy();
    // Compact: names and facts, far smaller than the generated dashboards.
    expect(JSON.stringify(summary).length).toBeLessThan(60_000);

    const file = (await mcp.client.readResource({ uri: 'monspec://spec/thresholds.yaml' })).contents[0] as { text: string };
    expect(file.text).toBe(readFileSync(join(spec, 'thresholds.yaml'), 'utf8'));
    const rules = (await mcp.client.readResource({ uri: 'monspec://artifacts/prometheus/rules/alerts.rules.yml' })).contents[0] as { text: string };
    expect(rules.text).toContain('alert: HighErrorRate');
    const runbook = (await mcp.client.readResource({ uri: 'monspec://runbooks/HighErrorRate' })).contents[0] as { text: string };
    expect(runbook.text).toContain('# HighErrorRate');

    await expect(mcp.client.readResource({ uri: 'monspec://spec/nothing.yaml' })).rejects.toThrow(/Unexpected spec file "nothing.yaml", expected one of: .*thresholds.yaml/);
    await expect(mcp.client.readResource({ uri: 'monspec://runbooks/HighErorRate' })).rejects.toThrow(/Unexpected alert "HighErorRate"/);
    expect((await mcp.client.listPrompts()).prompts.length).toBe(2);
  });

  it('validate: diagnostics as validate --format json; an unknown environment is a tool error', async () => {
    const good = await mcp.call('validate', {});
    expect(good.isError).toBeFalsy();
    expect(structured(good)).toMatchObject({ valid: true, environment: 'production' });
    const staging = await mcp.call('validate', { environment: 'staging' });
    expect(structured(staging)).toMatchObject({ valid: true, environment: 'staging' });
    const bad = await mcp.call('validate', { environment: 'stagin' });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/^Unexpected environment "stagin", expected one of: production, staging; did you mean "staging"\?/);
    const typo = await mcp.call('validate', { environment: 3 });
    expect(typo.isError).toBe(true);
    expect(textOf(typo)).toContain('Unexpected number 3, expected string at environment');
  });

  it('explain: metric, alert, threshold, SLO and panel; an unknown name gets a did-you-mean', async () => {
    expect(structured(await mcp.call('explain', { name: 'tunnel_active_connections' }))).toMatchObject({ kind: 'metric' });
    const alert = structured(await mcp.call('explain', { name: 'HighErrorRate' }));
    expect(alert.kind).toBe('alert');
    expect(alert.condition).toEqual([expect.stringContaining('threshold error_rate.critical = 5 %')]);
    expect(alert.runbook).toMatch(/HighErrorRate\.html$/);
    expect(structured(await mcp.call('explain', { name: 'error_rate' }))).toMatchObject({ kind: 'threshold' });
    const slo = structured(await mcp.call('explain', { name: 'request_success' }));
    expect(slo.kind).toBe('slo');
    expect(slo.objective).toMatch(/over/);
    const panel = structured(await mcp.call('explain', { name: 'tunnel-health/error_rate' }));
    expect(panel).toMatchObject({ kind: 'panel', title: 'Tunnel Health › Error Rate' });
    expect(panel.alerts_linking_here).toContain('HighErrorRate');

    const bad = await mcp.call('explain', { name: 'HighErorRate' });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/^Unexpected name "HighErorRate", expected a metric, .*did you mean "HighErrorRate"\?/);
    const missing = await mcp.call('explain', {});
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('Unexpected missing value, expected string at name');
  });

  it('deeplink: dashboard, panel and Explore for a time range; unknown uids and keys are named', async () => {
    const panel = structured(await mcp.call('deeplink', { kind: 'panel', panel: 'tunnel-health/error_rate', from: 'now-3h', to: 'now' }));
    expect(panel.url).toMatch(/\/d\/tunnel-health\/tunnel-health\?orgId=1&from=now-3h&to=now&.*viewPanel=\d+$/);
    const dash = structured(await mcp.call('deeplink', { kind: 'dashboard', dashboard: 'tunnel-errors', from: '1700000000000', to: '1700003600000' }));
    expect(dash.url).toContain('/d/tunnel-errors/');
    expect(dash.url).toContain('from=1700000000000');
    const explore = structured(await mcp.call('deeplink', { kind: 'explore', query: 'job:tunnel_request_errors:ratio_rate5m' }));
    expect(decodeURIComponent(explore.url as string)).toContain('"expr":"job:tunnel_request_errors:ratio_rate5m"');

    const badDash = await mcp.call('deeplink', { kind: 'dashboard', dashboard: 'tunnel-helth' });
    expect(textOf(badDash)).toMatch(/^Unexpected dashboard "tunnel-helth", expected one of: .*did you mean "tunnel-health"\?/);
    const badPanel = await mcp.call('deeplink', { kind: 'panel', dashboard: 'tunnel-health', panel: 'eror_rate' });
    expect(textOf(badPanel)).toMatch(/^Unexpected panel "eror_rate" in dashboard tunnel-health, expected one of: .*did you mean "error_rate"\?/);
    const badKind = await mcp.call('deeplink', { kind: 'graph' });
    expect(textOf(badKind)).toContain('Unexpected string "graph", expected one of "dashboard", "panel", "explore" at kind');
    const badTime = await mcp.call('deeplink', { kind: 'dashboard', dashboard: 'tunnel-health', from: 'yesterday' });
    expect(textOf(badTime)).toContain('Unexpected time "yesterday", expected a Grafana time');
    const noQuery = await mcp.call('deeplink', { kind: 'explore' });
    expect(textOf(noQuery)).toBe('Unexpected missing query, expected the PromQL or LogQL to open in Explore');
  });

  it('error_patterns: each pattern with the LogQL the Loki rules use and an Explore link; an unknown pattern is named', async () => {
    const all = structured(await mcp.call('error_patterns', {}));
    const patterns = all.patterns as Array<{ name: string; logql: string; explore: string }>;
    const reset = patterns.find((p) => p.name === 'upstream_connection_reset');
    expect(reset?.logql).toBe('{app="streaming-proxy"} |~ `ECONNRESET|EPIPE|socket hang up`');
    // The same query the Loki ruler counts (one implementation: patternLinesQuery).
    const lokiRules = readFileSync(join(import.meta.dirname, '../../../generated/production/loki/rules/logs.rules.yml'), 'utf8');
    expect(lokiRules).toContain(`count_over_time(${reset?.logql} [5m])`);
    expect(reset?.explore).toContain('/explore?');
    expect((all.sources as Array<{ errorLines: string }>)[0]?.errorLines).toBe('{app="streaming-proxy"} | json | level="error"');
    const one = structured(await mcp.call('error_patterns', { pattern: 'queue_full', from: 'now-24h' }));
    expect((one.patterns as unknown[]).length).toBe(1);
    const bad = await mcp.call('error_patterns', { pattern: 'queue_ful' });
    expect(textOf(bad)).toMatch(/^Unexpected pattern "queue_ful", expected one of: .*did you mean "queue_full"\?/);
  });

  it('check_endpoint: an exposition text is checked against the spec; a missing metric, a bad URL and an unreachable one are named', async () => {
    const partial = '# HELP tunnel_active_connections Open tunnels.\n# TYPE tunnel_active_connections gauge\ntunnel_active_connections{tier="free"} 3\n';
    const result = structured(await mcp.call('check_endpoint', { exposition: partial }));
    expect(result.conforming).toBe(false);
    expect((result.findings as Array<{ message: string }>).map((f) => f.message).join('\n')).toContain('tunnel_requests_total');
    const broken = structured(await mcp.call('check_endpoint', { exposition: 'tunnel_active_connections{tier="free" 3\n' }));
    expect((broken.findings as Array<{ message: string }>)[0]?.message).toMatch(/^exposition:1: Unexpected/);
    expect(textOf(await mcp.call('check_endpoint', {}))).toBe('Unexpected neither url nor exposition, expected exactly one of them');
    expect(textOf(await mcp.call('check_endpoint', { url: 'file:///etc/passwd' }))).toMatch(/^Unexpected url "file:\/\/\/etc\/passwd", expected http/);
    const refused = await mcp.call('check_endpoint', { url: 'http://127.0.0.1:9/metrics' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('http://127.0.0.1:9/metrics');
  });

  withTools('run_tests: promtool and amtool results per check; an unknown environment is named', async () => {
    const r = structured(await mcp.call('run_tests', {}));
    expect(r.passed).toBe(true);
    const checks = r.checks as Array<{ name: string; command: string; status: string }>;
    expect(checks.map((c) => c.command).join('\n')).toMatch(/promtool test rules/);
    expect(checks.map((c) => c.command).join('\n')).toMatch(/amtool/);
    expect(checks.every((c) => c.status === 'ok')).toBe(true);
    expect(textOf(await mcp.call('run_tests', { environment: 'qa' }))).toMatch(/^Unexpected environment "qa"/);
  });

  it('preview_change: validation with file:line and the semantic diff, nothing written; bad paths are refused', async () => {
    const before = readFileSync(join(spec, 'thresholds.yaml'), 'utf8');
    const invalid = await mcp.call('preview_change', { files: [{ path: 'thresholds.yaml', content: before.replace('critical: 5%', 'critical: 0.5%') }] });
    const p = structured(invalid);
    expect(p.valid).toBe(false);
    const errors = (p.diagnostics as Array<{ severity: string; file: string; line: number; message: string }>).filter((d) => d.severity === 'error');
    expect(errors[0]).toMatchObject({ file: expect.stringMatching(/thresholds\.yaml$/), line: expect.any(Number) });
    expect(errors[0]?.message).toMatch(/^Unexpected warning level 1 % above the critical level 0.5 %/);
    expect(p.changes).toBeUndefined();
    expect(readFileSync(join(spec, 'thresholds.yaml'), 'utf8')).toBe(before);

    for (const path of ['../thresholds.yaml', '/tmp/thresholds.yaml', 'sub/thresholds.yaml', 'thresholds.json', '.hidden.yaml']) {
      const r = await mcp.call('preview_change', { files: [{ path, content: 'x: 1\n' }] });
      expect(r.isError, path).toBe(true);
      expect(textOf(r), path).toMatch(/^Unexpected path ".*", expected the name of a .yaml or .yml file directly in the spec directory/);
    }
    const empty = await mcp.call('preview_change', { files: [] });
    expect(textOf(empty)).toContain('Unexpected array, expected at least 1 item(s) at files');
  });

  it('apply_change without --allow-write refuses and writes nothing', async () => {
    const before = readFileSync(join(spec, 'thresholds.yaml'), 'utf8');
    const r = await mcp.call('apply_change', { files: [{ path: 'thresholds.yaml', content: before.replace('critical: 5%', 'critical: 3%') }] });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/^Unexpected apply_change on a read-only server, expected `monspec mcp --allow-write`/);
    expect(readFileSync(join(spec, 'thresholds.yaml'), 'utf8')).toBe(before);
  });

  it('the prompts: triage an alert (runbook, links) and add an alert for a metric; unknown names are named', async () => {
    const triage = await mcp.client.getPrompt({ name: 'triage_alert', arguments: { alert: 'HighErrorRate' } });
    const text = (triage.messages[0]?.content as { text: string }).text;
    expect(text).toContain('# HighErrorRate');
    expect(text).toContain('viewPanel=');
    expect(text).toContain('no --prometheus given');
    const add = await mcp.client.getPrompt({ name: 'add_alert', arguments: { metric: 'tunnel_queue_dropped_total' } });
    expect((add.messages[0]?.content as { text: string }).text).toContain('preview_change');
    await expect(mcp.client.getPrompt({ name: 'triage_alert', arguments: { alert: 'Nope' } })).rejects.toThrow(/Unexpected name "Nope"/);
    await expect(mcp.client.getPrompt({ name: 'add_alert', arguments: { metric: 'tunnel_active_conections' } })).rejects.toThrow(/did you mean "tunnel_active_connections"/);
  });
});

describe('monspec mcp --allow-write', () => {
  it('Done when: explain why HighErrorRate fired, show its panel and runbook, preview a threshold change with its diff, apply it', async () => {
    const spec = copyEmbeddedSpec();
    const mcp = await connectMcp(['--spec', spec, '--allow-write'], tempDir());
    try {
      // Why it fired: the condition, the threshold, what it means.
      const why = structured(await mcp.call('explain', { name: 'HighErrorRate' }));
      expect(why.meaning).toBeTruthy();
      expect((why.condition as string[])[0]).toContain('job:tunnel_request_errors:ratio_rate5m > 0.05');
      expect((why.condition as string[])[0]).toContain('threshold error_rate.critical = 5 %');
      // The panel it links to, and the runbook.
      const panel = structured(await mcp.call('deeplink', { kind: 'panel', panel: 'tunnel-health/error_rate', from: 'now-6h', to: 'now' }));
      expect(panel.title).toBe('Tunnel Health › Error Rate');
      expect(why.dashboard).toBe(panel.url);
      const runbook = ((await mcp.client.readResource({ uri: 'monspec://runbooks/HighErrorRate' })).contents[0] as { text: string }).text;
      expect(runbook).toContain('## Diagnosis');

      // Propose 5 % → 3 %: valid, and the diff names what moves with it.
      const thresholds = readFileSync(join(spec, 'thresholds.yaml'), 'utf8');
      const change = { files: [{ path: 'thresholds.yaml', content: thresholds.replace('critical: 5%', 'critical: 3%') }] };
      const preview = structured(await mcp.call('preview_change', change));
      expect(preview.valid).toBe(true);
      expect(preview.changes).toContainEqual({ subject: 'threshold', name: 'error_rate', kind: 'changed', details: ['critical: 5 % → 3 %'] });
      expect(preview.changes).toContainEqual(expect.objectContaining({ subject: 'alert', name: 'HighErrorRate', kind: 'changed', details: expect.arrayContaining(['threshold: 5 % → 3 %']) }));
      expect(preview.markdown).toContain('- ✏️ changed `error_rate`: critical: 5 % → 3 %');
      expect(readFileSync(join(spec, 'thresholds.yaml'), 'utf8')).toBe(thresholds);

      // The same change, applied: the file changes, the spec still validates, explain sees 3 %.
      const applied = structured(await mcp.call('apply_change', change));
      expect(applied.written).toEqual(['thresholds.yaml']);
      expect(applied.markdown).toBe(preview.markdown);
      expect(readFileSync(join(spec, 'thresholds.yaml'), 'utf8')).toBe(change.files[0]?.content);
      expect(structured(await mcp.call('validate', {})).valid).toBe(true);
      expect((structured(await mcp.call('explain', { name: 'HighErrorRate' })).condition as string[])[0]).toContain('threshold error_rate.critical = 3 %');
      expect(runCli(['validate', '--all-envs', '--spec', spec], tempDir()).code).toBe(0);
    } finally {
      expect(mcp.protocolErrors).toEqual([]);
      await mcp.close();
    }
  });

  it('refuses an invalid change, a path outside the spec directory and a symbolic link, writing nothing', async () => {
    const spec = copyEmbeddedSpec();
    const outside = join(tempDir(), 'outside.yaml');
    writeFileSync(outside, 'keep: me\n');
    symlinkSync(outside, join(spec, 'linked.yaml'));
    // The link itself must be a valid spec file for the server to start reading the spec: make it one.
    writeFileSync(outside, '# an empty spec file\n');
    const mcp = await connectMcp(['--spec', spec, '--allow-write'], tempDir());
    try {
      const alerts = readFileSync(join(spec, 'alerts.yaml'), 'utf8');
      const invalid = await mcp.call('apply_change', { files: [{ path: 'alerts.yaml', content: alerts.replace('threshold: connection_pool_utilization.warning', 'threshold: connection_pool_utilisation.warning') }] });
      expect(invalid.isError).toBe(true);
      expect(textOf(invalid)).toMatch(/^Unexpected invalid change \(1 error\(s\)\), expected a change after which the spec validates; nothing was written:\n.*alerts\.yaml:\d+:\d+: Unexpected/);
      expect(readFileSync(join(spec, 'alerts.yaml'), 'utf8')).toBe(alerts);

      const escape = await mcp.call('apply_change', { files: [{ path: '../escape.yaml', content: 'x: 1\n' }] });
      expect(textOf(escape)).toMatch(/^Unexpected path "..\/escape.yaml"/);
      expect(existsSync(join(spec, '..', 'escape.yaml'))).toBe(false);

      const link = await mcp.call('apply_change', { files: [{ path: 'linked.yaml', content: '# replaced\n' }] });
      expect(textOf(link)).toBe('Unexpected symbolic link linked.yaml in the spec directory, expected a regular file (monspec never writes through a link)');
      expect(readFileSync(outside, 'utf8')).toBe('# an empty spec file\n');

      // Still serving.
      expect(structured(await mcp.call('validate', {})).valid).toBe(true);
    } finally {
      await mcp.close();
    }
  });
});

/** A loopback port nothing listens on (bound, then closed). */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

describe('monspec mcp: usage', () => {
  it('refuses a missing workspace file and a non-http --prometheus with exit 2', () => {
    const ws = runCli(['mcp', '--workspace', 'fleet.yaml', '--service', 'x'], tempDir());
    expect(ws.code).toBe(2);
    expect(ws.stderr).toContain('Unexpected workspace file fleet.yaml: it does not exist');
    const prom = runCli(['mcp', '--spec', copyEmbeddedSpec(), '--prometheus', 'ftp://x'], tempDir());
    expect(prom.code).toBe(2);
    expect(prom.stderr).toContain('Unexpected --prometheus ftp://x, expected an http or https URL');
  });

  it('with --prometheus, query and alert_status are listed; an unreachable Prometheus is a tool error naming it, and the server keeps serving', async () => {
    const port = await closedPort();
    const mcp = await connectMcp(['--spec', copyEmbeddedSpec(), '--prometheus', `http://127.0.0.1:${port}`], tempDir());
    try {
      const names = (await mcp.client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['query', 'alert_status']));
      const r = await mcp.call('query', { promql: 'up' });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toBe(`Unexpected failure fetching http://127.0.0.1:${port}/api/v1/query?query=up (ECONNREFUSED), expected the server to answer`);
      expect(textOf(await mcp.call('alert_status', {}))).toBe(`Unexpected failure fetching http://127.0.0.1:${port}/api/v1/alerts (ECONNREFUSED), expected the server to answer`);
      expect(textOf(await mcp.call('query', { promql: '' }))).toContain('Unexpected string "", expected at least 1 character(s) at promql');
      expect(structured(await mcp.call('validate', {})).valid).toBe(true);
    } finally {
      await mcp.close();
    }
  });
});
