/**
 * The full check of generated docs, with remark (loaded here, never on the build path): remark-lint
 * over every Markdown document, every link and anchor (Markdown and HTML), and every site page equal
 * to remark's rendering of its Markdown (verify/reference-html.ts), so the Markdown on GitHub and the
 * site say the same thing.
 */
import type { TextFile } from '@monspec/metrics-spec';
import type { BrokenLink } from '../links.js';
import type { LintMessage } from '../markdown/lint-message.js';
import { DOCS_ROOT, SITE_ROOT, sitePage } from '../paths.js';

/** A site page whose body differs from remark's rendering of its Markdown. */
export interface PageMismatch {
  readonly page: string;
  readonly line: number;
  readonly expected: string;
  readonly actual: string;
}

export interface DocsVerification {
  readonly lint: readonly LintMessage[];
  readonly links: readonly BrokenLink[];
  readonly pages: readonly PageMismatch[];
}

/** The HTML between `<main>` and `</main>` of a page the layout wrote. */
function pageBody(html: string): string | undefined {
  const start = html.indexOf('<main>\n');
  const end = html.lastIndexOf('\n</main>');
  return start < 0 || end < start ? undefined : html.slice(start + '<main>\n'.length, end);
}

function firstDifference(page: string, expected: string, actual: string): PageMismatch | undefined {
  if (expected === actual) return undefined;
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  return { page, line: i + 1, expected: e[i] ?? '(end of page)', actual: a[i] ?? '(end of page)' };
}

export async function verifyDocs(artifacts: readonly TextFile[]): Promise<DocsVerification> {
  const [{ lintMarkdown }, { checkLinks }, { referenceBody }] = await Promise.all([
    import('../markdown/pipeline.js'),
    import('./check-links.js'),
    import('./reference-html.js'),
  ]);
  const byPath = new Map(artifacts.map((a) => [a.path, a.content]));
  const docs = artifacts.filter((a) => a.path.startsWith(`${DOCS_ROOT}/`) && a.path.endsWith('.md'));
  const known = new Set([...docs.map((a) => a.path.slice(DOCS_ROOT.length + 1)), 'index.md']);
  const pages: PageMismatch[] = [];
  for (const a of docs) {
    const doc = a.path.slice(DOCS_ROOT.length + 1);
    const path = `${SITE_ROOT}/${sitePage(doc)}`;
    const html = byPath.get(path);
    if (html === undefined) continue;
    const body = pageBody(html);
    const mismatch = body === undefined ? { page: path, line: 1, expected: '<main>', actual: '(no main element)' } : firstDifference(path, referenceBody(a.content, doc, known), body);
    if (mismatch) pages.push(mismatch);
  }
  return {
    lint: artifacts.filter((a) => a.path.endsWith('.md')).flatMap((a) => lintMarkdown(a.path, a.content)),
    links: checkLinks(artifacts),
    pages,
  };
}

/** Every relative link and anchor among `artifacts` (Markdown and HTML) that does not resolve. */
export async function checkLinks(artifacts: readonly TextFile[]): Promise<BrokenLink[]> {
  const { checkLinks: check } = await import('./check-links.js');
  return check(artifacts);
}
