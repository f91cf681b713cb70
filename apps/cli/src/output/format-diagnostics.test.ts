import type { Diagnostic } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, WARNINGS_PER_CHECK } from './format-diagnostics.js';
import { createStyle } from './style.js';

const plain = createStyle({ isTTY: false });
const at = (line: number) => ({ file: 'a.yaml', line, column: 3 });
const warning = (ruleId: string, line: number): Diagnostic => ({ ruleId, severity: 'warning', message: `Unexpected thing ${line}, expected another`, location: at(line) });

describe('warnings are capped per check in text and github output', () => {
  const many = [
    ...Array.from({ length: 18_020 }, (_, i) => warning('base-units', i + 1)),
    ...Array.from({ length: 3 }, (_, i) => warning('slo-tests', i + 1)),
    ...Array.from({ length: 30 }, (_, i): Diagnostic => ({ ruleId: 'schema', severity: 'error', message: `Unexpected error ${i}`, location: at(i + 1) })),
  ];

  it('text: the first 20 of each check, then "… and N more [check]"; errors are never capped', () => {
    const lines = formatDiagnostics('text', many, 'spec', plain).split('\n');
    expect(lines.filter((l) => l.endsWith('[base-units]') && l.includes(': warning '))).toHaveLength(WARNINGS_PER_CHECK);
    expect(lines.filter((l) => l.endsWith('[slo-tests]'))).toHaveLength(3);
    expect(lines.filter((l) => l.endsWith('[schema]'))).toHaveLength(30);
    expect(lines).toContain('… and 18,000 more [base-units]');
    expect(lines.some((l) => l.includes('more [slo-tests]'))).toBe(false);
  });

  it('github: the same cap, the rest summed up in one notice', () => {
    const lines = formatDiagnostics('github', many, 'spec', plain).split('\n');
    expect(lines.filter((l) => l.startsWith('::warning ') && l.includes('monspec base-units'))).toHaveLength(WARNINGS_PER_CHECK);
    expect(lines).toContain('::notice title=monspec::… and 18,000 more [base-units]');
  });

  it('json keeps every finding', () => {
    const parsed = JSON.parse(formatDiagnostics('json', many, 'spec', plain)) as unknown[];
    expect(parsed).toHaveLength(many.length);
  });
});

describe('findings that follow from an error', () => {
  const root: Diagnostic = {
    ruleId: 'threshold-bands',
    severity: 'error',
    message: 'Unexpected "5%" for threshold "lat"',
    location: at(2),
    related: [
      { ruleId: 'placeholders', message: 'Unexpected placeholder name "threshold"', location: at(9) },
      { ruleId: 'placeholders', message: 'Unexpected placeholder name "threshold"', location: at(14) },
    ],
  };
  it('text names where they are under the error', () => {
    expect(formatDiagnostics('text', [root], 'spec', plain)).toBe(
      'spec/a.yaml:2:3: error Unexpected "5%" for threshold "lat" [threshold-bands]\n  2 finding(s) that follow from this one are not shown separately: spec/a.yaml:9, spec/a.yaml:14',
    );
  });
  it('json lists them', () => {
    const [d] = JSON.parse(formatDiagnostics('json', [root], 'spec', plain)) as Array<{ related: Array<{ file: string; line: number }> }>;
    expect(d?.related.map((r) => `${r.file}:${r.line}`)).toEqual(['spec/a.yaml:9', 'spec/a.yaml:14']);
  });
});
