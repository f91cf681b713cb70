/**
 * HTML escaping exactly as the site pipeline's reference (hast-util-to-html with its defaults)
 * writes it, so pages built by construction equal what remark-rehype would print.
 */
import { normalizeUri } from 'micromark-util-sanitize-uri';

/** Text content: `&` and `<` as hexadecimal references. */
export function escapeText(value: string): string {
  return value.replace(/[&<]/g, (c) => (c === '&' ? '&#x26;' : '&#x3C;'));
}

/** A double-quoted attribute value: `&` and `"`. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"]/g, (c) => (c === '&' ? '&#x26;' : '&#x22;'));
}

/** A link destination as mdast-util-to-hast writes it into `href`: URI-normalised, then escaped. */
export function hrefAttribute(url: string): string {
  return escapeAttribute(normalizeUri(url));
}

/** Character references (numeric, and the named ones HTML printers use) decoded. */
export function decodeReferences(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '');
}

/** Text of an HTML fragment: tags dropped, references decoded. */
export function htmlToText(html: string): string {
  return decodeReferences(html.replace(/<[^>]*>/g, ''));
}
