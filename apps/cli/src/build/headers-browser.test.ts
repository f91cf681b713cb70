/// <reference lib="dom" />
/**
 * The site as the build writes it, note included, in real headless Chromium: the note comes before the
 * doctype (headers.ts), which the HTML syntax allows and which must leave every page in standards mode
 * (https://html.spec.whatwg.org/multipage/parsing.html#the-initial-insertion-mode: a comment token is
 * kept, only a missing doctype means quirks). Always in CI; locally skipped only without Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { chromiumTools, openSite, type SiteInBrowser } from '@monspec/test-kit/browser';
import { TOOL_VERSION } from '../version.js';
import { generateEnvironment } from './generate-all.js';

describe.skipIf(chromiumTools.skip)(`the written site in headless Chromium ${chromiumTools.reason}`, () => {
  let site: SiteInBrowser | undefined;
  let pages: string[] = [];

  beforeAll(async () => {
    const model = compileSpecDir().model;
    if (!model) throw new Error('the embedded spec must compile');
    const artifacts = (await generateEnvironment(model, TOOL_VERSION)).artifacts;
    pages = artifacts.filter((a) => a.path.startsWith('site/') && a.path.endsWith('.html')).map((a) => a.path.slice('site/'.length));
    site = await openSite(artifacts);
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  it('opens every page, its note first, in standards mode without console errors', async () => {
    if (!site) throw new Error('no browser');
    expect(pages.length).toBeGreaterThan(5);
    const page = await site.context.newPage();
    for (const path of pages) {
      await page.goto(`${site.origin}/${path}`);
      const seen = await page.evaluate(() => ({ mode: document.compatMode, first: document.firstChild?.nodeName, doctype: document.doctype?.name }));
      expect(seen, path).toEqual({ mode: 'CSS1Compat', first: '#comment', doctype: 'html' });
    }
    await page.close();
    expect(site.consoleErrors).toEqual([]);
    expect(site.notFound).toEqual([]);
  });
});
