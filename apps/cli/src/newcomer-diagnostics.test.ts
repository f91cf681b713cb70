/**
 * Mistakes a newcomer makes, through the compiled CLI on a copy of the embedded spec with one more
 * file: each gives one error that names the cause, and a flood of warnings stays readable.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_SPEC, copyEmbeddedSpec, runCli, tempDir } from './test-support/run-cli.js';

function validate(extra: string, ...args: string[]) {
  const spec = copyEmbeddedSpec();
  writeFileSync(join(spec, 'zz-newcomer.yaml'), extra);
  return runCli(['validate', '--spec', spec, ...args], tempDir());
}

const RUNBOOK = '{ meaning: "More than ${threshold}", impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }';
const alert = (name: string, condition: string, extra = '') =>
  `  ${name}:\n    severity: info\n    expr: job:tunnel_requests:rate5m\n    condition: ${condition}\n    summary: "Above \${threshold}"\n    description: x\n    dashboard: tunnel-health/active_connections\n${extra}`;

describe('monspec validate: errors that point at the cause', () => {
  it('schema mistakes: a number for a duration, a misspelt key', () => {
    const r = validate(`alerts:\n${alert('ZzSlow', "{ op: '>', value: 1 }", '    for: 10\n')}thresholds:\n  zz_ratio: { description: x, unit: ratio, critcal: 5% }\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/zz-newcomer\.yaml:9:\d+: error Unexpected number 10 at alerts\.ZzSlow\.for, expected a duration such as 10m \[schema\]/);
    expect(r.stdout).toContain('Unexpected key "critcal" in thresholds.zz_ratio, expected one of: description, unit, direction, warning, critical, window, states; did you mean "critical"?');
    expect(r.stdout).not.toContain('Pending duration');
  });

  it('check mistakes: ratio 5, an undeclared label value, 5m10h, a bad level used by placeholders — one error each', () => {
    const r = validate(
      [
        'thresholds:',
        '  zz_ratio: { description: x, unit: ratio, critical: 5 }',
        '  zz_latency: { description: x, unit: seconds, critical: 5% }',
        'recordingRules:',
        '  "tunnel_tier:zz_requests:rate5m": { expr: \'sum by (tier) (rate(tunnel_requests_total{tier="gold"}[5m]))\', description: x, unit: requests_per_second }',
        'alerts:',
        alert('ZzSlow', "{ op: '>', threshold: zz_latency.critical }", '    for: 5m10h\n'),
        'runbooks:',
        `  ZzSlow: ${RUNBOOK}`,
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.includes(': error '));
    expect(errors.map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1]).sort()).toEqual(['duration-syntax', 'promql-label-value', 'threshold-bands', 'threshold-bands']);
    expect(r.stdout).toContain('expected a ratio between 0 and 1 such as 5% (0.05)');
    expect(r.stdout).toContain('Unexpected tier="gold" on tunnel_requests_total in recording rule tunnel_tier:zz_requests:rate5m, expected one of free, premium, enterprise');
    expect(r.stdout).toContain('Unexpected duration "5m10h" at alerts.ZzSlow.for, expected units from largest to smallest');
    expect(r.stdout).toMatch(/2 finding\(s\) that follow from this one are not shown separately: .*zz-newcomer\.yaml:\d+, .*zz-newcomer\.yaml:\d+/);
  });

  it('caps warnings per check in text, keeps all in json', () => {
    const rules = Array.from(
      { length: 25 },
      (_, i) => `  "tunnel_tier:zz${i}:rate5m": { expr: 'sum by (tier) (rate(tunnel_requests_total{tier=~"gold|silver"}[5m]))', description: x, unit: requests_per_second }`,
    );
    const yaml = `recordingRules:\n${rules.join('\n')}\n`;
    const text = validate(yaml);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n').filter((l) => l.includes(': warning ') && l.endsWith('[promql-label-value]'))).toHaveLength(20);
    expect(text.stdout).toContain('… and 5 more [promql-label-value]');
    const json = JSON.parse(validate(yaml, '--format', 'json').stdout) as { diagnostics: Array<{ ruleId: string }> };
    expect(json.diagnostics.filter((d) => d.ruleId === 'promql-label-value')).toHaveLength(25);
  });

  it('a misspelt name on the command line gets a did-you-mean (explain, --env)', () => {
    const explain = runCli(['explain', '--spec', EMBEDDED_SPEC, 'HighErorRate'], tempDir());
    expect(explain.code).toBe(1);
    expect(explain.stderr).toContain('did you mean "HighErrorRate"?');
    const env = runCli(['validate', '--spec', EMBEDDED_SPEC, '--env', 'stagign'], tempDir());
    expect(env.code).toBe(2);
    expect(`${env.stdout}${env.stderr}`).toContain('did you mean "staging"?');
  });
});
