/**
 * Where every document lives: its Markdown path under `docs/`, its page under `site/`, and relative
 * links between them. Paths are POSIX and relative to the environment's output directory.
 */

export const METRICS_DOC = 'metrics.md';
export const DOCS_ROOT = 'docs';
export const SITE_ROOT = 'site';
export const SITE_CSS = 'style.css';
/** The architecture picture, beside the setup guide in `docs/` and in `site/`. */
export const ARCHITECTURE_IMAGE = 'architecture.svg';

/** Paths relative to `docs/`: an alert's runbook (metrics-spec's, so runbook_url and explain agree). */
export { runbookDocument as runbookDoc } from '@monspec/metrics-spec';

/**
 * The site page (relative to `site/`) of a document (relative to `docs/`): the same name with `.html`,
 * so a page's address follows from its document alone (the setup guide's name comes from the spec).
 */
export function sitePage(docPath: string): string {
  return docPath.replace(/\.md$/, '.html');
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Resolves `href` (no scheme) against the file at `from`; returns a normalised POSIX path. */
export function resolvePath(from: string, href: string): string {
  const parts = (href.startsWith('/') ? [] : dirname(from).split('/').filter(Boolean));
  for (const seg of href.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

/** The relative link from the file at `from` to the file at `to` (both relative to one root). */
export function relativePath(from: string, to: string): string {
  const a = dirname(from).split('/').filter(Boolean);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** True for links that leave the document set (scheme or protocol-relative). */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}
