import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { inline, join } from './fragment.js';
import { cell, code, codeBlock, count, link } from './inline.js';
import { inlineHtml } from './inline-html.js';
import { lintMarkdown, parseMarkdown } from './pipeline.js';
import { loadProseEngine, Prose } from './prose.js';

const toHtml = unified().use(remarkRehype).use(rehypeStringify).freeze();
/** What remark renders from a Markdown document (no heading slugs). */
const remarkHtml = (md: string) => toHtml.stringify(toHtml.runSync(parseMarkdown(md)));
/** remark's HTML of `md` as one paragraph's content. */
const remarkInline = (md: string) => remarkHtml(md).replace(/^<p>/, '').replace(/<\/p>$/, '');

const ctx = new Prose(await loadProseEngine());
const text = (value: string) => ctx.text(value);
const email = (address: string) => ctx.email(address);
const autolink = (url: string) => ctx.autolink(url);

const TRICKY = [
  'plain words',
  'a_b_c snake_case_name',
  'a *star* and _under_ and ~tilde~',
  '[brackets] and <tags> and <b>bold</b>',
  '# not a heading',
  '- not a list',
  '+ plus',
  '1. not ordered',
  '2) not ordered either',
  '> not a quote',
  '= not setext',
  'pipes | inside',
  'back\\slash and `ticks` and ``double``',
  'AT&T and &amp; and &#35; and &copy;',
  'email a@b.example and https://x.example/y and www.z.example',
  'odd _ratio and _seconds names',
  '100 % < 5 > 3 — ≥ ›',
  "quotes \" and ' and !bang",
];

describe('text', () => {
  it.each(TRICKY)('%j reads back as itself, in Markdown and HTML alike', (value) => {
    const f = text(value);
    expect(remarkInline(f.md)).toBe(f.html);
    expect(remarkHtml(`- ${f.md}`)).toBe(`<ul>\n<li>${f.html}</li>\n</ul>`);
    expect(remarkHtml(`| A |\n| --- |\n| ${cell(f).md} |`)).toContain(`<td>${f.html}</td>`);
    // What the reader sees is the value (autolinks aside).
    expect(f.html.replace(/<[^>]*>/g, '').replace(/&#x26;/g, '&').replace(/&#x3C;/g, '<')).toBe(value);
  });
});

describe('inlineHtml', () => {
  // Inside a line: what opens a block at the start of a line is the caller's business.
  it.each(TRICKY)('%j is what remark renders inside a line, or undefined', (md) => {
    const html = inlineHtml(md);
    if (html !== undefined) expect(`x ${html}`).toBe(remarkInline(`x ${md}`));
  });

  it('takes plain text, code spans, escapes and literal underscores, and refuses what remark must read', () => {
    expect(inlineHtml('a `b|c` \\* d_e _f')).toBe('a <code>b|c</code> * d_e _f');
    for (const md of ['*a*', '_a_', '[a](b)', '<b>', 'a@b.example', 'see https://x.y', '&amp;', 'a\\', 'x  ~y~']) expect(inlineHtml(md), md).toBeUndefined();
  });
});

describe('inline helpers', () => {
  it('code spans survive backticks and newlines', () => {
    expect(code('a').md).toBe('`a`');
    expect(code('a `b` c').md).toBe('``a `b` c``');
    expect(code('`x`').md).toBe('`` `x` ``');
    expect(code('a\n  b').md).toBe('`a b`');
    for (const v of ['a', 'a `b` c', '`x`', ' padded ', 'a | b']) expect(remarkInline(code(v).md), v).toBe(code(v).html);
  });

  it('code blocks use a fence longer than any inside', () => {
    expect(codeBlock('x', 'promql').md).toBe('```promql\nx\n```');
    expect(codeBlock('```\ny\n```', 'md').md).toBe('````md\n```\ny\n```\n````');
    for (const v of ['x', '```\ny\n```', 'a < b && c']) expect(remarkHtml(codeBlock(v, 'md').md)).toBe(codeBlock(v, 'md').blockHtml);
  });

  it('table cells escape pipes, also inside code spans, and are never empty', () => {
    expect(cell('a | b').md).toBe('a \\| b');
    expect(cell(code('x | json')).md).toBe('`x \\| json`');
    expect(cell('').md).toBe('—');
    const row = cell(code('{a="b"} | json'));
    expect(remarkHtml(`| A |\n| --- |\n| ${row.md} |`)).toContain(`<td>${row.html}</td>`);
  });

  it('links percent-encode what Markdown would escape, and render as remark renders them', () => {
    const l = link('x', 'https://h/e?q=sum(rate(a[5m]))&b=1');
    expect(l.md).toBe('[x](https://h/e?q=sum%28rate%28a[5m]%29%29&b=1)');
    expect(remarkInline(l.md)).toBe(l.html);
    const odd = link(text('a@b.example'), 'runbooks/A B.md#x');
    expect(remarkInline(odd.md)).toBe(odd.html);
  });

  it('email and URL autolinks', () => {
    for (const f of [email('team@example.com'), autolink('https://grafana.example/d/x?a=1&b=2'), email('not an address')]) expect(remarkInline(f.md)).toBe(f.html);
  });

  it('fragments concatenate and join in both forms', () => {
    const f = inline`Use ${code('x')} or ${join([text('a*b'), 'c'], ', ')} (${count(2, 'alert')}).`;
    expect(f.md).toBe('Use `x` or a\\*b, c (2 alerts).');
    expect(remarkInline(f.md)).toBe(f.html);
    expect(() => inline`bad *emphasis*`).toThrow(/Unexpected Markdown/);
  });
});

describe('remark-lint', () => {
  it('reports problems (so a clean result means something)', () => {
    const messages = lintMarkdown('bad.md', '# T\n\n* a\n- b\n\n[undefined][ref]\n\nhttp://example.com\n');
    const rules = messages.map((m) => m.rule);
    expect(rules).toContain('no-undefined-references');
    expect(rules).toContain('no-literal-urls');
    expect(messages.every((m) => m.path === 'bad.md')).toBe(true);
  });
});
