/**
 * The reference rendering of a document's page body: remark (GFM) → links to documents rewritten to
 * pages → remark-rehype → rehype-slug → rehype-autolink-headings → rehype-stringify. The generator
 * prints pages by construction; `verifyDocs` and the tests compare them with this.
 */
import type { Root } from 'mdast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseMarkdown } from '../markdown/pipeline.js';
import { isExternal, relativePath, resolvePath, sitePage } from '../paths.js';

/** Relative links to `.md` documents become links to their pages, relative to this page. */
function rewriteLinks(tree: Root, doc: string, docs: ReadonlySet<string>): void {
  const page = sitePage(doc);
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const href = node.url;
    if (isExternal(href) || href.startsWith('#')) return;
    const hash = href.indexOf('#');
    const target = resolvePath(doc, hash < 0 ? href : href.slice(0, hash));
    if (!docs.has(target)) return;
    node.url = relativePath(page, sitePage(target)) + (hash < 0 ? '' : href.slice(hash));
  });
}

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

/** The page body remark renders from `markdown` (the document at `doc`, among `docs`). */
export function referenceBody(markdown: string, doc: string, docs: ReadonlySet<string>): string {
  const tree = parseMarkdown(markdown);
  rewriteLinks(tree, doc, docs);
  const file = new VFile({ path: doc, value: markdown });
  return toHast.stringify(toHast.runSync(tree, file), file);
}
