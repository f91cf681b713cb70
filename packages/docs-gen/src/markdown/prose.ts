/**
 * Prose from the spec (meanings, impacts, descriptions) is Markdown written by people. Most of it is
 * plain text, which is rendered here directly; anything else (emphasis, links, lists, URLs that GFM
 * links by itself) goes through remark, which is loaded only when a spec needs it (prose-engine.ts).
 *
 * No module-level state: `generate` decides before rendering whether the model's prose needs remark
 * (`needsRemark` over `docStrings`, with the same predicates the renderer uses), loads it once, and
 * renders every document once through a `Prose` of its own call. remark's answers are remembered in
 * a `ProseCache` the caller may own and pass again (the CLI keeps one per process).
 */
import { Fragment } from './fragment.js';
import { inlineHtml } from './inline-html.js';
import { autolinkWith, emailWith, textWith } from './inline.js';
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

/** remark, loaded on demand (the dynamic import's module cache makes a second load cheap). */
export async function loadProseEngine(): Promise<ProseEngine> {
  return (await import('./prose-engine.js')).createProseEngine();
}

/**
 * Thrown when a string needs remark in a build that decided up front it needs none: docStrings
 * (view/doc-strings.ts) misses the field it comes from. `generate` catches it and renders again with
 * remark, so a user never sees it; its test keeps the list complete.
 */
export class RemarkNotLoaded extends Error {
  constructor(readonly text: string) {
    super(`Unexpected spec text ${JSON.stringify(text)} that needs remark in a build that decided it needs none, expected docStrings (view/doc-strings.ts) to list every spec string the documents render`);
    this.name = 'RemarkNotLoaded';
  }
}

/**
 * remark's answers remembered across builds: one round is one build, so `build --watch` and
 * `--all-envs` send to remark only the spec prose that changed. Values are pure functions of their
 * keys, so builds that share a cache (even concurrently) get the same bytes.
 */
export class ProseCache {
  readonly blocks = new RoundMemo<ProseResult>();
  readonly inlines = new RoundMemo<ProseResult | null>();

  nextRound(): void {
    this.blocks.nextRound();
    this.inlines.nextRound();
  }
}

/** The spec strings the documents render, by how they are rendered (view/doc-strings.ts lists them). */
export interface ProseStrings {
  /** Through `prose` (blocks). */
  readonly blocks: Iterable<string>;
  /** Through `proseInline`. */
  readonly inlines: Iterable<string>;
  /** Through `text` (and `email`/`autolink` when they fall back to text). */
  readonly texts: Iterable<string>;
}

const oneLine = (s: string) => s.trim().replace(/\s*\n\s*/g, ' ');

/** A line that would open a block (heading, quote, list, fence, table, setext underline, HTML). */
const BLOCK_START = /^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|=+\s*$|-+\s*$|`{3}|~{3}|\||<)/;

/** What GFM links by itself in text (emails, `www.`, `scheme://`); escaping does not touch these characters. */
const AUTOLINK_LITERAL = /@|:\/\/|www\./i;

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

/** The HTML of a one-line prose string, or undefined when it needs remark. */
function plainInline(line: string): string | undefined {
  return BLOCK_START.test(line) ? undefined : inlineHtml(line);
}

/** Whether rendering these strings needs remark: the predicates `Prose` applies while rendering. */
export function needsRemark(strings: ProseStrings): boolean {
  for (const s of strings.blocks) if (s.trim() !== '' && plainBlocks(s) === undefined) return true;
  for (const s of strings.inlines) {
    const line = oneLine(s);
    if (line !== '' && plainInline(line) === undefined) return true;
  }
  for (const s of strings.texts) if (AUTOLINK_LITERAL.test(s)) return true;
  return false;
}

/**
 * The prose renderer of one build: remark (when the build decided it needs it), the cache, and the
 * remark-lint findings of the prose it rendered.
 */
export class Prose {
  private readonly found: LintMessage[] = [];
  /** How many times remark was asked (cache misses); the tests read it. */
  remarkCalls = 0;

  constructor(
    private readonly engine: ProseEngine | undefined,
    private readonly cache: ProseCache = new ProseCache(),
  ) {}

  /** remark-lint findings of the prose rendered so far. */
  get findings(): readonly LintMessage[] {
    return this.found;
  }

  private remark<T>(memo: RoundMemo<T>, key: string, make: (e: ProseEngine) => T): T {
    const e = this.engine;
    if (!e) {
      // A string the up-front decision did not see: docStrings misses the field it comes from.
      throw new RemarkNotLoaded(key);
    }
    return memo.get(key, () => {
      this.remarkCalls++;
      return make(e);
    });
  }

  /** Prose standing alone as one or more blocks (a meaning, a dashboard description). */
  prose(markdown: string): Fragment {
    if (markdown.trim() === '') return new Fragment('', '');
    const plain = plainBlocks(markdown);
    if (plain) return new Fragment(plain.md, plain.html, plain.html);
    const result = this.remark(this.cache.blocks, markdown, (e) => e.block(markdown));
    this.found.push(...result.lint);
    return new Fragment(result.md, result.html, result.html);
  }

  /**
   * Prose inside a line (a table cell, a list item, after a label): flattened to one line. Prose that
   * is not one paragraph there (a heading, a list) is shown as its text.
   */
  proseInline(markdown: string): Fragment {
    const line = oneLine(markdown);
    if (line === '') return new Fragment('', '');
    const html = plainInline(line);
    if (html !== undefined) return new Fragment(line, html);
    const result = this.remark(this.cache.inlines, line, (e) => e.inline(line) ?? null);
    if (result === null) return this.text(line);
    this.found.push(...result.lint);
    return new Fragment(result.md, result.html);
  }

  /**
   * The HTML of escaped text that GFM would autolink (emails, URLs): remark's, or undefined when the
   * text has nothing GFM links.
   */
  private readonly autolinked = (md: string): string | undefined => {
    if (!AUTOLINK_LITERAL.test(md)) return undefined;
    const result = this.remark(this.cache.inlines, md, (e) => e.inline(md) ?? null);
    return result?.html ?? '';
  };

  /** Plain text from the spec (names, titles): see `textWith`. */
  text(value: string): Fragment {
    return textWith(value, this.autolinked);
  }

  /** A URL shown as itself: see `autolinkWith`. */
  autolink(url: string): Fragment {
    return autolinkWith(url, this.autolinked);
  }

  /** An email address as an autolink: see `emailWith`. */
  email(address: string): Fragment {
    return emailWith(address, this.autolinked);
  }
}
