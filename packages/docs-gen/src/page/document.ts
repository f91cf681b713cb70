/**
 * One document from its template and view model, printed twice: the Markdown for `docs/` and the
 * HTML body of its site page. View values become tokens, the template renders once, and the two
 * outputs replace the tokens with each value's Markdown or HTML.
 */
import { Fragment } from '../markdown/fragment.js';
import { cellMarkdown } from '../markdown/inline.js';
import { render } from '../render.js';
import type { TemplateName } from '../templates/templates.generated.js';
import { templateHtml } from './blocks.js';
import { anchorHeadings } from './headings.js';
import { rewriteDocLinks } from './site-links.js';
import { TOC_HEADING, tocEntries, tocHtml, tocMarkdown } from './toc.js';
import { TOKEN, token } from './tokens.js';

export interface RenderedDocument {
  readonly markdown: string;
  /** The site page's body (inside `<main>`). */
  readonly body: string;
}

/** A line of a pipe table, as the page printer reads one (blocks.ts). */
const TABLE_ROW = /^\|.*\|\s*$/;

type ViewValue = Fragment | string | number | boolean | undefined | readonly ViewValue[] | { readonly [key: string]: ViewValue };

/** The view with every fragment replaced by its token (empty fragments by nothing). */
function tokenize(value: unknown, fragments: Fragment[]): ViewValue {
  if (value instanceof Fragment) {
    if (value.md === '') return '';
    fragments.push(value);
    return token(fragments.length - 1);
  }
  if (Array.isArray(value)) return value.map((v) => tokenize(v, fragments));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, ViewValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = tokenize(v, fragments);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === undefined) return value;
  throw new Error(`Unexpected ${typeof value} in a view model, expected fragments, strings, numbers and lists`);
}

/** One blank line between blocks at most, no trailing spaces, one final newline. */
function tidy(skeleton: string): string {
  return `${skeleton.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

export function renderDocument(template: TemplateName, view: object, doc: string, docs: ReadonlySet<string>): RenderedDocument {
  const fragments: Fragment[] = [];
  const skeleton = tidy(render(template, tokenize(view, fragments) as object));
  const { html, headings } = templateHtml(skeleton, fragments);
  const anchored = anchorHeadings(html);
  // Every value in a table row is printed as a cell (one line, pipes escaped), whether or not its
  // view wrapped it in cell(): a `|` in a spec value must never split a row.
  let markdown = skeleton
    .split('\n')
    .map((line) => (TABLE_ROW.test(line) ? line.replace(TOKEN, (_, i: string) => cellMarkdown(fragments[Number(i)]?.md ?? '')) : line.replace(TOKEN, (_, i: string) => fragments[Number(i)]?.md ?? '')))
    .join('\n');
  let body = anchored.html;
  const toc = tocEntries(headings, anchored.slugs);
  if (toc && toc.length > 0) {
    const heading = `\n## ${TOC_HEADING}\n\n`;
    markdown = markdown.replace(heading, `${heading}${tocMarkdown(toc)}\n\n`);
    body = body.replace(/(<h2 id="contents">.*<\/h2>)\n/, `$1\n${tocHtml(toc)}\n`);
  }
  return { markdown, body: rewriteDocLinks(body, doc, docs) };
}
