import { readFileSync } from 'node:fs';
import { CHECKS } from '@monspec/metrics-spec';
import { LINT_RULES } from '@monspec/dashboards';
import type { Table } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../test-support/run-cli.js';
import { FLEET_CHECKS } from '../fleet/checks/index.js';
import { ruleDocsMarkdown } from './rule-docs.js';

const tables = (markdown: string): Table[] => remark().use(remarkGfm).parse(markdown).children.filter((n): n is Table => n.type === 'table');

describe('the rule reference', () => {
  it('lists every registered check and lint rule once, with its severity, in a table that parses back', () => {
    const markdown = ruleDocsMarkdown([
      { title: 'Spec checks', about: 'a', rules: CHECKS },
      { title: 'Dashboard lint', about: 'b', rules: LINT_RULES },
      { title: 'Cross-service checks', about: 'c', rules: FLEET_CHECKS },
    ]);
    const [checks, lint, fleet] = tables(markdown);
    const ids = (t: Table | undefined) => (t?.children.slice(1) ?? []).map((r) => (r.children[0]?.children[0] as { value: string }).value);
    expect(ids(checks).sort()).toEqual(CHECKS.map((c) => c.id).sort());
    expect(ids(lint).sort()).toEqual(LINT_RULES.map((r) => r.id).sort());
    expect(ids(fleet).sort()).toEqual(FLEET_CHECKS.map((r) => r.id).sort());
  });

  it('keeps a description with a pipe or a backtick span inside its cell', () => {
    const markdown = ruleDocsMarkdown([{ title: 'T', about: 'x', rules: [{ id: 'a-b', severity: 'error', description: 'Unexpected `a | b` or c | d, expected one' }] }]);
    const row = tables(markdown)[0]?.children[1];
    expect(row?.children).toHaveLength(3);
    expect(row?.children[2]?.children.map((n) => (n as { value: string }).value).join('')).toBe('Unexpected a | b or c | d, expected one');
  });

  it('is what docs/RULES.md holds (the root build regenerates it; CI fails on a difference)', () => {
    const printed = runCli(['rules', '--format', 'markdown'], tempDir());
    expect(printed.code).toBe(0);
    expect(readFileSync(new URL('../../../../docs/RULES.md', import.meta.url), 'utf8')).toBe(printed.stdout);
  });
});
