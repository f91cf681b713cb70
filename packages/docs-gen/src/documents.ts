/**
 * Each generated Markdown document goes through remark at most twice: once to canonicalise it
 * (parse, table of contents, print), once to parse the canonical text, and that one tree serves
 * remark-lint, the link scan and the site page. remark is most of the generator's time (about
 * 2.5 ms per KiB per pass), so results are also remembered per document text (see memo.ts).
 */
import { scanMarkdownTree, type Scan } from './links.js';
import { canonicalMarkdown, lintTree, parseMarkdown, type LintMessage } from './markdown/pipeline.js';
import { RoundMemo } from './memo.js';
import { pageBody, type SiteDoc } from './site/site.js';

/** What the generator needs from one canonical document besides its text. */
export interface ProcessedDoc {
  /** The site page's HTML body. */
  readonly body: string;
  /** remark-lint findings, when checked. */
  readonly lint: readonly LintMessage[];
  /** Anchors and links of the Markdown, when checked. */
  readonly scan: Scan | undefined;
}

const canonical = new RoundMemo<string>();
const processed = new RoundMemo<ProcessedDoc>();

/** Call once per `generate`, before the documents. */
export function startRound(): void {
  canonical.nextRound();
  processed.nextRound();
}

/** `canonicalMarkdown`, remembered. */
export function canonicalDoc(rendered: string): string {
  return canonical.get(rendered, () => canonicalMarkdown(rendered));
}

export interface ProcessOptions {
  /** The documents the site has (links to them are rewritten to pages), and their key. */
  readonly known: ReadonlySet<string>;
  readonly knownKey: string;
  /** Lint and scan the Markdown as the artifact at this path; undefined for site-only documents or no checks. */
  readonly checkAs: string | undefined;
}

/** The page body, lint findings and link scan of one canonical document, remembered. */
export function processDoc(doc: SiteDoc, options: ProcessOptions): ProcessedDoc {
  // The key holds everything the result depends on; the text last, so the prefix stays short.
  const key = `${options.checkAs ?? ''}\0${doc.doc}\0${options.knownKey}\0${doc.markdown}`;
  return processed.get(key, () => {
    const tree = parseMarkdown(doc.markdown);
    const path = options.checkAs;
    // Lint and scan read the tree; the page rewrites its links, so it comes last.
    const lint = path === undefined ? [] : lintTree(path, doc.markdown, tree);
    const scan = path === undefined ? undefined : scanMarkdownTree(tree);
    return { lint, scan, body: pageBody(doc, tree, options.known) };
  });
}
