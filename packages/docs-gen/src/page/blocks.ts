/**
 * The HTML of a rendered template. A template's output is Markdown in which every view-model value
 * is an opaque token (tokens.ts), so what is parsed here is only the template's own structure:
 * headings, paragraphs, pipe tables, tight lists (with task items), one-paragraph block quotes and
 * HTML comments, always separated by blank lines. Anything else is a template bug and throws. The
 * HTML is what remark-rehype prints for the same Markdown (the tests compare them).
 */
import type { Fragment } from '../markdown/fragment.js';
import { inlineHtml } from '../markdown/inline-html.js';
import { TOKEN, TOKEN_ONLY } from './tokens.js';

/** A heading of the template, in document order. */
export interface TemplateHeading {
  readonly depth: number;
  readonly md: string;
  readonly html: string;
}

/** Marks the headings the template wrote (as opposed to headings inside spec prose). */
export const TEMPLATE_HEADING_MARK = '\uE002';

const HEADING = /^(#{1,6}) +(.*?)\s*$/;
const COMMENT = /^<!--.*-->\s*$/;
const QUOTE = /^> ?(.*)$/;
const TASK = /^- \[([ xX])\] (.*)$/;
const BULLET = /^- (.*)$/;
const ORDERED = /^(\d{1,9})\. (.*)$/;
const ROW = /^\|.*\|\s*$/;
const DELIMITER = /^\|(?: *-+ *\|)+\s*$/;

class TemplateError extends Error {
  constructor(line: number, text: string, expected: string) {
    super(`Unexpected template output at line ${line}: ${JSON.stringify(text)}, expected ${expected}`);
    this.name = 'TemplateError';
  }
}

export function templateHtml(skeleton: string, fragments: readonly Fragment[]): { html: string; headings: TemplateHeading[] } {
  const lines = skeleton.split('\n');
  const out: string[] = [];
  const headings: TemplateHeading[] = [];
  const inline = (text: string, at: number, cellText = false): string => {
    let html = '';
    let last = 0;
    for (const m of text.matchAll(TOKEN)) {
      html += staticHtml(text.slice(last, m.index), at, cellText);
      html += fragment(fragments, m[1], at).html;
      last = (m.index ?? 0) + m[0].length;
    }
    return html + staticHtml(text.slice(last), at, cellText);
  };
  const md = (text: string, at: number) => text.replace(TOKEN, (_, i: string) => fragment(fragments, i, at).md);

  let i = 0;
  const at = () => i + 1;
  const line = () => lines[i] ?? '';
  const blank = () => line().trim() === '';
  while (i < lines.length) {
    const l = line();
    if (blank()) {
      i++;
      continue;
    }
    const only = TOKEN_ONLY.exec(l.trim());
    const block = only ? fragment(fragments, only[1], at()).blockHtml : undefined;
    if (block !== undefined) {
      if (block !== '') out.push(block);
      i++;
    } else if (COMMENT.test(l)) {
      i++; // remark-rehype drops raw HTML
    } else if (HEADING.test(l)) {
      const [, hashes = '', content = ''] = HEADING.exec(l) ?? [];
      const heading = { depth: hashes.length, md: md(content, at()), html: inline(content, at()) };
      headings.push(heading);
      out.push(`<h${heading.depth}${TEMPLATE_HEADING_MARK}>${heading.html}</h${heading.depth}>`);
      i++;
    } else if (QUOTE.test(l)) {
      const parts: string[] = [];
      while (i < lines.length && QUOTE.test(line())) {
        parts.push(inline((QUOTE.exec(line())?.[1] ?? '').trim(), at()));
        i++;
      }
      out.push(`<blockquote>\n<p>${parts.join('\n')}</p>\n</blockquote>`);
    } else if (BULLET.test(l) || ORDERED.test(l)) {
      out.push(list());
    } else if (ROW.test(l) && DELIMITER.test(lines[i + 1] ?? '')) {
      out.push(table());
    } else {
      const parts: string[] = [];
      while (i < lines.length && !blank()) {
        if (parts.length > 0 && startsBlock(line())) throw new TemplateError(at(), line(), 'a blank line before a new block');
        parts.push(inline(line().trim(), at()));
        i++;
      }
      out.push(`<p>${parts.join('\n')}</p>`);
    }
    if (i < lines.length && !blank()) throw new TemplateError(at(), line(), 'a blank line after the block above');
  }
  return { html: out.join('\n'), headings };

  function list(): string {
    const ordered = ORDERED.exec(line());
    const items: string[] = [];
    let tasks = false;
    while (i < lines.length && !blank()) {
      const l = line();
      const task = ordered ? null : TASK.exec(l);
      const item = ordered ? ORDERED.exec(l) : BULLET.exec(l);
      if (!item) throw new TemplateError(at(), l, ordered ? 'an ordered list item' : 'a bullet list item');
      if (task) {
        tasks = true;
        const checked = task[1] === ' ' ? '' : ' checked';
        items.push(`<li class="task-list-item"><input type="checkbox"${checked} disabled> ${inline(task[2] ?? '', at())}</li>`);
      } else {
        items.push(`<li>${inline((ordered ? item[2] : item[1]) ?? '', at())}</li>`);
      }
      i++;
    }
    // A list after a blank line would join this one as a loose list in CommonMark.
    let next = i;
    while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
    const after = lines[next] ?? '';
    if (ordered ? ORDERED.test(after) : BULLET.test(after)) throw new TemplateError(next + 1, after, 'no second list right after a list (CommonMark joins them into one loose list)');
    const start = ordered && ordered[1] !== '1' ? ` start="${Number(ordered[1])}"` : '';
    const open = ordered ? `<ol${start}>` : tasks ? '<ul class="contains-task-list">' : '<ul>';
    return [open, ...items, ordered ? '</ol>' : '</ul>'].join('\n');
  }

  function table(): string {
    const header = cells(line());
    i += 2;
    const rows: string[][] = [];
    while (i < lines.length && ROW.test(line())) {
      const row = cells(line());
      if (row.length !== header.length) throw new TemplateError(at(), line(), `${header.length} cells like the header`);
      rows.push(row);
      i++;
    }
    const tr = (row: readonly string[], tag: string, n: number) => ['<tr>', ...row.map((c) => `<${tag}>${inline(c, n, true)}</${tag}>`), '</tr>'].join('\n');
    const head = ['<thead>', tr(header, 'th', at()), '</thead>'].join('\n');
    const body = rows.length === 0 ? [] : ['<tbody>', ...rows.map((r) => tr(r, 'td', at())), '</tbody>'];
    return ['<table>', head, ...body, '</table>'].join('\n');
  }
}

function startsBlock(l: string): boolean {
  return HEADING.test(l) || QUOTE.test(l) || BULLET.test(l) || ORDERED.test(l) || COMMENT.test(l) || ROW.test(l);
}

function fragment(fragments: readonly Fragment[], index: string | undefined, at: number): Fragment {
  const f = fragments[Number(index)];
  if (!f) throw new TemplateError(at, String(index), 'a token of this document');
  return f;
}

/** Text the template (or a plain view string) wrote; in a table cell `\|` is a literal pipe. */
function staticHtml(md: string, at: number, cellText: boolean): string {
  if (md === '') return '';
  const html = inlineHtml(cellText ? md.replace(/\\\|/g, '|') : md);
  if (html === undefined) throw new TemplateError(at, md, 'plain text, code spans and escapes (wrap spec text in text() or prose())');
  return html;
}

/** Cells of a table row: outer pipes dropped, split at unescaped pipes, trimmed. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}
