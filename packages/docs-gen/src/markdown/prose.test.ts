import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './pipeline.js';
import { loadProseEngine, needsRemark, Prose, ProseCache } from './prose.js';

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

const none: string[] = [];
const strings = (s: { blocks?: string[]; inlines?: string[]; texts?: string[] }) => ({ blocks: s.blocks ?? none, inlines: s.inlines ?? none, texts: s.texts ?? none });

describe('prose', () => {
  it('renders plain prose without remark', () => {
    const ctx = new Prose(undefined);
    for (const md of PLAIN) {
      const f = ctx.prose(md);
      expect(remarkHtml(md), md).toBe(f.blockHtml);
      expect(remarkHtml(f.md), md).toBe(f.blockHtml);
    }
  });

  it('decides from the strings alone which need remark, with the predicates rendering uses', async () => {
    expect(needsRemark(strings({ blocks: PLAIN, inlines: PLAIN, texts: ['snake_case *name*', 'a #channel'] }))).toBe(false);
    const engine = await loadProseEngine();
    for (const md of RICH) {
      expect(needsRemark(strings({ blocks: [md] })), md).toBe(true);
      // Without remark, rendering what needs it is an error (the decision missed a string), never a wrong page.
      expect(() => new Prose(undefined).prose(md), md).toThrow(/needs remark .* expected docStrings/);
      const f = new Prose(engine).prose(md);
      expect(f.blockHtml, md).toBe(remarkHtml(md));
      expect(remarkHtml(f.md), md).toBe(f.blockHtml);
    }
    expect(needsRemark(strings({ inlines: ['Some *emphasis*'] }))).toBe(true);
    expect(needsRemark(strings({ inlines: ['- a list item'] }))).toBe(true);
    // Text needs remark only for what GFM autolinks; a URL inside a code span of prose does not.
    expect(needsRemark(strings({ texts: ['ops@x.example'] }))).toBe(true);
    expect(needsRemark(strings({ texts: ['see www.x.example'] }))).toBe(true);
    expect(needsRemark(strings({ blocks: ['Run `curl http://x/health` first.'] }))).toBe(false);
    expect(() => new Prose(undefined).text('ops@x.example')).toThrow(/needs remark/);
    expect(() => new Prose(undefined).proseInline('Some *emphasis*')).toThrow(/needs remark/);
  });

  it('inline prose is one line; block Markdown there is shown as text', async () => {
    const ctx = new Prose(await loadProseEngine());
    const one = ctx.proseInline('Some *emphasis*\nover two lines.');
    expect(one.md).toBe('Some _emphasis_ over two lines.');
    expect(one.html).toBe('Some <em>emphasis</em> over two lines.');
    const list = ctx.proseInline('- not one paragraph');
    expect(list.md).toBe('\\- not one paragraph');
    expect(list.html).toBe('- not one paragraph');
  });

  it('reports remark-lint findings in prose with the start of the text, per build', async () => {
    const engine = await loadProseEngine();
    const cache = new ProseCache();
    const md = 'See [the docs][d].\n\n[d]: https://a.example\n[d]: https://b.example';
    const ctx = new Prose(engine, cache);
    ctx.prose(md);
    expect(ctx.findings.map((m) => m.rule)).toContain('no-duplicate-definitions');
    expect(ctx.findings[0]?.path).toBe('spec prose "See [the docs][d]. [d]: https://a.example [d]: https://b...."');
    // Another build sharing the cache gets the findings from the cache, and the first keeps its own.
    const other = new Prose(engine, cache);
    other.prose(md);
    expect(other.remarkCalls).toBe(0);
    expect(other.findings).toEqual(ctx.findings);
    expect(new Prose(engine).findings).toEqual([]);
  });
});
