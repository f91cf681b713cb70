/**
 * The table of contents under a `Contents` heading, as remark-toc writes it (headings after it,
 * down to level 3, tight, nested by depth), in Markdown and in HTML.
 */
import { hrefAttribute } from '../markdown/html.js';
import type { TemplateHeading } from './blocks.js';

export const TOC_HEADING = 'Contents';
const MAX_DEPTH = 3;

interface Entry {
  readonly depth: number;
  readonly md: string;
  readonly html: string;
  readonly slug: string;
}

interface Node {
  readonly entry: Entry;
  readonly children: Node[];
}

/** The entries after the Contents heading, or undefined when the document has none. */
export function tocEntries(headings: readonly TemplateHeading[], slugs: readonly string[]): Entry[] | undefined {
  const at = headings.findIndex((h) => h.md === TOC_HEADING);
  if (at < 0) return undefined;
  const entries: Entry[] = [];
  for (let i = at + 1; i < headings.length; i++) {
    const h = headings[i];
    const slug = slugs[i];
    if (h && slug !== undefined && h.depth <= MAX_DEPTH) entries.push({ depth: h.depth, md: h.md, html: h.html.replace(/<a [^>]*>|<\/a>/g, ''), slug });
  }
  return entries;
}

function tree(entries: readonly Entry[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const entry of entries) {
    const node = { entry, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.entry.depth ?? 0) >= entry.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

export function tocMarkdown(entries: readonly Entry[]): string {
  const lines: string[] = [];
  const walk = (nodes: readonly Node[], indent: string) => {
    for (const n of nodes) {
      lines.push(`${indent}- [${n.entry.md}](#${n.entry.slug})`);
      walk(n.children, `${indent}  `);
    }
  };
  walk(tree(entries), '');
  return lines.join('\n');
}

export function tocHtml(entries: readonly Entry[]): string {
  const list = (nodes: readonly Node[]): string =>
    ['<ul>', ...nodes.map((n) => {
      const a = `<a href="${hrefAttribute(`#${n.entry.slug}`)}">${n.entry.html}</a>`;
      return n.children.length === 0 ? `<li>${a}</li>` : `<li>${a}\n${list(n.children)}\n</li>`;
    }), '</ul>'].join('\n');
  return list(tree(entries));
}
