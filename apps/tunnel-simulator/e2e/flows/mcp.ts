/**
 * `monspec mcp` against the live stack (issue #19): while error-spike fires HighErrorRate, an MCP
 * client (the SDK's own, over stdio, on the compiled CLI) asks `alert_status` which spec alerts are
 * firing, from this Prometheus and this Alertmanager, with their runbook and dashboard links, and
 * `query`s the recording rule the alert reads, annotated with the spec's unit; the triage prompt
 * carries the same live state.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { alertDashboardUrl, indexModel, runbookLink } from '@monspec/metrics-spec';
import { expect } from 'vitest';
import { CLI, type Stack } from '../support/stack.js';

type Json = Record<string, unknown>;

export async function proveMcpWhileFiring(stack: Stack): Promise<void> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', '--spec', join(stack.dir, 'spec'), '--env', 'e2e', '--prometheus', stack.prometheusUrl, '--alertmanager', stack.alertmanagerUrl],
    stderr: 'pipe',
  });
  const client = new Client({ name: 'monspec-e2e', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, args: Json) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  try {
    const status = await call('alert_status', {});
    expect(status.isError, JSON.stringify(status.content)).toBeFalsy();
    const alerts = (status.structuredContent as { alerts: Array<Json & { name: string; source: string; state: string }> }).alerts;
    const rule = indexModel(stack.model).alerts('HighErrorRate')[0];
    if (!rule) throw new Error('the e2e spec has no HighErrorRate');
    const links = { inSpec: true, summary: rule.summary, runbook: runbookLink(stack.model, 'HighErrorRate'), dashboard: alertDashboardUrl(stack.model, rule) };
    // Firing in Prometheus, and active (delivered, not inhibited) in Alertmanager, each with the spec's links.
    expect(alerts.filter((a) => a.name === 'HighErrorRate' && a.source === 'prometheus')).toEqual([expect.objectContaining({ state: 'firing', severity: rule.severity, ...links })]);
    expect(alerts.filter((a) => a.name === 'HighErrorRate' && a.source === 'alertmanager')).toEqual([expect.objectContaining({ state: 'active', ...links, receivers: expect.any(Array) })]);
    // Nothing else than what the scenario fires.
    expect([...new Set(alerts.map((a) => a.name))].sort()).toEqual(['HighErrorRate', 'RequestSuccessBudgetBurn']);

    const query = await call('query', { promql: 'job:tunnel_request_errors:ratio_rate5m' });
    expect(query.isError, JSON.stringify(query.content)).toBeFalsy();
    const q = query.structuredContent as { unit?: string; reads: Json[]; series: Array<{ value: string; display?: string; labels: Json }> };
    expect(q.unit).toBe('ratio');
    expect(q.reads).toEqual([expect.objectContaining({ name: 'job:tunnel_request_errors:ratio_rate5m', kind: 'recording rule', unit: 'ratio' })]);
    expect(q.series).toHaveLength(1);
    const ratio = Number(q.series[0]?.value);
    expect(ratio, 'the error-spike ratio ≈ 10 %').toBeGreaterThan(0.05);
    expect(q.series[0]?.display).toMatch(/^\d+(\.\d+)? %$/);

    // A PromQL mistake is a tool error with Prometheus's own message; the server keeps serving.
    const bad = await call('query', { promql: 'sum(rate(tunnel_requests_total[5m])' });
    expect(bad.isError).toBe(true);
    expect(bad.content.map((c) => (c.type === 'text' ? c.text : '')).join('')).toMatch(/^Unexpected HTTP 400 from Prometheus .*\/api\/v1\/query: bad_data: .*, expected status success$/);
    expect(((await call('alert_status', { name: 'HighErrorRate' })).structuredContent as { alerts: unknown[] }).alerts).toHaveLength(2);

    // The triage prompt carries the live state and signal next to the runbook.
    const triage = await client.getPrompt({ name: 'triage_alert', arguments: { alert: 'HighErrorRate' } });
    const text = (triage.messages[0]?.content as { text: string }).text;
    expect(text).toMatch(/State now: firing since \S+ \(alertname=HighErrorRate/);
    expect(text).toMatch(/Signal now \(job:tunnel_request_errors:ratio_rate5m\): \{[^}]*"job":"streaming-proxy"[^}]*\} = 0\.\d+/);
    expect(text).toContain('# HighErrorRate');
    // A Loki alert's LogQL is not sent to Prometheus: its state only.
    const logs = await client.getPrompt({ name: 'triage_alert', arguments: { alert: 'ErrorLogSpike' } });
    const logText = (logs.messages[0]?.content as { text: string }).text;
    expect(logText).toContain('State now: not pending or firing in Prometheus.');
    expect(logText).toContain('Signal now: a Loki (LogQL) alert; use error_patterns for its log queries.');
  } finally {
    await client.close();
  }
}
