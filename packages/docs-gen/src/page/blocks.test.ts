import { describe, expect, it } from 'vitest';
import { Fragment } from '../markdown/fragment.js';
import { templateHtml } from './blocks.js';
import { token } from './tokens.js';

describe('templateHtml', () => {
  it('prints the template blocks, with values from their fragments', () => {
    const value = new Fragment('`x`', '<code>x</code>');
    const { html, headings } = templateHtml(`# T ${token(0)}\n\n<!-- c -->\n\n- [ ] a\n- [ ] b\n\n| A |\n| --- |\n| ${token(0)} |\n`, [value]);
    expect(html).toBe(
      '<h1\uE002>T <code>x</code></h1>\n<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" disabled> a</li>\n' +
        '<li class="task-list-item"><input type="checkbox" disabled> b</li>\n</ul>\n<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>x</code></td>\n</tr>\n</tbody>\n</table>',
    );
    expect(headings).toEqual([{ depth: 1, md: 'T `x`', html: 'T <code>x</code>' }]);
  });

  it('refuses what it would print differently from remark, naming the line', () => {
    expect(() => templateHtml('para\n- item\n', [])).toThrow(/line 2: "- item", expected a blank line before a new block/);
    expect(() => templateHtml('- a\n\n- b\n', [])).toThrow(/line 3: "- b", expected no second list right after a list/);
    expect(() => templateHtml('some *emphasis*\n', [])).toThrow(/line 1: "some \*emphasis\*", expected plain text, code spans and escapes/);
    expect(() => templateHtml('| A |\n| --- |\n| 1 | 2 |\n', [])).toThrow(/line 3: .*expected 1 cells like the header/);
  });
});
