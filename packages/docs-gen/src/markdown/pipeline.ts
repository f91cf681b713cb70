/**
 * remark over the rendered Markdown: parse (GFM), fill the table of contents, and print canonically;
 * and remark-lint (recommended + consistent presets) over the result.
 */
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkPresetLintConsistent from 'remark-preset-lint-consistent';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkToc from 'remark-toc';
import type { Options as StringifyOptions } from 'remark-stringify';
import { VFile } from 'vfile';

export const STRINGIFY: StringifyOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  incrementListMarker: true,
  tightDefinitions: true,
};

/** Compact tables: padding every cell to the widest row makes every change a diff of the whole table. */
const GFM = { tablePipeAlign: false } as const;

/** The table of contents goes under the `Contents` heading, down to level 3. */
const TOC = { heading: 'contents', maxDepth: 3, tight: true } as const;

const canonical = remark().use(remarkGfm, GFM).use(remarkToc, TOC).data('settings', STRINGIFY).freeze();

export function canonicalMarkdown(markdown: string): string {
  return String(canonical.processSync(markdown));
}

const linter = remark().use(remarkGfm, GFM).use(remarkPresetLintRecommended).use(remarkPresetLintConsistent).data('settings', STRINGIFY).freeze();

export interface LintMessage {
  readonly path: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly rule: string;
  readonly message: string;
}

/**
 * The tree lint, link checks and the site all start from: remark + GFM, the same parse as the
 * linter's (stringify settings do not change parsing), so each generated document is parsed once.
 */
export function parseMarkdown(markdown: string): Root {
  return linter.parse(markdown);
}

/** remark-lint findings for one Markdown file (empty when clean). */
export function lintMarkdown(path: string, markdown: string): LintMessage[] {
  return lintTree(path, markdown, parseMarkdown(markdown));
}

/** `lintMarkdown` over `parseMarkdown(markdown)`; the rules only read the tree. */
export function lintTree(path: string, markdown: string, tree: Root): LintMessage[] {
  const file = new VFile({ path, value: markdown });
  linter.runSync(tree, file);
  return file.messages.map((m) => ({
    path,
    line: m.line ?? undefined,
    column: m.column ?? undefined,
    rule: m.ruleId ?? m.source ?? 'lint',
    message: m.reason,
  }));
}
