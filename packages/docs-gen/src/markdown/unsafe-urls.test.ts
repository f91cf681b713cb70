/**
 * Defence in depth behind `validate`'s unsafe-url check (issue #13): an unsafe URL or raw HTML that
 * still reaches docs-gen becomes text, in the Markdown and in the HTML; safe links stay links.
 */
import { isSafeUrl, proseUrls } from '@monspec/metrics-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileModel } from '../__fixtures__/hostile.js';
import { generate, verifyDocs } from '../index.js';
import { link } from './inline.js';
import { loadProseEngine, Prose } from './prose.js';

const plain = new Prose(undefined);
const text = (value: string) => plain.text(value);
const autolink = (url: string) => plain.autolink(url);
let ctx = new Prose(undefined);

const UNSAFE = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' java\tscript:alert(1)', 'java%73cript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x'];

/**
 * What in Markdown or HTML a browser or Markdown renderer could run: a link, image or attribute URL
 * that is not safe (found the way `validate` finds them), an unescaped script tag or event handler.
 * Text that merely reads `javascript:` is harmless.
 */
function live(s: string): string[] {
  const urls = proseUrls(s).filter((u) => !isSafeUrl(u));
  const tags = [...s.matchAll(/(?<!\\)<script|(?<!\\)<[a-z][^>]*\son\w+\s*=/gi)].map((m) => m[0]);
  return [...urls, ...tags];
}

describe('inline links', () => {
  for (const url of UNSAFE) {
    it(`link(…, ${JSON.stringify(url)}) keeps the text and drops the link`, () => {
      const f = link(text('Open it'), url);
      expect(f.md).toBe('Open it');
      expect(f.html).toBe('Open it');
    });
    it(`autolink(${JSON.stringify(url)}) is text`, () => {
      const f = autolink(url);
      expect(f.html).not.toContain('<a');
      expect(f.md).not.toMatch(/^</);
    });
  }
  it('keeps http, https, mailto and relative links', () => {
    expect(link('x', 'https://g.example/d/a?b=1').html).toBe('<a href="https://g.example/d/a?b=1">x</a>');
    expect(link('x', 'runbooks/A.md').md).toBe('[x](runbooks/A.md)');
    expect(autolink('http://g.example').html).toBe('<a href="http://g.example">http://g.example</a>');
  });
});

describe('prose', () => {
  beforeAll(async () => {
    const engine = await loadProseEngine();
    ctx = new Prose(engine);
  });

  const cases: Array<[string, string]> = [
    ['inline link', 'Click [here](javascript:alert(1)) now.'],
    ['mixed-case, encoded inline link', 'Click [here](JaVa&#x09;ScRiPt&colon;alert(1)) now.'],
    ['image', 'See ![the chart](data:image/svg+xml;base64,PHN2Zy8+) here.'],
    ['autolink', 'Visit <javascript:alert(1)> now.'],
    ['reference link and image', 'Click [here][r] or ![img][i].\n\n[r]: javascript:alert(1)\n[i]: data:image/png;base64,AAAA'],
    ['raw HTML link', 'Click <a href="javascript:alert(1)">here</a> now.'],
    ['raw HTML image with a handler', 'An <img src=x onerror=alert(1)> image.'],
    ['raw script block', '<script>alert(1)</script>\n\nAfter.'],
    ['raw HTML with a handler in a block', '<div onmouseover="alert(1)">hover</div>'],
  ];
  for (const [title, md] of cases) {
    it(`${title}: no live script in the Markdown or the HTML`, () => {
      const block = ctx.prose(md);
      const line = ctx.proseInline(md.split('\n')[0] ?? '');
      expect(live(block.md)).toEqual([]);
      expect(live(block.blockHtml ?? '')).toEqual([]);
      expect(live(line.md)).toEqual([]);
      expect(live(line.html)).toEqual([]);
      expect(ctx.findings).toEqual([]);
    });
  }

  it('keeps the text of a dropped link and the alt of a dropped image', () => {
    const f = ctx.prose('Click [here](javascript:alert(1)) or see ![the chart](data:x).');
    expect(f.blockHtml).toBe('<p>Click here or see the chart.</p>');
    expect(f.md).toBe('Click here or see the chart.');
  });

  it('keeps safe links', () => {
    const f = ctx.prose('See [the guide](https://x.example/g), <mailto:a@x.example> and [a runbook](runbooks/A.md).');
    expect(f.blockHtml).toBe('<p>See <a href="https://x.example/g">the guide</a>, <a href="mailto:a@x.example">mailto:a@x.example</a> and <a href="runbooks/A.md">a runbook</a>.</p>');
  });
});

describe("a hostile spec's documents", () => {
  it('are lint-clean, their links resolve, and every page is what remark renders from its Markdown', async () => {
    const artifacts = await generate(hostileModel());
    expect(await verifyDocs(artifacts)).toEqual({ lint: [], links: [], pages: [] });
    // The layout's empty favicon (`data:,`) is the site's own, and keeps Chromium from asking for one.
    for (const a of artifacts) expect(live(a.content.replace('<link rel="icon" href="data:,">', '')), a.path).toEqual([]);
  });
});
