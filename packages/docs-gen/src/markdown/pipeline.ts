/**
 * remark with GFM and remark-lint (recommended + consistent presets), printing in monspec's
 * Markdown style. Used for spec prose that is more than plain text (prose-engine.ts) and to verify
 * generated documents (`verifyDocs`, the tests); never loaded for plain specs.
 */
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkPresetLintConsistent from 'remark-preset-lint-consistent';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import type { Options as StringifyOptions } from 'remark-stringify';
import { VFile } from 'vfile';
import type { LintMessage } from './lint-message.js';

const STRINGIFY: StringifyOptions = {
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

export const linter = remark().use(remarkGfm, GFM).use(remarkPresetLintRecommended).use(remarkPresetLintConsistent).data('settings', STRINGIFY).freeze();

/** remark + GFM parse (stringify settings do not change parsing). */
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
