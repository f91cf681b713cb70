import { describe, expect, it } from 'vitest';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { compileSpec } from './pipeline.js';
import type { SpecFile } from './load/parse-yaml.js';

const base = (): SpecFile[] => Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text }));

/** Compiles the base spec plus `extra` files and returns the diagnostics as `file:line:col rule message`. */
function findings(extra: Record<string, string>, replaceBase = false) {
  const files = [...(replaceBase ? [] : base()), ...Object.entries(extra).map(([path, text]) => ({ path, text }))];
  const result = compileSpec(files);
  return { result, lines: result.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.ruleId} ${d.message}`) };
}

describe('bad input gives located diagnostics (issue: bad input fixtures)', () => {
  it('YAML syntax error', () => {
    const { result, lines } = findings({ 'broken.yaml': 'metrics:\n  demo_x_total:\n    type: counter\n   unit: count\n' });
    expect(result.model).toBeUndefined();
    expect(lines.some((l) => l.startsWith('broken.yaml:4:') && l.includes('yaml-syntax'))).toBe(true);
  });

  it('schema violation: wrong type, unknown key, missing required', () => {
    const { lines } = findings({
      'bad.yaml': 'metrics:\n  demo_x_total:\n    type: counter\n    unit: count\n    help: 3\n    meaning: m\n    grup: request\n',
    });
    expect(lines).toContain('bad.yaml:5:11 schema Unexpected number 3 at metrics.demo_x_total.help, expected a string');
    expect(lines).toContain(
      'bad.yaml:7:5 schema Unexpected key "grup" in metrics.demo_x_total, expected one of: type, unit, help, meaning, group, origin, labels, buckets, bands, serviceChange, deprecated, waivers; did you mean "group"?',
    );
    expect(lines.some((l) => l.startsWith('bad.yaml:3:5 schema Unexpected missing key "group"'))).toBe(true);
  });

  it('label and annotation names are Prometheus label names (they become rule labels and Alertmanager matchers)', () => {
    const { lines } = findings({ 'bad.yaml': "recordingRules:\n  demo:x:rate5m:\n    expr: sum(rate(demo_requests_total[5m]))\n    description: d\n    unit: count\n    labels:\n      'team=\"x\", a': y\n" });
    expect(lines.some((l) => l.startsWith('bad.yaml:7:') && l.includes('schema') && l.includes('team=\\"x\\", a'))).toBe(true);
  });

  it('a secret reference is one of env or file', () => {
    const cp = (secret: string) => ({ 'bad.yaml': `notifications:\n  contactPoints:\n    r:\n      type: webhook\n      description: x\n      url: https://relay.example.com/x\n      secret: ${secret}\n` });
    expect(findings(cp('{ env: A, file: /run/a }')).lines).toContain(
      'bad.yaml:7:15 schema Unexpected a mapping with more than 1 property at notifications.contactPoints.r.secret, expected at most 1 of: env, file',
    );
    expect(findings(cp('{}')).lines.some((l) => l.startsWith('bad.yaml:7:') && l.includes('expected at least 1 of: env, file'))).toBe(true);
    expect(findings(cp('{ file: /run/secrets/relay }')).lines).toEqual([]);
  });

  it('enum violation names the allowed values', () => {
    const { lines } = findings({ 'bad.yaml': 'thresholds:\n  x:\n    description: d\n    unit: furlongs\n    warning: 1\n' });
    expect(lines.some((l) => l.startsWith('bad.yaml:4:11 schema Unexpected "furlongs" at thresholds.x.unit, expected one of: count, seconds'))).toBe(true);
  });

  it('unknown metric in an expression', () => {
    const { lines } = findings({ 'rules.yaml': 'recordingRules:\n  demo:x:rate5m:\n    expr: sum(rate(demo_nope_total[5m]))\n    description: d\n    unit: count\n' });
    expect(lines.some((l) => l.startsWith('rules.yaml:3:11 promql-unknown-metric Unexpected metric "demo_nope_total"'))).toBe(true);
  });

  it('PromQL syntax error', () => {
    const { lines } = findings({ 'rules.yaml': 'recordingRules:\n  demo:x:rate5m:\n    expr: sum(rate(demo_errors_total[5m])\n    description: d\n    unit: count\n' });
    expect(lines.some((l) => l.startsWith('rules.yaml:3:11 promql-syntax'))).toBe(true);
  });

  it('label not on the metric', () => {
    const { lines } = findings({ 'rules.yaml': 'recordingRules:\n  demo:x:rate5m:\n    expr: sum by (tier) (rate(demo_errors_total[5m]))\n    description: d\n    unit: count\n' });
    expect(lines.some((l) => l.startsWith('rules.yaml:3:11 promql-unknown-label Unexpected label "tier" in by (...)'))).toBe(true);
  });

  it('duplicate metric across files names both places', () => {
    const { lines } = findings({ 'more.yaml': 'metrics:\n  demo_errors_total:\n    type: counter\n    unit: count\n    help: h\n    meaning: m\n    group: g\n' });
    expect(lines).toContain(
      'more.yaml:2:3 duplicate-name Unexpected second definition of metrics.demo_errors_total, expected each name to be defined once (first defined at base.yaml:20:3)',
    );
  });

  it('bands out of order', () => {
    const { lines } = findings({ 't.yaml': 'thresholds:\n  latency:\n    description: d\n    unit: seconds\n    warning: 1s\n    critical: 200ms\n' });
    expect(lines.some((l) => l.startsWith('t.yaml:5:14 threshold-bands Unexpected warning level 1 s above the critical level 0.2 s'))).toBe(true);
  });

  it('an empty spec directory', () => {
    const { result, lines } = findings({}, true);
    expect(result.model).toBeUndefined();
    expect(lines[0]).toContain('empty-spec Unexpected spec directory without *.yaml files');
  });

  it('an unknown environment is a usage error', () => {
    const result = compileSpec(base(), { environment: 'qa' });
    expect(result.usageError).toBe('Unexpected environment "qa", expected one of: (the spec declares no environments)');
  });

  it('a spec without a service section', () => {
    const { lines } = findings({ 'only.yaml': 'metrics: {}\n' }, true);
    expect(lines).toContain('only.yaml:1:1 schema Unexpected spec without a service section, expected one in some file of the spec directory');
  });
});

