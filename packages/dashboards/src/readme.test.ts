import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from './index.js';

describe('README', () => {
  it('lists every lint rule with its severity', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const r of LINT_RULES) expect(readme).toContain(`| \`${r.id}\` | ${r.severity} |`);
  });
});
