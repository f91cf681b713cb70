/**
 * Whether a regular expression is one Prometheus and Loki accept. Both use Go's `regexp` package
 * (RE2 syntax, https://github.com/google/re2/wiki/Syntax and https://pkg.go.dev/regexp/syntax),
 * which has no lookaround, backreferences, possessive or atomic groups, conditionals, recursion,
 * `\C`, `\G`, `\Z`, and allows repeat counts up to 1000.
 *
 * How: a deny list of those constructs (scanned outside character classes, escape-aware), then the
 * pattern is translated from RE2-only syntax into JavaScript (inline flags dropped, `(?P<n>` to
 * `(?<n>`, `\Q…\E`, `\pL`, `\z`, POSIX classes, punctuation escapes, literal braces) and compiled
 * with JavaScript's RegExp in `u` mode, which catches the rest (unbalanced parentheses, bad ranges,
 * nothing to repeat).
 */
export function re2Problem(pattern: string): string | undefined {
  const denied = deniedConstruct(pattern);
  if (denied) return denied;
  try {
    new RegExp(toJs(pattern), 'u');
  } catch (err) {
    return `invalid regular expression (${((err as Error).message.split(': ').pop() ?? '').trim() || 'syntax error'})`;
  }
  return undefined;
}

const DENIED: ReadonlyArray<[RegExp, string]> = [
  [/^\(\?<?[=!]/, 'lookaround (?= (?! (?<= (?<!'],
  [/^\(\?>/, 'an atomic group (?>'],
  // Go accepts (?<name>…) only since 1.22; the Prometheus builds in use reject it. (?P<name>…) works everywhere.
  [/^\(\?<[A-Za-z_]/, 'a named group (?<name>…) (write (?P<name>…))'],
  [/^\(\?\(/, 'a conditional (?('],
  [/^\(\?(R|[+-]?\d|&|P>|P=)/, 'recursion or a named backreference'],
  [/^\\[1-9]/, 'a backreference'],
  [/^\\[kg][<{'\d-]/, 'a backreference'],
  [/^\\[CGZXRKhHV]/, 'an escape RE2 does not support'],
];

/** The first construct RE2 rejects, scanning outside character classes. */
function deniedConstruct(p: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (!inClass) {
        if (p[i + 1] === 'Q') {
          const end = p.indexOf('\\E', i + 2);
          i = end < 0 ? p.length : end + 1;
          continue;
        }
        for (const [re, what] of DENIED) if (re.test(p.slice(i, i + 4))) return `${what}, which RE2 does not support`;
      }
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '[' && p[i + 1] === ':') {
        const end = p.indexOf(':]', i + 2);
        if (end > 0) i = end + 1;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (p[i + 1] === '^') i++;
      if (p[i + 1] === ']') i++;
      continue;
    }
    if (c === '(') {
      for (const [re, what] of DENIED) if (re.test(p.slice(i, i + 4))) return `${what}, which RE2 does not support`;
    }
    if ((c === '*' || c === '+' || c === '?' || c === '}') && p[i + 1] === '+') {
      // `a++` is a possessive quantifier elsewhere; RE2 reads it as a repeated repetition and rejects it.
      if (c !== '}' || /\{\d+(,\d*)?\}$/.test(p.slice(0, i + 1))) return `a possessive quantifier ${c}+, which RE2 does not support`;
    }
    if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(p.slice(i));
      if (m && (Number(m[1]) > 1000 || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > 1000))) return `a repeat count above 1000 (${m[0]}), which RE2 does not support`;
    }
  }
  return undefined;
}

const hexEscape = (ch: string) => `\\u{${(ch.codePointAt(0) as number).toString(16)}}`;

/** RE2 syntax into JavaScript `u`-mode syntax with the same validity (not the same meaning). */
function toJs(p: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) return out + '\\';
      if (n === 'Q' && !inClass) {
        const end = p.indexOf('\\E', i + 2);
        const lit = p.slice(i + 2, end < 0 ? p.length : end);
        out += [...lit].map(hexEscape).join('');
        i = end < 0 ? p.length : end + 1;
        continue;
      }
      if (n === 'p' || n === 'P') {
        const m = /^\\[pP](\{\^?[A-Za-z_]+\}|[A-Za-z])/.exec(p.slice(i));
        if (m) {
          out += '\\w';
          i += m[0].length - 1;
          continue;
        }
      }
      if (n === 'z' || n === 'A') {
        out += inClass ? '\\' + n : n === 'z' ? '$' : '^';
        i++;
        continue;
      }
      if (/[^A-Za-z0-9]/.test(n)) {
        out += hexEscape(n);
        i++;
        continue;
      }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[' && p[i + 1] === ':') {
        const end = p.indexOf(':]', i + 2);
        if (end > 0) {
          out += 'a';
          i = end + 1;
          continue;
        }
      }
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (p[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (p[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && p[i + 1] === '?') {
      const flags = /^\(\?[imsU-]*\)/.exec(p.slice(i));
      if (flags && flags[0].length > 3) {
        i += flags[0].length - 1;
        continue;
      }
      const group = /^\(\?[imsU-]*:/.exec(p.slice(i));
      if (group && group[0].length > 3) {
        out += '(?:';
        i += group[0].length - 1;
        continue;
      }
      if (p.startsWith('(?P<', i)) {
        out += '(?<';
        i += 3;
        continue;
      }
    }
    if (c === '{') {
      const repeat = /^\{\d+(,\d*)?\}/.exec(p.slice(i));
      out += repeat ? repeat[0] : '\\{';
      if (repeat) i += repeat[0].length - 1;
      continue;
    }
    if (c === '}' || c === ']') {
      out += '\\' + c;
      continue;
    }
    out += c;
  }
  return out;
}
