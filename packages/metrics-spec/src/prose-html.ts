/**
 * Raw HTML in spec prose, found roughly as CommonMark finds it (tags, closing tags, comments,
 * processing instructions, declarations) outside code spans and fenced blocks. The docs never render
 * raw HTML, so what this finds would be lost.
 */

/** Fenced blocks and code spans (a backtick run closed by one of the same length); an escaped backtick opens none. */
const CODE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[`~]*[ \t]*(?=\n|(?![\s\S]))|(?![\s\S]))|(?<!\\)(`+)(?!`)[\s\S]*?(?<!`)\2(?!`)/gm;

const TAG = /(?<!\\)<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|style|pre|textarea)(?=[\s>]|$))/gim;

export function proseHtml(prose: string): string[] {
  if (!prose.includes('<')) return [];
  return [...prose.replace(CODE, ' ').matchAll(TAG)].map((m) => m[0]);
}
