/**
 * Heading anchors the way the site's reference pipeline (rehype-slug + rehype-autolink-headings)
 * and GitHub make them: github-slugger over the heading's text, numbered when repeated, and a `#`
 * link appended to each heading.
 */
import GithubSlugger from 'github-slugger';
import { escapeAttribute, htmlToText } from '../markdown/html.js';
import { TEMPLATE_HEADING_MARK } from './blocks.js';

const HEADING = new RegExp(`<h([1-6])(${TEMPLATE_HEADING_MARK})?>([\\s\\S]*?)</h\\1>`, 'g');

/**
 * Gives every heading of `html` its id and anchor link; returns the slugs of the template's headings
 * in order (for the table of contents).
 */
export function anchorHeadings(html: string): { html: string; slugs: string[] } {
  const slugger = new GithubSlugger();
  const slugs: string[] = [];
  const out = html.replace(HEADING, (_, depth: string, mark: string | undefined, inner: string) => {
    const slug = slugger.slug(htmlToText(inner));
    if (mark) slugs.push(slug);
    const id = escapeAttribute(slug);
    return `<h${depth} id="${id}">${inner}<a class="anchor" aria-hidden="true" tabindex="-1" href="#${id}">#</a></h${depth}>`;
  });
  return { html: out, slugs };
}