describe('environments and overlays', () => {
  const envs = `environments:
  production:
    description: prod
    default: true
  staging:
    description: staging
    overlay:
      service:
        grafana:
          url: https://grafana-staging.example.com
      thresholds:
        error_rate:
          critical: 10%
          warning: null
      alerts:
        DemoHighErrorRate:
          for: 1m
`;

  it('a misspelt environment gets a did-you-mean', () => {
    const result = compileSpec([...base(), { path: 'envs.yaml', text: envs }], { environment: 'stagign' });
    expect(result.usageError).toBe('Unexpected environment "stagign", expected one of: production, staging; did you mean "staging"?');
  });

  it('objects merge, scalars replace, null deletes', () => {
    const prod = compileSpec([...base(), { path: 'envs.yaml', text: envs }]);
    const staging = compileSpec([...base(), { path: 'envs.yaml', text: envs }], { environment: 'staging' });
    expect(prod.environment).toBe('production');
    expect(staging.diagnostics).toEqual([]);
    const t = staging.model?.thresholds.find((x) => x.name === 'error_rate');
    expect(t?.critical).toBe(0.1);
    expect(t?.warning).toBeUndefined();
    expect(staging.model?.service.grafana.url).toBe('https://grafana-staging.example.com');
    expect(staging.model?.service.team).toBe('demo-team');
    const alert = staging.model?.alerts.find((a) => a.name === 'DemoHighErrorRate');
    expect(alert?.for).toBe('1m');
    expect(alert?.query).toBe('job:demo_errors:ratio_rate5m > 0.1');
    expect(prod.model?.alerts.find((a) => a.name === 'DemoHighErrorRate')?.query).toBe('job:demo_errors:ratio_rate5m > 0.05');
  });

  it('an overlay value that breaks the schema is reported at the overlay', () => {
    const broken = envs.replace('critical: 10%', 'critical: lots');
    const staging = compileSpec([...base(), { path: 'envs.yaml', text: broken }], { environment: 'staging' });
    const d = staging.diagnostics.find((x) => x.ruleId === 'schema');
    expect(d?.location).toEqual({ file: 'envs.yaml', line: 13, column: 21 });
  });
});

describe('templates', () => {
  const templates = `templates:
  ratio_above:
    kind: alert
    description: A ratio recording rule above a threshold.
    params:
      rule: { description: The ratio rule }
      level: { description: Threshold reference }
      minutes: { description: For, default: 5m }
    body:
      severity: warning
      expr: \${rule}
      condition: { op: '>', threshold: '\${level}' }
      for: \${minutes}
      summary: Ratio above \${threshold}.
      description: 'Ratio is {{ $value }}.'
      dashboard: demo/errors
alerts:
  DemoRatio:
    template: ratio_above
    params: { rule: 'job:demo_errors:ratio_rate5m', level: error_rate.warning }
    severity: info
runbooks:
  DemoRatio: { meaning: m, impact: i, diagnosis: [{ title: t }], mitigation: [m], escalation: [e] }
`;

  it('expands parameters, applies defaults and overrides, then renders placeholders', () => {
    const result = compileSpec([...base(), { path: 'templates.yaml', text: templates }]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const alert = result.model?.alerts.find((a) => a.name === 'DemoRatio');
    expect(alert?.query).toBe('job:demo_errors:ratio_rate5m > 0.01');
    expect(alert?.severity).toBe('info');
    expect(alert?.for).toBe('5m');
    expect(alert?.summary).toBe('Ratio above 1 %.');
  });

  it('reports an unknown parameter at its key', () => {
    const result = compileSpec([...base(), { path: 'templates.yaml', text: templates.replace('level: error_rate.warning', 'levle: error_rate.warning') }]);
    const messages = result.diagnostics.map((d) => `${d.location?.file}:${d.location?.line} ${d.message}`);
    expect(messages).toContain('templates.yaml:20 Unexpected parameter "levle" for template "ratio_above", expected one of: rule, level, minutes; did you mean "level"?');
  });
});

describe('the resolved model', () => {
  it('is frozen and deterministic', () => {
    const a = compileSpec(base()).model;
    const b = compileSpec(base()).model;
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a?.alerts[0])).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('renders threshold placeholders and evaluates test arithmetic', () => {
    const model = compileSpec(base()).model;
    const alert = model?.alerts[0];
    expect(alert?.summary).toBe('Error ratio above 5 % for 5 minutes.');
    expect(alert?.runbook.meaning).toBe('More than 5 % of requests fail.');
    expect(alert?.tests[0]?.series.find((s) => s.series === 'demo_errors_total')?.values).toBe('0+55x20');
  });
});
