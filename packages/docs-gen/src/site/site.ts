/**
 * The static docs site: each Markdown document through unified (remark-gfm, link rewriting from
 * `.md` to `.html`, remark-rehype, rehype-slug, rehype-autolink-headings, rehype-stringify), wrapped in
 * a layout with navigation. No remote assets: one local stylesheet, Mermaid stays a code block.
 */
import type { Artifact } from '@monspec/metrics-spec';
import type { Root } from 'mdast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseMarkdown } from '../markdown/pipeline.js';
import { SETUP_GUIDE, METRICS_DOC, SITE_CSS, isExternal, relativePath, resolvePath, sitePage } from '../paths.js';
import { asset, render } from '../render.js';

export interface SiteDoc {
  /** Path relative to `docs/` (`index.md` is the site's home page and exists only on the site). */
  readonly doc: string;
  readonly title: string;
  readonly markdown: string;
}

interface RewriteOptions {
  readonly doc: string;
  readonly docs: ReadonlySet<string>;
}

/** Relative links to `.md` documents become links to their pages, relative to this page. */
function rewriteLinks(options: RewriteOptions) {
  return (tree: Root) => {
    const page = sitePage(options.doc);
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const href = node.url;
      if (isExternal(href) || href.startsWith('#')) return;
      const hash = href.indexOf('#');
      const pathPart = hash < 0 ? href : href.slice(0, hash);
      const fragment = hash < 0 ? '' : href.slice(hash);
      const target = resolvePath(options.doc, pathPart);
      if (!options.docs.has(target)) return;
      node.url = relativePath(page, sitePage(target)) + fragment;
    });
  };
}

/** mdast to HTML; frozen once, since building a processor per page costs more than small pages do. */
const toHast = unified()
  .use(remarkRehype)
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, {
    behavior: 'append',
    properties: { className: ['anchor'], ariaHidden: 'true', tabIndex: -1 },
    content: { type: 'text', value: '#' },
  })
  .use(rehypeStringify)
  .freeze();

/**
 * The page body of `doc` from its parsed Markdown (`parseMarkdown(doc.markdown)`). Rewrites the
 * tree's links in place, so run lint and link scans over the tree first.
 */
export function pageBody(doc: SiteDoc, tree: Root, docs: ReadonlySet<string>): string {
  rewriteLinks({ doc: doc.doc, docs })(tree);
  const file = new VFile({ path: doc.doc, value: doc.markdown });
  return toHast.stringify(toHast.runSync(tree, file), file);
}

function toHtml(doc: SiteDoc, docs: ReadonlySet<string>): string {
  return pageBody(doc, parseMarkdown(doc.markdown), docs);
}

interface NavItem {
  readonly label: string;
  readonly href: string;
  readonly current: boolean;
}

export interface SiteOptions {
  readonly siteTitle: string;
  readonly environment: string;
}

/**
 * The pages (paths relative to `site/`) and the stylesheet. `body` gives a page's HTML body when the
 * caller has it already (default: `doc.markdown` through the site pipeline).
 */
export function renderSite(docs: readonly SiteDoc[], options: SiteOptions, body: (doc: SiteDoc, known: ReadonlySet<string>) => string = toHtml): Artifact[] {
  const known = new Set(docs.map((d) => d.doc));
  const out: Artifact[] = [];
  for (const doc of docs) {
    const page = sitePage(doc.doc);
    const navTargets: ReadonlyArray<[string, string, string]> = [
      ['Home', 'index.html', ''],
      ['Setup guide', sitePage(SETUP_GUIDE), ''],
      ['Metrics', sitePage(METRICS_DOC), ''],
      ['Runbooks', 'index.html', '#runbooks'],
    ];
    const nav: NavItem[] = navTargets
      .filter(([, target]) => target === 'index.html' || known.has(target === 'setup.html' ? SETUP_GUIDE : METRICS_DOC))
      .map(([label, target, fragment]) => ({ label, href: relativePath(page, target) + fragment, current: target === page && fragment === '' }));
    const content = render('layout.html', {
      title: doc.title,
      siteTitle: options.siteTitle,
      environment: options.environment,
      css: relativePath(page, SITE_CSS),
      home: relativePath(page, 'index.html'),
      nav,
      body: body(doc, known),
    });
    out.push({ path: page, content });
  }
  out.push({ path: SITE_CSS, content: asset('site.css') });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
