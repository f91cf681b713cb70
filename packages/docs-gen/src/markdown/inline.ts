/**
 * Inline helpers for the view models. Each returns a Fragment: valid Markdown (escaped text, code
 * spans, links, table cells) and the HTML remark would render from it, so templates never format.
 */
import { isSafeUrl } from '@monspec/metrics-spec';
import { Fragment, asFragment, type Piece } from './fragment.js';
import { escapeText, hrefAttribute } from './html.js';

/** remark's HTML of escaped text that GFM autolinks, or undefined when it has nothing GFM links. */
export type Autolinked = (md: string) => string | undefined;

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/** A code span that survives any backticks inside `code`. */
export function code(value: string): Fragment {
  const content = oneLine(value);
  if (content === '') return new Fragment('', '');
  const runs = content.match(/`+/g) ?? [];
  const longest = runs.reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each side when both are there; pad so the content survives.
  const stripped = content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '';
  const pad = content.startsWith('`') || content.endsWith('`') || stripped ? ' ' : '';
  return new Fragment(`${fence}${pad}${content}${pad}${fence}`, `<code>${escapeText(content)}</code>`);
}

/** A fenced code block (with a fence longer than any backtick run inside). */
export function codeBlock(value: string, lang: string): Fragment {
  const body = value.replace(/\s+$/, '');
  const runs = body.match(/`{3,}/g) ?? [];
  const longest = runs.reduce((max, run) => Math.max(max, run.length), 2);
  const fence = '`'.repeat(longest + 1);
  const html = `<pre><code class="language-${escapeText(lang)}">${escapeText(body)}\n</code></pre>`;
  return new Fragment(`${fence}${lang}\n${body}\n${fence}`, html, html);
}

/**
 * Plain text that must not be read as Markdown (names, titles from the spec): syntax characters are
 * escaped, and so is what would start a block at the beginning of a line. GFM links email addresses
 * and URLs in text whatever the escapes, so such text takes its HTML from remark through
 * `autolinked` (the build's `Prose`, prose.ts).
 */
export function textWith(value: string, autolinked: Autolinked): Fragment {
  const plain = oneLine(value).trim();
  const md = plain
    .replace(/[\\`*[\]|~]|<(?=[A-Za-z/!?])|_(?![A-Za-z0-9])|(?<![A-Za-z0-9])_|&(?=#?[A-Za-z0-9]+;)/g, '\\$&')
    .replace(/^(#{1,6}(?=\s|$)|[-+=>])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
  return new Fragment(md, autolinked(md) ?? escapeText(plain));
}

/** Markdown made safe inside a table cell: one line, pipes escaped (also inside code spans, as GFM requires). */
export function cellMarkdown(md: string): string {
  return oneLine(md).trim().replace(/(?<!\\)\|/g, '\\|');
}

/** A table cell: one line, pipes escaped, never empty. */
export function cell(piece: Piece): Fragment {
  const f = asFragment(piece);
  const md = cellMarkdown(f.md);
  return md === '' ? new Fragment('—', '—') : new Fragment(md, f.html);
}

/**
 * An inline link. Characters Markdown would escape in a destination but URLs may carry encoded
 * (parentheses, spaces, angle brackets, quotes, backslashes) are percent-encoded, so the raw
 * Markdown stays readable; `&` is escaped only where it would read as a character reference.
 */
export function link(label: Piece, href: string): Fragment {
  const f = asFragment(label);
  // A script or data URL that got past `validate` (unsafe-url) is not linked: the text stays.
  if (!isSafeUrl(href)) return f;
  const url = href.replace(/[\s()<>'"*!\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  const destination = url.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  // GFM makes no links inside a link's text, so autolinked label text loses its anchors.
  const labelHtml = f.html.replace(/<a [^>]*>|<\/a>/g, '');
  return new Fragment(`[${f.md}](${destination})`, `<a href="${hrefAttribute(url)}">${labelHtml}</a>`);
}

/** Whether `autolinkWith` shows `url` as a CommonMark autolink (else as text, linked when safe). */
export function isAutolinkUrl(url: string): boolean {
  // CommonMark autolinks exclude ASCII controls, so the class names them on purpose.
  // eslint-disable-next-line no-control-regex -- matching controls is the point
  return isSafeUrl(url) && /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*$/.test(url);
}

/** A URL shown as itself (`<https://…>`); the text of other links is given to `link`. */
export function autolinkWith(url: string, autolinked: Autolinked): Fragment {
  if (!isSafeUrl(url)) return textWith(url, autolinked);
  if (!isAutolinkUrl(url)) return link(textWith(url, autolinked), url);
  return new Fragment(`<${url}>`, `<a href="${hrefAttribute(url)}">${escapeText(url)}</a>`);
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Whether `emailWith` shows `address` as an autolink (else as text). */
export function isEmailAddress(address: string): boolean {
  return EMAIL.test(address);
}

/** An email address as an autolink (`<a@b.example>`), or as text when it is not one CommonMark accepts. */
export function emailWith(address: string, autolinked: Autolinked): Fragment {
  if (!isEmailAddress(address)) return textWith(address, autolinked);
  return new Fragment(`<${address}>`, `<a href="${hrefAttribute(`mailto:${address}`)}">${escapeText(address)}</a>`);
}

/** `1 alert`, `2 alerts`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
