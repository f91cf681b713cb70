/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * No script in the docs site (issue #13), in real headless Chromium: a hostile spec's URLs are
 * reported by `validate`, and when the same texts reach docs-gen anyway (hostileModel), its site is
 * opened page by page and every link is clicked. No dialog may open, nothing may navigate to a
 * scheme other than http(s), no element may carry a script, a handler or an unsafe URL, and the
 * Content-Security-Policy meta tag must be on every page and never be violated.
 */
import { compileSpec } from '@monspec/metrics-spec';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PROSE_URLS, HOSTILE_REPOSITORY, HOSTILE_SPEC, hostileModel } from '../__fixtures__/hostile.js';
import { generate } from '../index.js';
import { chromiumTools, openSite, type SiteInBrowser } from '@monspec/test-kit/browser';
import { SITE_CSP } from './site.js';

/** The 1-based line of the first line of a hostile spec file that starts with `prefix`. */
function lineOf(path: string, prefix: string): number {
  const text = HOSTILE_SPEC.find((f) => f.path === path)?.text ?? '';
  return text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}

describe('a hostile spec', () => {
  it('has every unsafe URL reported by validate at its file and line', () => {
    const result = compileSpec(HOSTILE_SPEC);
    expect(result.model).toBeUndefined();
    const found = result.diagnostics.filter((d) => d.ruleId === 'unsafe-url').map((d) => `${d.location?.file}:${d.location?.line} ${d.message}`);
    const fields: Array<[string, string]> = [
      ['service.yaml:4', 'service.description'],
      // The metric's and the runbook's lines move with the demo spec: find them rather than pin them.
      [`metrics.yaml:${lineOf('metrics.yaml', '    meaning: |')}`, 'metrics.demo_errors_total.meaning'],
      [`alerts.yaml:${lineOf('alerts.yaml', '    meaning: |')}`, 'runbooks.DemoHighErrorRate.meaning'],
    ];
    for (const [at, path] of fields) {
      for (const url of HOSTILE_PROSE_URLS) {
        const shown = JSON.stringify(url.length > 60 ? `${url.slice(0, 57)}...` : url);
        expect(found, `${at} ${url}`).toContainEqual(expect.stringMatching(new RegExp(`^${at} Unexpected URL ${escape(shown)} with the scheme "\\w+:" in ${escape(path)},`)));
      }
    }
    expect(found).toContainEqual(expect.stringContaining(`service.yaml:14 Unexpected URL "${HOSTILE_REPOSITORY}" with the scheme "javascript:" in service.repository`));
    expect(found).toHaveLength(fields.length * HOSTILE_PROSE_URLS.length + 1);
    // The raw HTML the site would drop is reported too, once per field.
    const html = result.diagnostics.filter((d) => d.ruleId === 'raw-html').map((d) => `${d.location?.file}:${d.location?.line} ${d.message}`);
    expect(html).toEqual(fields.map(([at, path]) => `${at} Unexpected raw HTML ${JSON.stringify('<a href="javascript:alert(7)">')} (and 4 more tags) in ${path}, expected Markdown without HTML (the docs drop it)`).sort());
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe.skipIf(chromiumTools.skip)(`a hostile spec's docs site in headless Chromium ${chromiumTools.reason}`, () => {
  let site: SiteInBrowser | undefined;
  let context: BrowserContext | undefined;
  let origin = '';
  let consoleErrors: string[] = [];
  const dialogs: string[] = [];
  const navigations: string[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    site = await openSite(await generate(hostileModel()));
    ({ context, origin, consoleErrors } = site);
    // Nothing leaves the machine: a link to the outside is answered with 204 (no navigation).
    await context.route(
      (url) => !url.href.startsWith(`${origin}/`),
      (route) => {
        foreign.push(route.request().url());
        return route.fulfill({ status: 204 });
      },
    );
    context.on('page', (p) => watch(p));
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  function watch(page: Page): void {
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    page.on('framenavigated', (f) => {
      if (!/^(?:https?:|about:blank$)/.test(f.url())) navigations.push(f.url());
    });
  }

  it('the policy allows no script and no inline style', () => {
    expect(SITE_CSP).toMatch(/^default-src 'none';/);
    expect(SITE_CSP).not.toMatch(/script-src|unsafe-|\*/);
  });

  it('opens every page and clicks every link: no dialog, no script, no unsafe URL, the CSP on every page', async () => {
    if (!context) throw new Error('no browser');
    const page = await context.newPage();
    const queue = [`${origin}/index.html`];
    const seen = new Set<string>();
    const problems: string[] = [];
    let clicks = 0;
    while (queue.length > 0) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      await page.goto(url);
      const facts = await page.evaluate(() => ({
        csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => (m as HTMLMetaElement).content),
        active: [...document.querySelectorAll('script, iframe, object, embed, form, base, frame')].map((e) => e.outerHTML.slice(0, 80)),
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
        urls: [...document.querySelectorAll('a[href], img[src], area[href]')].map((e) => (e as HTMLAnchorElement).href || (e as HTMLImageElement).src),
        links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
        text: document.body.innerText,
      }));
      if (facts.csp.length !== 1 || facts.csp[0] !== SITE_CSP) problems.push(`${url}: CSP ${JSON.stringify(facts.csp)}`);
      for (const a of facts.active) problems.push(`${url}: active element ${a}`);
      for (const h of facts.handlers) problems.push(`${url}: handler ${h}`);
      for (const u of facts.urls) if (!/^(?:https?|mailto):/.test(u)) problems.push(`${url}: URL ${u}`);
      for (const href of facts.links) {
        if (href.startsWith(`${origin}/`)) {
          const target = new URL(href);
          target.hash = '';
          queue.push(target.href);
        }
      }
      // Every link, clicked as a person would; back on this page before each click.
      for (let i = 0; i < facts.links.length; i++) {
        if (page.url().replace(/#.*$/, '') !== url) await page.goto(url);
        const link = page.locator('a[href]').nth(i);
        // Heading anchors show only while their heading is hovered, which a click's own scrolling can
        // end; a click event on them follows them all the same. Every other link is clicked for real.
        if (await link.evaluate((a) => a.classList.contains('anchor'))) await link.dispatchEvent('click');
        else await link.click();
        await page.waitForLoadState();
        clicks++;
      }
      if (url.endsWith('/DEMO_MONITORING_SETUP.html')) {
        // The hostile links' texts are still there, as text.
        expect(facts.text).toContain('Hostile prose: inline, mixed, encoded, percent.');
        expect(facts.text).toContain(HOSTILE_REPOSITORY);
        expect(facts.links).toContain('https://example.com/guide');
      }
    }
    await page.close();
    expect(dialogs).toEqual([]);
    expect(navigations).toEqual([]);
    expect(problems).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect([...seen].map((u) => new URL(u).pathname)).toEqual(expect.arrayContaining(['/index.html', '/DEMO_MONITORING_SETUP.html', '/metrics.html', '/runbooks/DemoHighErrorRate.html']));
    expect(clicks).toBeGreaterThan(50);
    expect(foreign).toContain('https://example.com/guide');
  }, 240_000);
});
