/**
 * The HTML of one line of inline Markdown in the small subset monspec writes itself: plain text,
 * code spans and backslash escapes. Anything that could mean more in CommonMark or GFM (emphasis,
 * links, raw HTML, entities, autolink literals, hard breaks) returns undefined: the caller then
 * needs remark (spec prose) or has a bug (generated text). The tests compare every result with
 * remark's rendering.
 */
import { escapeText } from './html.js';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ENTITY = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
/** What GFM turns into links by itself: emails, `www.` and `scheme://` literals. */
const AUTOLINK_LITERAL = /@|:\/\/|www\./i;
/** The characters the loop below treats specially; runs of any others are copied in one piece. */
const SPECIAL = /[\\`_&<*[\]~\t\n\r]/g;

export function inlineHtml(md: string): string | undefined {
  let out = '';
  let text = ''; // everything outside code spans, where GFM looks for autolink literals
  let i = 0;
  while (i < md.length) {
    const c = md.charAt(i);
    switch (c) {
      case '\\': {
        const next = md.charAt(i + 1);
        if (next === '') return undefined; // a hard break at the end of a line
        if (ASCII_PUNCTUATION.test(next)) {
          out += escapeText(next);
          text += next;
          i += 2;
        } else {
          out += '\\';
          i += 1;
        }
        break;
      }
      case '`': {
        const span = codeSpan(md, i);
        if (!span) return undefined;
        out += `<code>${escapeText(span.content)}</code>`;
        text += ' ';
        i = span.end;
        break;
      }
      case '_':
        // Literal unless it could close emphasis; an opener with no closer stays literal in CommonMark,
        // and any closer (on this line or another of the paragraph) sends the text to remark.
        {
          let end = i;
          while (md.charAt(end) === '_') end++;
          if (canCloseUnderscore(md, i, end)) return undefined;
          out += md.slice(i, end);
          text += md.slice(i, end - 1); // the loop's end adds the last one
          i = end;
        }
        break;
      case '&':
        if (ENTITY.test(md.slice(i, i + 40))) return undefined;
        out += '&#x26;';
        i += 1;
        break;
      case '<':
        // `<` before a letter, `/`, `!` or `?` may open raw HTML or an autolink.
        if (/[A-Za-z/!?]/.test(md.charAt(i + 1))) return undefined;
        out += '&#x3C;';
        i += 1;
        break;
      case '*':
      case '[':
      case ']':
      case '~':
      case '\t':
      case '\n':
      case '\r':
        return undefined;
      default: {
        // A run of ordinary characters at once (one slice, not a string per character).
        SPECIAL.lastIndex = i;
        const end = SPECIAL.exec(md)?.index ?? md.length;
        const run = md.slice(i, end);
        out += run;
        text += run;
        i = end;
        continue;
      }
    }
    if (c !== '\\' && c !== '`') text += c;
  }
  return AUTOLINK_LITERAL.test(text) ? undefined : out;
}

/** The code span opening at `start` (a backtick run), or undefined when no run of the same length closes it. */
function codeSpan(md: string, start: number): { content: string; end: number } | undefined {
  let n = 0;
  while (md.charAt(start + n) === '`') n++;
  let i = start + n;
  while (i < md.length) {
    const open = md.indexOf('`', i);
    if (open < 0) return undefined;
    let m = 0;
    while (md.charAt(open + m) === '`') m++;
    if (m === n) {
      let content = md.slice(start + n, open);
      if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
      return { content, end: open + m };
    }
    i = open + m;
  }
  return undefined;
}

/** CommonMark's rule for the `_` delimiter run `md[at, end)` closing emphasis. */
function canCloseUnderscore(md: string, at: number, end: number): boolean {
  const before = md.charAt(at - 1) || ' ';
  const after = md.charAt(end) || ' ';
  const leftFlanking = !WHITESPACE.test(after) && (!PUNCTUATION.test(after) || WHITESPACE.test(before) || PUNCTUATION.test(before));
  const rightFlanking = !WHITESPACE.test(before) && (!PUNCTUATION.test(before) || WHITESPACE.test(after) || PUNCTUATION.test(after));
  return rightFlanking && (!leftFlanking || PUNCTUATION.test(after));
}
