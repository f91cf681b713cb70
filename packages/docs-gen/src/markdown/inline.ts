/**
 * Markdown inline helpers used by the view models: the templates receive strings that are already
 * valid Markdown (escaped text, code spans, links, table cells), so they never format anything.
 */

/** A code span that survives any backticks inside `code`. */
export function code(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  const runs = oneLine.match(/`+/g) ?? [];
  const longest = runs.reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** A fenced code block (with a fence longer than any backtick run inside). */
export function codeBlock(text: string, lang: string): string {
  const runs = text.match(/`{3,}/g) ?? [];
  const longest = runs.reduce((max, run) => Math.max(max, run.length), 2);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\s+$/, '')}\n${fence}`;
}

/** Plain text that must not be read as Markdown (names, titles from the spec). */
export function text(value: string): string {
  return value.replace(/([\\`*_[\]<>#|~])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

/** A table cell from Markdown: one line, pipes escaped (also inside code spans, as GFM requires). */
export function cell(markdown: string): string {
  const oneLine = markdown.replace(/\s*\n\s*/g, ' ').trim();
  return oneLine === '' ? '—' : oneLine.replace(/(?<!\\)\|/g, '\\|');
}

/**
 * An inline link. Characters Markdown would escape in a destination but URLs may carry encoded
 * (parentheses, spaces, angle brackets, quotes) are percent-encoded, so the raw Markdown stays readable.
 */
export function link(label: string, href: string): string {
  return `[${label}](${href.replace(/[\s()<>'"*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

/** `1 alert`, `2 alerts`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Prose from the spec: trimmed, kept as Markdown. */
export function prose(markdown: string): string {
  return markdown.trim();
}
