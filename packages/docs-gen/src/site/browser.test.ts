/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The site in real headless Chromium (Debian `chromium` via playwright-core): served from a loopback
 * HTTP server, it follows navigation to a runbook and back, visits every page, checks every relative
 * link and anchor, that nothing remote is requested, that no console error occurs, and that pages fit
 * a phone's width. Every page carries the site's Content-Security-Policy and violates none of it. Runs always in CI (CI=true); locally it is skipped only without Chromium.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptorOf } from '@monspec/metrics-spec';
import { previewsGenerator } from '@monspec/preview';
import { generate } from '../index.js';
import { SITE_CSP } from './site.js';
import { embeddedModel } from '../test-support/embedded.js';
import { chromiumTools, openSite, type SiteInBrowser } from '@monspec/test-kit/browser';

describe.skipIf(chromiumTools.skip)(`docs site in headless Chromium ${chromiumTools.reason}`, () => {
  let site: SiteInBrowser | undefined;
  let context: BrowserContext | undefined;
  let origin = '';
  let served: string[] = [];
  let notFound: string[] = [];
  let consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  const failedRequests: string[] = [];

  beforeAll(async () => {
    // The site as the build writes it: the docs and the dashboard previews, which the docs find by role.
    const model = embeddedModel('production');
    const previews = previewsGenerator.generate(model);
    site = await openSite([...(await generate(model, { artifacts: previews.map(descriptorOf) })), ...previews]);
    ({ context, origin, served, notFound, consoleErrors } = site);
    context.on('request', (r) => {
      if (!r.url().startsWith(`${origin}/`)) foreignRequests.push(r.url());
    });
    context.on('requestfailed', (r) => failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
  }, 60_000);

  afterAll(async () => {
    await site?.close();
  });

  async function newPage(): Promise<Page> {
    if (!context) throw new Error('no browser');
    return context.newPage();
  }

  it('shows the architecture as a picture, not as diagram source', async () => {
    const page = await newPage();
    await page.goto(`${origin}/TUNNEL_MONITORING_SETUP.html`);
    const picture = page.locator('img[src="architecture.svg"]');
    await picture.scrollIntoViewIfNeeded();
    const size = await picture.evaluate((img: HTMLImageElement) => (img.complete ? { w: img.naturalWidth, h: img.naturalHeight } : { w: 0, h: 0 }));
    expect(size.w).toBeGreaterThan(400);
    expect(size.h).toBeGreaterThan(100);
    expect(await page.locator('code.language-mermaid').count()).toBe(0);
    await page.close();
  });

  it('follows navigation to a runbook and back', async () => {
    const page = await newPage();
    await page.goto(`${origin}/index.html`);
    expect(await page.locator('h1').textContent()).toMatch(/SSH WebSocket Tunnel monitoring/);

    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Runbooks' }).click();
    await page.waitForURL(`${origin}/index.html#runbooks`);
    await page.locator('#runbooks ~ table').getByRole('link', { name: 'HighErrorRate', exact: true }).click();
    await page.waitForURL(`${origin}/runbooks/HighErrorRate.html`);
    expect(await page.locator('h1').textContent()).toMatch(/^HighErrorRate/);
    expect(await page.locator('h2#diagnosis').count()).toBe(1);

    await page.getByRole('link', { name: 'Alerts overview in the setup guide' }).click();
    await page.waitForURL(`${origin}/TUNNEL_MONITORING_SETUP.html#alerts`);
    expect(await page.locator('h2#alerts').isVisible()).toBe(true);

    await page.goBack();
    await page.waitForURL(`${origin}/runbooks/HighErrorRate.html`);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(`${origin}/index.html`);
    expect(await page.locator('h1').textContent()).toMatch(/SSH WebSocket Tunnel monitoring/);
    await page.close();
  }, 60_000);

  it('visits every page: all relative links and anchors resolve, pages fit a phone', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const queue = [`${origin}/index.html`];
    const idsOf = new Map<string, readonly string[]>();
    const fragments: Array<{ from: string; page: string; hash: string }> = [];
    const broken: string[] = [];
    const tooWide: string[] = [];
    const withoutCsp: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift() as string;
      if (idsOf.has(url)) continue;
      const response = await page.goto(url);
      if (response?.status() !== 200) {
        broken.push(`${url}: HTTP ${response?.status()}`);
        idsOf.set(url, []);
        continue;
      }
      const { links, ids, scrollWidth, innerWidth, csp } = await page.evaluate(() => ({
        csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => (m as HTMLMetaElement).content),
        links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      idsOf.set(url, ids);
      if (csp.length !== 1 || csp[0] !== SITE_CSP) withoutCsp.push(`${url}: ${JSON.stringify(csp)}`);
      if (scrollWidth > innerWidth) tooWide.push(`${url}: ${scrollWidth}px > ${innerWidth}px`);
      for (const href of links) {
        if (!href.startsWith(`${origin}/`)) continue;
        const target = new URL(href);
        const hash = decodeURIComponent(target.hash.slice(1));
        target.hash = '';
        if (hash) fragments.push({ from: url, page: target.href, hash });
        if (!idsOf.has(target.href)) queue.push(target.href);
      }
    }
    for (const f of fragments) {
      if (!(idsOf.get(f.page) ?? []).includes(f.hash)) broken.push(`${f.from}: ${f.page}#${f.hash}`);
    }
    const seen = new Set(idsOf.keys());
    await page.close();
    expect(broken).toEqual([]);
    expect(tooWide).toEqual([]);
    expect(withoutCsp).toEqual([]);
    const pages = [...seen].map((u) => new URL(u).pathname);
    expect(pages).toContain('/TUNNEL_MONITORING_SETUP.html');
    expect(pages).toContain('/metrics.html');
    expect(pages).toContain('/runbooks/RequestSuccessBudgetBurn.html');
    expect(pages.filter((p) => p.startsWith('/runbooks/')).length).toBeGreaterThanOrEqual(new Set(embeddedModel('production').alerts.map((a) => a.name)).size);
  }, 120_000);

  it('every dashboard has a page, linked from the navigation, showing its preview at desktop and phone widths', async () => {
    const model = embeddedModel('production');
    const page = await newPage();
    await page.goto(`${origin}/index.html`);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Dashboards' }).click();
    await page.waitForURL(`${origin}/index.html#dashboards`);
    const problems: string[] = [];
    for (const d of model.dashboards) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${origin}/index.html`);
        await page.locator('#dashboards ~ ul').first().getByRole('link', { name: d.title, exact: true }).click();
        await page.waitForURL(`${origin}/dashboards/${d.uid}.html`);
        const picture = page.locator(`img[src="${d.uid}.svg"]`);
        await picture.scrollIntoViewIfNeeded();
        const seen = await picture.evaluate((img: HTMLImageElement) => ({ natural: img.complete ? img.naturalWidth : 0, shown: img.getBoundingClientRect().width, alt: img.alt }));
        const { scrollWidth, innerWidth, panels } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, panels: [...document.querySelectorAll('h3')].map((h) => (h.textContent ?? '').replace(/#$/, '')) }));
        if (seen.natural !== 1600) problems.push(`${d.uid} at ${width}px: picture not loaded (${seen.natural})`);
        if (seen.shown > innerWidth || scrollWidth > innerWidth) problems.push(`${d.uid} at ${width}px: wider than the window (${seen.shown}, ${scrollWidth} > ${innerWidth})`);
        if (!seen.alt.includes('sample data')) problems.push(`${d.uid}: alt text does not say sample data: ${seen.alt}`);
        if (JSON.stringify(panels) !== JSON.stringify(d.panels.map((p) => p.title))) problems.push(`${d.uid}: panels ${JSON.stringify(panels)}`);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('saw no console error, no 404, no failed or remote request', () => {
    expect(consoleErrors).toEqual([]);
    expect(notFound).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(served).toContain('/style.css');
  });
});
