import { describe, expect, it } from 'vitest';
import { quoteLabelValue, unquoteString } from './quote.js';

describe('unquoteString (PromQL and LogQL string literals, Go escapes)', () => {
  it('reads backticks raw and leaves unquoted text alone', () => {
    expect(unquoteString('`a\\nb`')).toBe('a\\nb');
    expect(unquoteString('job')).toBe('job');
  });
  it('reads the escapes Go defines, in double and single quotes', () => {
    expect(unquoteString('"a\\nb\\tc"')).toBe('a\nb\tc');
    expect(unquoteString('"say \\"hi\\" \\\\ done"')).toBe('say "hi" \\ done');
    expect(unquoteString("'it\\'s'")).toBe("it's");
    expect(unquoteString('"\\x41\\101\\u00e9\\U0001F600"')).toBe('AAé😀');
    // \x and octal escapes are bytes: two of them make one UTF-8 character.
    expect(unquoteString('"\\xc3\\xa9"')).toBe('é');
  });
  it('keeps non-ASCII text and a regex escape PromQL passes through as written', () => {
    expect(unquoteString('"é😀"')).toBe('é😀');
    expect(unquoteString('"5\\\\d{2}"')).toBe('5\\d{2}');
  });
  it('reads back what quoteLabelValue writes', () => {
    for (const v of ['plain', 'a"b', 'back\\slash', 'two\nlines', 'é']) expect(unquoteString(quoteLabelValue(v))).toBe(v);
  });
});

describe('the PromQL and LogQL analyses read literals through unquoteString', () => {
  it('a matcher value with \\n is a newline, not the letter n', async () => {
    const { analyzePromql } = await import('./analyze.js');
    const { analyzeLogql } = await import('./logql.js');
    expect(analyzePromql('demo_total{path=~"a\\nb|\\x41"}').selectors[0]?.matchers[0]?.value).toBe('a\nb|A');
    expect(analyzeLogql('{app="demo"} |~ "a\\tb"').regexes[0]?.pattern).toBe('a\tb');
  });
});
