import { describe, expect, it } from 'vitest';
import { canonicalMarkdown, lintMarkdown } from './pipeline.js';
import { cell, code, codeBlock, count, link, text } from './inline.js';

describe('inline Markdown helpers', () => {
  it('code spans survive backticks and newlines', () => {
    expect(code('a')).toBe('`a`');
    expect(code('a `b` c')).toBe('``a `b` c``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('a\n  b')).toBe('`a b`');
  });

  it('code blocks use a fence longer than any inside', () => {
    expect(codeBlock('x', 'promql')).toBe('```promql\nx\n```');
    expect(codeBlock('```\ny\n```', 'md')).toBe('````md\n```\ny\n```\n````');
  });

  it('table cells escape pipes, also inside code spans, and are never empty', () => {
    expect(cell('a | b')).toBe('a \\| b');
    expect(cell(code('x | json'))).toBe('`x \\| json`');
    expect(cell('')).toBe('—');
    const md = canonicalMarkdown(`| A | B |\n| - | - |\n| ${cell(code('{a="b"} | json'))} | ${cell('x\ny')} |\n`);
    expect(md).toContain('| `{a="b"} \\| json` | x y |');
  });

  it('text escapes Markdown syntax; links percent-encode parentheses and spaces', () => {
    expect(text('a_b *c* [d]')).toBe('a\\_b \\*c\\* \\[d\\]');
    expect(link('x', 'https://h/e?q=sum(rate(a[5m]))')).toBe('[x](https://h/e?q=sum%28rate%28a[5m]%29%29)');
    expect(count(1, 'alert')).toBe('1 alert');
    expect(count(2, 'alert')).toBe('2 alerts');
  });
});

describe('remark pipeline', () => {
  it('fills the Contents heading with a table of contents', () => {
    const md = canonicalMarkdown('# T\n\n## Contents\n\n## One\n\n### Two\n\n#### Three\n');
    expect(md).toContain('- [One](#one)\n  - [Two](#two)\n');
    expect(md).not.toContain('(#three)');
  });

  it('remark-lint reports problems (so a clean result means something)', () => {
    const messages = lintMarkdown('bad.md', '# T\n\n* a\n- b\n\n[undefined][ref]\n\nhttp://example.com\n');
    const rules = messages.map((m) => m.rule);
    expect(rules).toContain('no-undefined-references');
    expect(rules).toContain('no-literal-urls');
    expect(messages.every((m) => m.path === 'bad.md')).toBe(true);
  });
});
