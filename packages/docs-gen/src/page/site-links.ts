/**
 * Links between documents on the site: a relative link to a `.md` document of the site becomes a
 * link to its page, relative to the page holding it (what the reference pipeline does on the tree).
 */
import { decodeReferences, hrefAttribute } from '../markdown/html.js';
import { isExternal, relativePath, resolvePath, sitePage } from '../paths.js';

export function rewriteDocLinks(html: string, doc: string, docs: ReadonlySet<string>): string {
  const page = sitePage(doc);
  // External links and fragments are skipped by the pattern itself; most links are to Grafana.
  return html.replace(/<a href="(?![A-Za-z][A-Za-z0-9+.-]*:|#)([^"]*)"/g, (whole, attr: string) => {
    const href = decodeReferences(attr);
    if (isExternal(href) || href.startsWith('#')) return whole;
    const hash = href.indexOf('#');
    const target = resolvePath(doc, hash < 0 ? href : href.slice(0, hash));
    if (!docs.has(target)) return whole;
    return `<a href="${hrefAttribute(relativePath(page, sitePage(target)) + (hash < 0 ? '' : href.slice(hash)))}"`;
  });
}
