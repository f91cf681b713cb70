import { describe, expect, it } from 'vitest';
import { compileSpec } from '../pipeline.js';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';

function errors(yaml: string) {
  const files = [...Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text })), { path: 'example.yaml', text: yaml }];
  return compileSpec(files).diagnostics.filter((d) => d.severity === 'error');
}

const alertOn = (threshold: string, summary = 'Above ${threshold}') =>
  `alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', threshold: ${threshold} }\n    summary: '${summary}'\n    description: x\n    dashboard: demo/errors\n    tests:\n      - name: t\n        series: { 'demo_errors_total': '0+\${threshold}x10' }\n        expect: [{ at: 5m, firing: false }]\nrunbooks:\n  DemoOther: { meaning: 'More than \${threshold}', impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n`;

describe('one mistake gives one error', () => {
  it('a threshold level that does not convert: the placeholders using it fold under it', () => {
    const found = errors(`thresholds:\n  lat: { description: x, unit: seconds, critical: 5% }\n${alertOn('lat.critical')}`);
    expect(found.map((d) => d.ruleId)).toEqual(['threshold-bands']);
    expect(found[0]?.related?.map((r) => r.ruleId)).toEqual(['placeholders', 'placeholders', 'placeholders']);
    expect(found[0]?.related?.[0]?.location?.file).toBe('example.yaml');
  });

  it('an alert on an undeclared threshold: one unknown-reference error', () => {
    const found = errors(alertOn('error_ratio.critical'));
    expect(found.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
      'unknown-reference: Unexpected threshold "error_ratio", expected one of: error_rate; did you mean "error_rate"?',
    ]);
    expect(found[0]?.related).toHaveLength(3);
  });

  it('an alert on an undeclared level: one error', () => {
    const found = errors(`thresholds:\n  lat: { description: x, unit: seconds, critical: 1s }\n${alertOn('lat.warning')}`);
    expect(found.map((d) => d.ruleId)).toEqual(['unknown-reference']);
  });

  it('a placeholder naming an undeclared threshold with nothing else wrong is still reported', () => {
    const found = errors(alertOn('error_rate.critical', 'Above ${thresholds.latency.critical}'));
    expect(found.map((d) => d.ruleId)).toEqual(['placeholders']);
    expect(found[0]?.related).toBeUndefined();
  });
});
