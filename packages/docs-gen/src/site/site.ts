/**
 * The static docs site: each document's page body (printed by construction, page/document.ts) in a
 * layout with navigation. No remote assets: one local stylesheet, Mermaid stays a code block.
 */
import type { TextFile } from '@monspec/metrics-spec';
import { METRICS_DOC, SITE_CSS, relativePath, sitePage } from '../paths.js';
import { asset, render } from '../render.js';

/**
 * The site's Content-Security-Policy (a meta tag on every page): no script of any kind, the local
 * stylesheet only, no forms, no <base>. Images may be local, `data:` (the empty favicon) or https
 * (a picture in spec prose); an image cannot run script. Unsafe URLs are dropped before this
 * (markdown/drop-unsafe.ts, `link`); the policy holds even if one were missed.
 */
export const SITE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data: https:; base-uri 'none'; form-action 'none'";

export interface SitePage {
  /** Path relative to `docs/` (`index.md` is the site's home page and exists only on the site). */
  readonly doc: string;
  /** Plain text, for the page title. */
  readonly title: string;
  /** HTML inside `<main>`. */
  readonly body: string;
}

interface NavItem {
  readonly label: string;
  readonly href: string;
  readonly current: boolean;
}

export interface SiteOptions {
  readonly siteTitle: string;
  readonly environment: string;
  /** The setup guide's document name (from the spec). */
  readonly setupGuide: string;
}

/** The pages (paths relative to `site/`) and the stylesheet. */
export function renderSite(pages: readonly SitePage[], options: SiteOptions): TextFile[] {
  const known = new Set(pages.map((d) => d.doc));
  const out: TextFile[] = [];
  for (const p of pages) {
    const page = sitePage(p.doc);
    // [label, document, fragment]; a document the site lacks has no entry.
    const navTargets: ReadonlyArray<[string, string, string]> = [
      ['Home', 'index.md', ''],
      ['Setup guide', options.setupGuide, ''],
      ['Metrics', METRICS_DOC, ''],
      ['Dashboards', 'index.md', '#dashboards'],
      ['Runbooks', 'index.md', '#runbooks'],
    ];
    const nav: NavItem[] = navTargets
      .filter(([, doc]) => known.has(doc))
      .map(([label, doc, fragment]) => ({ label, href: relativePath(page, sitePage(doc)) + fragment, current: sitePage(doc) === page && fragment === '' }));
    const content = render('layout.html', {
      title: p.title,
      csp: SITE_CSP,
      siteTitle: options.siteTitle,
      environment: options.environment,
      css: relativePath(page, SITE_CSS),
      home: relativePath(page, 'index.html'),
      nav,
      body: p.body,
    });
    out.push({ path: page, content });
  }
  out.push({ path: SITE_CSS, content: asset('site.css') });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
