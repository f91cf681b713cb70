import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './pipeline.js';
import { loadProseEngine, prose, proseEngineMissing, proseFindings, proseInline, startProseRound } from './prose.js';

const toHtml = unified().use(remarkRehype).use(rehypeStringify).freeze();
const remarkHtml = (md: string) => toHtml.stringify(toHtml.runSync(parseMarkdown(md)));

const PLAIN = [
  'One sentence.',
  'Two lines\n  of one paragraph.',
  'First paragraph.\n\nSecond with `code` and snake_case and a lone _ratio.',
  "Users' requests fail: 5 % < 10 % — see the #tunnel-alerts channel.",
];

const RICH = [
  'Some *emphasis*, a [link](https://x.example/a_(b)) and **strong**.',
  '- a list\n- of items',
  'A URL: https://x.example/health and an email ops@x.example.',
  '1. first\n2. second\n\n```sh\ncurl -f x\n```',
  'Tables | are\n--- | ---\nGFM | too',
];

describe('prose', () => {
  it('renders plain prose without remark', () => {
    startProseRound();
    for (const md of PLAIN) {
      const f = prose(md);
      expect(remarkHtml(md), md).toBe(f.blockHtml);
      expect(remarkHtml(f.md), md).toBe(f.blockHtml);
    }
    expect(proseEngineMissing()).toBe(false);
  });

  it('asks for remark when the prose needs it, and then renders it as remark does', async () => {
    startProseRound();
    prose(RICH[0] ?? '');
    expect(proseEngineMissing()).toBe(true);
    await loadProseEngine();
    startProseRound();
    for (const md of RICH) {
      const f = prose(md);
      expect(f.blockHtml, md).toBe(remarkHtml(md));
      expect(remarkHtml(f.md), md).toBe(f.blockHtml);
    }
    expect(proseEngineMissing()).toBe(false);
  });

  it('inline prose is one line; block Markdown there is shown as text', async () => {
    await loadProseEngine();
    startProseRound();
    const one = proseInline('Some *emphasis*\nover two lines.');
    expect(one.md).toBe('Some _emphasis_ over two lines.');
    expect(one.html).toBe('Some <em>emphasis</em> over two lines.');
    const list = proseInline('- not one paragraph');
    expect(list.md).toBe('\\- not one paragraph');
    expect(list.html).toBe('- not one paragraph');
  });

  it('reports remark-lint findings in prose with the start of the text', async () => {
    await loadProseEngine();
    startProseRound();
    prose('See [the docs][d].\n\n[d]: https://a.example\n[d]: https://b.example');
    expect(proseFindings().map((m) => m.rule)).toContain('no-duplicate-definitions');
    expect(proseFindings()[0]?.path).toBe('spec prose "See [the docs][d]. [d]: https://a.example [d]: https://b...."');
  });
});
