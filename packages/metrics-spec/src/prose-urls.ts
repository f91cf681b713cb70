/**
 * The URLs a piece of spec prose would turn into links or images: a superset of what CommonMark,
 * GFM and raw HTML make of it, read without a Markdown parser (metrics-spec does not load remark).
 * Only each URL's start matters to the caller (its scheme, url-safety.ts), so a destination cut
 * short at a parenthesis is fine; finding too much can only report a URL that would not have been a
 * link, never miss one that would. So code spans are scanned too: telling them apart from escaped
 * backticks is the parser's job, and a `javascript:` link inside code is rare enough to rewrite.
 */

const PATTERNS: readonly RegExp[] = [
  // Inline links and images: [text](dest) / ![alt](<dest>); a destination may hold balanced parentheses.
  /\]\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))+)/g,
  // Reference definitions: [label]: dest.
  /^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)/gm,
  // Autolinks <scheme:...>; a tag like <span> has no scheme and is harmless to collect.
  /<([A-Za-z][^\s<>]*)>/g,
  // Raw HTML attributes that take a URL.
  /\b(?:href|src|srcset|action|formaction|xlink:href|poster|background|cite|data|ping)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi,
];

export function proseUrls(prose: string): string[] {
  // Every pattern needs one of these; most prose has none.
  if (!/[<\]=]/.test(prose)) return [];
  const urls: string[] = [];
  for (const pattern of PATTERNS) {
    for (const m of prose.matchAll(pattern)) {
      const raw = m[1] ?? '';
      urls.push(/^(?:<.*>|".*"|'.*')$/s.test(raw) ? raw.slice(1, -1) : raw);
    }
  }
  // One URL can match two patterns (`[x](<javascript:y>)` is also an autolink's shape).
  return [...new Set(urls)];
}
