/**
 * A piece of a document in both of its outputs: the Markdown written to `docs/` and the HTML the
 * site shows. View models hold fragments, so each document is printed once as Markdown and once as
 * HTML without parsing Markdown at build time; the tests prove the HTML equals remark's rendering
 * of the Markdown.
 */
import { inlineHtml } from './inline-html.js';

export class Fragment {
  constructor(
    /** Markdown source (one line for inline fragments). */
    readonly md: string,
    /** HTML of the fragment inside a paragraph, table cell or list item. */
    readonly html: string,
    /** HTML when the fragment stands alone as a block (code blocks, multi-paragraph prose). */
    readonly blockHtml?: string,
  ) {}

  toString(): string {
    return this.md;
  }
}

/** Markdown written by monspec itself (template text, plain view strings) as a fragment. */
function fromMarkdown(md: string): Fragment {
  const html = inlineHtml(md);
  if (html === undefined) {
    throw new Error(`Unexpected Markdown ${JSON.stringify(md)} in generated text, expected plain text, code spans and escapes (wrap spec text in text() or prose())`);
  }
  return new Fragment(md, html);
}

export type Piece = Fragment | string | number;

export function asFragment(piece: Piece): Fragment {
  return piece instanceof Fragment ? piece : fromMarkdown(String(piece));
}

/** Fragments and monspec's own Markdown, concatenated: ``inline`Use ${code(x)} instead.` ``. */
export function inline(strings: TemplateStringsArray, ...values: Piece[]): Fragment {
  const parts: Fragment[] = [];
  strings.forEach((s, i) => {
    if (s !== '') parts.push(fromMarkdown(s));
    const v = values[i];
    if (v !== undefined) parts.push(asFragment(v));
  });
  return concat(parts);
}

function concat(parts: readonly Piece[]): Fragment {
  const fragments = parts.map(asFragment);
  return new Fragment(fragments.map((f) => f.md).join(''), fragments.map((f) => f.html).join(''));
}

/** `parts` separated by `separator` (monspec's own Markdown, e.g. `', '`). */
export function join(parts: readonly Piece[], separator: string): Fragment {
  const sep = fromMarkdown(separator);
  const out: Fragment[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(sep);
    out.push(asFragment(p));
  });
  return concat(out);
}
