/** Long and deeply nested expressions and placeholders (issue #13): linear, bounded, clearly reported. */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { compileSpec } from '../pipeline.js';
import { evaluate } from '../placeholders.js';
import { analyzePromql } from './analyze.js';
import { analyzeLogql } from './logql.js';

function compileWith(text: string) {
  const result = compileSpec([...Object.entries(EXAMPLE_BASE_SPEC).map(([path, t]) => ({ path, text: t })), { path: 'x.yaml', text }]);
  // Errors only: the test rules are read by nothing, which recording-rule-unused warns about.
  return { result, lines: result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.ruleId} ${d.message}`) };
}

const rule = (expr: string) => `recordingRules:\n  demo:x:sum:\n    expr: '${expr}'\n    description: d\n    unit: requests_per_second\n`;
const alertWithSeries = (values: string, summary = 'x') =>
  `alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: '${summary}'\n    description: x\n    dashboard: demo/errors\n` +
  `    tests:\n      - name: t\n        series:\n          'demo_errors_total': "${values}"\n        expect: [{ at: 1m, firing: false }]\n` +
  `runbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n`;

describe('deeply nested expressions are refused before the parser struggles', () => {
  it('PromQL nested 500 000 parentheses deep: one error naming the limit, the expression quoted once and shortened', () => {
    const expr = '('.repeat(500_000) + 'demo_errors_total' + ')'.repeat(500_000);
    const { result, lines } = compileWith(rule(expr));
    expect(result.model).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^x\.yaml:3:11 promql-syntax Unexpected nesting deeper than 128 levels at offset 128 in the PromQL of recording rule demo:x:sum, expected a valid PromQL expression: \(+… \(1000017 characters\)$/);
    expect((lines[0] as string).length).toBeLessThan(400);
  }, 60_000);

  it('PromQL nested within the limit still parses', () => {
    expect(analyzePromql('('.repeat(100) + 'demo_errors_total' + ')'.repeat(100)).syntaxErrors).toEqual([]);
  });

  it('brackets inside strings do not count', () => {
    expect(analyzePromql(`demo_errors_total{code="${'('.repeat(300)}"}`).syntaxErrors).toEqual([]);
  });

  it('LogQL nested too deep', () => {
    expect(analyzeLogql(`sum(${'('.repeat(200)}count_over_time({app="x"}[5m])${')'.repeat(200)})`).syntaxErrors[0]?.message).toBe('Unexpected nesting deeper than 128 levels at offset 131');
  });

  it('a 1 MB invalid expression is reported with a bounded excerpt', () => {
    const expr = 'sum(' + 'demo_errors_total + '.repeat(50_000) + ')';
    const { lines } = compileWith(rule(expr));
    expect(lines).toHaveLength(1);
    expect((lines[0] as string).length).toBeLessThan(400);
    expect(lines[0]).toContain('characters)');
  }, 60_000);
});

describe('placeholders', () => {
  it('${1/0} in a test series is an error, not "Infinity" handed to promtool', () => {
    const { result, lines } = compileWith(alertWithSeries('0+${1/0}x10'));
    expect(result.model).toBeUndefined();
    expect(lines).toContain('x.yaml:12:32 placeholders Unexpected Infinity from ${1/0} (a division by zero or an overflow), expected a finite number in test "t" of DemoOther');
  });

  it('${0/0} and overflow are errors too', () => {
    expect(evaluate('0/0', { thresholds: new Map() })).toEqual({ ok: false, problem: 'Unexpected NaN from ${0/0} (a division by zero or an overflow), expected a finite number' });
    expect(evaluate('1e308*10', { thresholds: new Map() }).ok).toBe(false);
  });

  it('deep placeholder nesting is refused, not a stack overflow', () => {
    for (const src of ['('.repeat(100_000) + '1' + ')'.repeat(100_000), '-'.repeat(100_000) + '1']) {
      const r = evaluate(src, { thresholds: new Map() });
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.problem).toMatch(/^Unexpected nesting deeper than 32 levels in \$\{.{80}… \(\d+ characters\)\}, expected simple arithmetic$/);
    }
  });

  it('in a summary, through the whole pipeline', () => {
    const { lines } = compileWith(alertWithSeries('0+1x10', '${' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '}'));
    expect(lines.some((l) => l.includes('placeholders Unexpected nesting deeper than 32 levels'))).toBe(true);
  });
});
