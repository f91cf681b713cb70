/**
 * The one rule for URLs that reach HTML (links and images in spec prose, the repository, Grafana and
 * runbook base URLs): only http, https, mailto and relative URLs are allowed. `validate` reports the
 * others (checks/unsafe-url.ts) and docs-gen drops any that still reach it.
 *
 * The scheme is read the way the most lenient reader could read it: HTML character references and
 * percent-encoding decoded (repeatedly: `&amp;#106;` is `j` after two decodings), every whitespace,
 * control and invisible character removed, case folded. So `JaVa&#x09;Script&colon;`, `java%73cript:`
 * and ` \u0000javascript:` are all the `javascript` scheme. Erring this way can only flag an odd
 * relative URL (`a%3Ab`), never pass a script.
 */

export const SAFE_URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** Named references that can spell a scheme's characters or hide one (HTML's list is long; these are the ones that matter here). */
const NAMED: Readonly<Record<string, string>> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  bsol: '\\',
  num: '#',
  percnt: '%',
  period: '.',
  plus: '+',
  dash: '-',
  hyphen: '-',
  lpar: '(',
  rpar: ')',
  semi: ';',
  zwj: '\u200d',
  zwnj: '\u200c',
  shy: '\u00ad',
};

/** Whitespace, C0/C1 controls and invisible format characters: browsers skip some of them inside a scheme, so all are ignored. */
// eslint-disable-next-line no-control-regex -- browsers ignore these controls inside a scheme
const IGNORED = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

function codePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
}

function decodeOnce(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => codePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => codePoint(Number.parseInt(dec, 10)))
    .replace(/&([a-z]+);?/gi, (whole, name: string) => NAMED[name.toLowerCase()] ?? whole)
    .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The scheme of `url` after normalisation (lower case, no `:`), or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  let s = url;
  // Bounded: each round only shortens the text, and five cover any nesting a reader would undo.
  // Without `&` or `%` there is nothing to decode (most URLs: skipped, the docs check thousands).
  for (let i = 0; i < 5 && /[&%]/.test(s); i++) {
    const next = decodeOnce(s);
    if (next === s) break;
    s = next;
  }
  s = s.replace(IGNORED, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(s)?.[1];
}

/** True for http, https, mailto and relative URLs. */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || SAFE_URL_SCHEMES.includes(scheme);
}
