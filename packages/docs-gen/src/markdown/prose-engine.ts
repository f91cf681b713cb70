/**
 * remark for the prose that is more than plain text: parse (GFM), remark-lint, canonical Markdown and
 * HTML. Loaded on demand (prose.ts), so a spec whose prose is plain text never pays for remark.
 */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { dropUnsafe } from './drop-unsafe.js';
import { linter, lintTree } from './pipeline.js';
import type { ProseEngine, ProseResult } from './prose.js';

const toHtml = unified().use(remarkRehype).use(rehypeStringify).freeze();

function html(tree: Root): string {
  return toHtml.stringify(toHtml.runSync(structuredClone(tree)));
}

/** Where lint findings in prose point: the start of the text, since prose has no file of its own. */
function label(markdown: string): string {
  const start = markdown.trim().replace(/\s+/g, ' ');
  return `spec prose "${start.length > 60 ? `${start.slice(0, 57)}...` : start}"`;
}

/** The canonical Markdown of `tree` (the style the generated documents use), linted and rendered. */
function result(markdown: string, tree: Root): ProseResult {
  dropUnsafe(tree);
  const md = linter.stringify(tree).trim();
  const canonical = linter.parse(`${md}\n`);
  return { md, html: html(canonical), lint: lintTree(label(markdown), `${md}\n`, canonical) };
}

export function createProseEngine(): ProseEngine {
  return {
    block(markdown) {
      return result(markdown, linter.parse(`${markdown.trim()}\n`));
    },
    inline(markdown) {
      const tree = linter.parse(markdown);
      const only = tree.children[0];
      if (tree.children.length !== 1 || only?.type !== 'paragraph') return undefined;
      const r = result(markdown, tree);
      return { ...r, html: r.html.replace(/^<p>/, '').replace(/<\/p>$/, '') };
    },
  };
}
