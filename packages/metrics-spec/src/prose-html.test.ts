import { describe, expect, it } from 'vitest';
import { proseHtml } from './prose-html.js';

describe('proseHtml', () => {
  it('finds tags, closing tags, comments, declarations and block starts', () => {
    expect(proseHtml('a <b>bold</b> <br/> <img src=x onerror=alert(1)> <!-- c --> <!DOCTYPE html> <?php ?>')).toEqual([
      '<b>',
      '</b>',
      '<br/>',
      '<img src=x onerror=alert(1)>',
      '<!--',
      '<!D',
      '<?',
    ]);
    expect(proseHtml('<script\nalert(1)')).toEqual(['<script']);
    expect(proseHtml('<a href="javascript:x">y</a>')).toEqual(['<a href="javascript:x">', '</a>']);
  });

  it('leaves code, autolinks, emails, comparisons and escapes alone', () => {
    expect(proseHtml('Set `<namespace>` and ``a `<b>` c``.')).toEqual([]);
    expect(proseHtml('```yaml\n<div>\n```\nafter')).toEqual([]);
    expect(proseHtml('Before\n\n~~~html\n<p>one</p>\n<p>two</p>\n~~~\n\n<b>after</b>')).toEqual(['<b>', '</b>']);
    expect(proseHtml('```\nnever closed\n<div>')).toEqual([]);
    expect(proseHtml('See <https://example.com/x> or <ops@example.com>.')).toEqual([]);
    expect(proseHtml('p99 < 5 s and a<b, x <= 3, \\<div> escaped.')).toEqual([]);
  });

  it('an escaped backtick opens no code span', () => {
    expect(proseHtml('\\` <b>x</b> \\`')).toEqual(['<b>', '</b>']);
  });
});
