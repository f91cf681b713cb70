import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate, LOKI_RULES_PATH, lokiRulesGenerator } from './index.js';
import { compile, ENVIRONMENTS } from './test-support/fixtures.js';

const EXPECTED_PATHS = [
  'alertmanager/alertmanager.yml',
  'grafana/provisioning/alerting/contact-points.yaml',
  'grafana/provisioning/alerting/policies.yaml',
  'grafana/provisioning/alerting/rules.yaml',
  'loki/rules/logs.rules.yml',
  'prometheus/rules/alerts.rules.yml',
  'prometheus/rules/recording.rules.yml',
  'prometheus/tests/alerts.test.yml',
];

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ alert?: string; record?: string; expr: string; labels?: Record<string, string>; annotations?: Record<string, string> }> }>;
}

describe.each(ENVIRONMENTS)('generate (%s, embedded tunnel spec)', (env) => {
  const model = compile(env);
  // The package's two generators: the alerting files and the Loki rules (its own output).
  const loki = lokiRulesGenerator.generate(model);
  const artifacts = [...generate(model), ...loki].sort((a, b) => (a.path < b.path ? -1 : 1));
  const file = (path: string) => artifacts.find((a) => a.path === path)?.content ?? '';

  it('writes every artifact, deterministically', () => {
    expect(artifacts.map((a) => a.path)).toEqual(EXPECTED_PATHS);
    expect([...generate(compile(env)), ...lokiRulesGenerator.generate(compile(env))].sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual(artifacts);
  });

  it('leaves the Loki rules to their own generator', () => {
    expect(loki.map((a) => a.path)).toEqual([LOKI_RULES_PATH]);
    expect(generate(model).map((a) => a.path)).not.toContain(LOKI_RULES_PATH);
  });

  it('gives every alert severity, summary, description, runbook_url and dashboard_url to its panel', () => {
    const rules = (parse(file('prometheus/rules/alerts.rules.yml')) as RuleFile).groups.flatMap((g) => g.rules);
    const loki = (parse(file('loki/rules/logs.rules.yml')) as RuleFile).groups.flatMap((g) => g.rules).filter((r) => r.alert);
    const promAlerts = model.alerts.filter((a) => a.datasource === 'prometheus');
    expect(rules).toHaveLength(promAlerts.length);
    for (const r of [...rules, ...loki]) {
      expect(r.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(['critical', 'warning', 'info']).toContain(r.labels?.['severity']);
      expect(Object.keys(r.annotations ?? {}).sort()).toEqual(['dashboard_url', 'description', 'runbook_url', 'summary']);
      expect(r.annotations?.['runbook_url']).toBe(`${model.service.runbookBaseUrl}/${r.alert}.html`);
      expect(r.annotations?.['dashboard_url']).toMatch(new RegExp(`^${model.service.grafana.url}/d/[a-z-]+/.*viewPanel=\\d+`));
      expect(r.annotations?.['summary']).not.toContain('{{');
    }
  });

  it('has the seed alerts, the implied ones and the multi-window multi-burn-rate SLO alerts', () => {
    const names = new Set(model.alerts.map((a) => a.name));
    for (const n of ['HighErrorRate', 'ConnectionPoolExhaustion', 'CircuitBreakerOpen', 'RateLimitViolationsSpike', 'HighLatencyP95', 'HighMemoryUsage', 'QueueDroppingRequests', 'StreamingProxyTargetDown', 'StreamingProxyMetricsAbsent', 'RequestSuccessBudgetBurn']) {
      expect(names).toContain(n);
    }
    const rules = (parse(file('prometheus/rules/alerts.rules.yml')) as RuleFile).groups.flatMap((g) => g.rules);
    const burn = rules.filter((r) => r.alert === 'RequestSuccessBudgetBurn');
    // One rule per burn-rate branch, each with its own `for` (what the docs print is what is deployed).
    const branches = burn.map((r) => [r.labels?.['severity'], r.labels?.['long_window'], r.labels?.['short_window'], (r as { for?: string }).for, r.expr.replace(/\s+/g, ' ')]);
    expect(branches).toEqual([
      ['critical', '1h', '5m', '2m', 'slo:request_success_error:ratio_rate1h > 0.144 and slo:request_success_error:ratio_rate5m > 0.144'],
      ['critical', '6h', '30m', '15m', 'slo:request_success_error:ratio_rate6h > 0.06 and slo:request_success_error:ratio_rate30m > 0.06'],
      ['warning', '1d', '2h', '1h', 'slo:request_success_error:ratio_rate1d > 0.03 and slo:request_success_error:ratio_rate2h > 0.03'],
      ['warning', '3d', '6h', '3h', 'slo:request_success_error:ratio_rate3d > 0.01 and slo:request_success_error:ratio_rate6h > 0.01'],
    ]);
    for (const a of model.alerts.filter((x) => x.slo)) {
      expect(a.slo?.windows).toHaveLength(1);
      expect(a.for).toBe(a.slo?.windows[0]?.for);
    }
    const recorded = (parse(file('prometheus/rules/recording.rules.yml')) as RuleFile).groups.flatMap((g) => g.rules.map((r) => r.record));
    for (const w of ['5m', '30m', '1h', '2h', '6h', '1d', '3d']) expect(recorded).toContain(`slo:request_success_error:ratio_rate${w}`);
    for (const r of recorded) expect(r).toMatch(/^[a-zA-Z_]+:[a-zA-Z0-9_]+:[a-zA-Z0-9_]+$/);
  });

  it('never writes a secret value: Grafana reads ${ENV}, Alertmanager reads mounted files', () => {
    const cps = file('grafana/provisioning/alerting/contact-points.yaml');
    const am = file('alertmanager/alertmanager.yml');
    for (const cp of model.notifications.contactPoints.filter((c) => c.secretEnv)) {
      expect(cps).toContain(`\${${cp.secretEnv}}`);
      expect(am).toContain(`/etc/alertmanager/secrets/${cp.secretEnv}`);
    }
    expect(am).not.toMatch(/hooks\.slack\.com|api_url:|routing_key:/);
  });

  it('sends email through the spec\'s SMTP relay (no default relay), in Alertmanager and Grafana alike', () => {
    const smtp = model.notifications.smtp;
    expect(smtp).toBeDefined();
    const global = (parse(file('alertmanager/alertmanager.yml')) as { global: Record<string, unknown> }).global;
    expect(global).toMatchObject({ smtp_smarthost: smtp?.smarthost, smtp_from: smtp?.from, smtp_require_tls: smtp?.requireTls });
    if (smtp?.passwordEnv) expect(global['smtp_auth_password_file']).toBe(`/etc/alertmanager/secrets/${smtp.passwordEnv}`);
    expect(artifacts.find((a) => a.path === 'grafana/provisioning/alerting/contact-points.yaml')?.title).toContain(`[smtp]: enabled = true; host = ${smtp?.smarthost}`);
  });

  it('writes the Prometheus and Loki rule files with the fields of RuleFile only (the format both rulers read)', () => {
    const groupKeys = new Set(['name', 'interval', 'rules']);
    const ruleKeys = new Set(['record', 'alert', 'expr', 'for', 'labels', 'annotations']);
    for (const path of ['prometheus/rules/recording.rules.yml', 'prometheus/rules/alerts.rules.yml', LOKI_RULES_PATH]) {
      const doc = parse(file(path)) as Record<string, unknown>;
      expect(Object.keys(doc), path).toEqual(['groups']);
      for (const g of doc['groups'] as Array<Record<string, unknown>>) {
        expect(Object.keys(g).filter((k) => !groupKeys.has(k)), path).toEqual([]);
        for (const r of g['rules'] as Array<Record<string, unknown>>) {
          expect(Object.keys(r).filter((k) => !ruleKeys.has(k)), path).toEqual([]);
          expect(typeof r['record'] === 'string' || typeof r['alert'] === 'string', path).toBe(true);
        }
      }
    }
  });

  it('marks which engine deploys what', () => {
    const engine = model.service.alerting.engine;
    const deploys = (path: string) => artifacts.find((a) => a.path === path)?.deploy?.startsWith('Deploy: yes') === true;
    expect(deploys('prometheus/rules/recording.rules.yml')).toBe(true);
    expect(deploys('prometheus/rules/alerts.rules.yml')).toBe(engine !== 'grafana');
    expect(deploys('alertmanager/alertmanager.yml')).toBe(engine !== 'grafana');
    expect(deploys('grafana/provisioning/alerting/rules.yaml')).toBe(engine !== 'prometheus');
  });
});
