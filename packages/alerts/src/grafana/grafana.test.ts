import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../index.js';
import { compile } from '../test-support/fixtures.js';

interface GrafanaRules {
  apiVersion: number;
  groups: Array<{ folder: string; interval: string; rules: Array<Record<string, unknown> & { uid: string; title: string; data: Array<{ refId: string; datasourceUid: string; model: Record<string, unknown> }>; annotations: Record<string, string> }> }>;
}

describe('Grafana provisioning', () => {
  const model = compile('production');
  const files = new Map(generate(model).map((a) => [a.path, parse(a.content) as unknown]));

  it('provisions one rule per alert: A query, B reduce, C threshold or math, states and for', () => {
    const doc = files.get('grafana/provisioning/alerting/rules.yaml') as GrafanaRules;
    expect(doc.apiVersion).toBe(1);
    const group = doc.groups[0];
    expect(group?.folder).toBe(model.service.grafana.folder);
    const rules = group?.rules ?? [];
    expect(rules).toHaveLength(model.alerts.length);
    expect(new Set(rules.map((r) => r.uid)).size).toBe(rules.length);
    expect(new Set(rules.map((r) => r.title)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.uid.length).toBeLessThanOrEqual(40);
      expect(r['condition']).toBe('C');
      expect(r.data.map((d) => d.refId)).toEqual(['A', 'B', 'C']);
      expect(r.data[1]?.model['type']).toBe('reduce');
      expect(['threshold', 'math']).toContain(r.data[2]?.model['type']);
      expect(r.data.slice(1).every((d) => d.datasourceUid === '__expr__')).toBe(true);
      expect(r['noDataState']).toBeDefined();
      expect(r['execErrState']).toBeDefined();
      expect(r['for']).toMatch(/^\d+[smhd]$/);
      expect(r.annotations['description']).not.toMatch(/\$value\b/);
    }
    const pool = rules.find((r) => r.title === 'ConnectionPoolExhaustion');
    expect(pool?.data[2]?.model['conditions']).toEqual([{ evaluator: { type: 'gt', params: [0.9] } }]);
  });

  it('routes critical to PagerDuty and Slack, warning to Slack and email', () => {
    const doc = files.get('grafana/provisioning/alerting/policies.yaml') as { policies: Array<{ routes: Array<{ routes: Array<{ receiver: string; object_matchers: string[][] }> }> }> };
    const routes = doc.policies[0]?.routes[0]?.routes ?? [];
    const to = (sev: string) => routes.filter((r) => r.object_matchers.some((m) => m[0] === 'severity' && m[2] === sev)).map((r) => r.receiver);
    expect(to('critical')).toEqual(['oncall-pagerduty', 'team-slack']);
    expect(to('warning')).toEqual(['team-slack', 'team-email']);
  });

  it('declares email, Slack and PagerDuty contact points with secrets from the environment', () => {
    const doc = files.get('grafana/provisioning/alerting/contact-points.yaml') as { contactPoints: Array<{ name: string; receivers: Array<{ type: string; settings: Record<string, string> }> }> };
    const byType = new Map(doc.contactPoints.map((c) => [c.receivers[0]?.type, c.receivers[0]?.settings]));
    expect(byType.get('pagerduty')?.['integrationKey']).toBe('${PAGERDUTY_ROUTING_KEY}');
    expect(byType.get('slack')?.['url']).toBe('${SLACK_WEBHOOK_URL}');
    expect(byType.get('email')?.['addresses']).toBe('tunnel-platform@cloudtolocalllm.online');
  });
});
