/**
 * Prose from the spec (meanings, impacts, descriptions) is Markdown written by people. Most of it is
 * plain text, which is rendered here directly; anything else (emphasis, links, lists, URLs that GFM
 * links by itself) goes through remark, which is loaded only when a spec needs it (prose-engine.ts)
 * and remembered per text. `generate` builds its documents, and when something needed remark that
 * was not loaded yet, loads it and builds them again.
 */
import { Fragment } from './fragment.js';
import { inlineHtml } from './inline-html.js';
// inline.ts imports this module too; each uses the other only inside functions.
import { text } from './inline.js';
import type { LintMessage } from './lint-message.js';
import { RoundMemo } from '../memo.js';

/** remark's answer for one piece of prose. */
export interface ProseResult {
  readonly md: string;
  readonly html: string;
  readonly lint: readonly LintMessage[];
}

export interface ProseEngine {
  /** Prose as blocks: canonical Markdown and the HTML of its blocks. */
  block(markdown: string): ProseResult;
  /** Prose on one line: undefined when it is not a single paragraph. */
  inline(markdown: string): ProseResult | undefined;
}

let engine: ProseEngine | undefined;
let missing = false;
const blocks = new RoundMemo<ProseResult>();
const inlines = new RoundMemo<ProseResult | null>();
let findings: LintMessage[] = [];

/** Starts one document build: forgets what the round before last used and the findings. */
export function startProseRound(): void {
  blocks.nextRound();
  inlines.nextRound();
  missing = false;
  findings = [];
}

/** True when the round rendered prose that needs remark and remark was not loaded. */
export function proseEngineMissing(): boolean {
  return missing;
}

/** remark-lint findings of the prose rendered this round. */
export function proseFindings(): readonly LintMessage[] {
  return findings;
}

export async function loadProseEngine(): Promise<void> {
  engine ??= (await import('./prose-engine.js')).createProseEngine();
}

const oneLine = (s: string) => s.trim().replace(/\s*\n\s*/g, ' ');

/** A line that would open a block (heading, quote, list, fence, table, setext underline, HTML). */
const BLOCK_START = /^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|=+\s*$|-+\s*$|`{3}|~{3}|\||<)/;

/** Plain paragraphs as Markdown and HTML, or undefined when the text needs remark. */
function plainBlocks(markdown: string): { md: string; html: string } | undefined {
  const paragraphs = markdown.trim().split(/\n[ \t]*\n\s*/);
  const md: string[] = [];
  const html: string[] = [];
  for (const p of paragraphs) {
    if (p.includes('|')) return undefined; // a GFM table needs no leading pipe
    const rawLines = p.split('\n');
    if (/^( {4,}|\t)/.test(rawLines[0] ?? '')) return undefined; // an indented code block
    const lines = rawLines.map((l) => l.trim());
    const converted: string[] = [];
    for (const line of lines) {
      if (BLOCK_START.test(line)) return undefined;
      const h = inlineHtml(line);
      if (h === undefined) return undefined;
      converted.push(h);
    }
    md.push(lines.join('\n'));
    html.push(`<p>${converted.join('\n')}</p>`);
  }
  return { md: md.join('\n\n'), html: html.join('\n') };
}

/** remark's result, remembered; a placeholder (not remembered) while remark is not loaded. */
function viaEngine<T>(memo: RoundMemo<T>, key: string, make: (e: ProseEngine) => T, placeholder: T): T {
  const e = engine;
  if (!e) {
    missing = true;
    return placeholder;
  }
  return memo.get(key, () => make(e));
}

/** Prose standing alone as one or more blocks (a meaning, a dashboard description). */
export function prose(markdown: string): Fragment {
  if (markdown.trim() === '') return new Fragment('', '');
  const plain = plainBlocks(markdown);
  if (plain) return new Fragment(plain.md, plain.html, plain.html);
  const result = viaEngine(blocks, markdown, (e) => e.block(markdown), { md: markdown.trim(), html: '', lint: [] });
  findings.push(...result.lint);
  return new Fragment(result.md, result.html, result.html);
}

/**
 * Prose inside a line (a table cell, a list item, after a label): flattened to one line. Prose that
 * is not one paragraph there (a heading, a list) is shown as its text.
 */
export function proseInline(markdown: string): Fragment {
  const line = oneLine(markdown);
  if (line === '') return new Fragment('', '');
  const html = BLOCK_START.test(line) ? undefined : inlineHtml(line);
  if (html !== undefined) return new Fragment(line, html);
  const result = viaEngine(inlines, line, (e) => e.inline(line) ?? null, { md: line, html: '', lint: [] });
  if (result === null) return text(line);
  findings.push(...result.lint);
  return new Fragment(result.md, result.html);
}

/**
 * The HTML of escaped text (`text()`) that GFM would autolink (emails, URLs): remark's, or undefined
 * when the text has nothing GFM links.
 */
export function autolinkedInline(md: string): string | undefined {
  if (!/@|:\/\/|www\./i.test(md)) return undefined;
  const result = viaEngine(inlines, md, (e) => e.inline(md) ?? null, null);
  return result?.html ?? '';
}
