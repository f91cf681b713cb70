/**
 * Link validation over generated artifacts: every relative link must name an artifact, and every
 * #fragment an id (HTML) or a heading anchor (Markdown, GitHub's slugs; verify/check-links.ts).
 */
import { decodeReferences } from './markdown/html.js';
import { isExternal, resolvePath } from './paths.js';

export interface BrokenLink {
  /** The artifact holding the link. */
  readonly from: string;
  readonly href: string;
  readonly reason: string;
}

/** What link validation needs from one artifact: the anchors it defines and the links it holds. */
export interface Scan {
  readonly anchors: ReadonlySet<string>;
  readonly links: readonly string[];
}

export function scanHtml(content: string): Scan {
  const anchors = new Set<string>();
  for (const m of content.matchAll(/\sid="([^"]*)"/g)) anchors.add(decodeReferences(m[1] ?? ''));
  const links: string[] = [];
  // External links are never followed, so the pattern leaves them out.
  for (const m of content.matchAll(/\s(?:href|src)="(?![A-Za-z][A-Za-z0-9+.-]*:)([^"]*)"/g)) links.push(decodeReferences(m[1] ?? ''));
  return { anchors, links };
}

/** Every relative link and anchor in `scans` (by artifact path) that names no artifact in `paths` or no anchor in it. */
export function brokenLinks(scans: ReadonlyMap<string, Scan>, paths: ReadonlySet<string>): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const [from, s] of scans) {
    for (const href of s.links) {
      if (href === '') {
        broken.push({ from, href, reason: 'empty link' });
        continue;
      }
      if (isExternal(href)) continue;
      const hash = href.indexOf('#');
      const pathPart = hash < 0 ? href : href.slice(0, hash);
      const fragment = hash < 0 ? undefined : decodeURIComponent(href.slice(hash + 1));
      const target = pathPart === '' ? from : resolvePath(from, decodeURIComponent(pathPart));
      if (!paths.has(target)) {
        broken.push({ from, href, reason: `no artifact ${target}` });
        continue;
      }
      if (fragment !== undefined && fragment !== '') {
        const anchors = scans.get(target)?.anchors;
        if (!anchors?.has(fragment)) broken.push({ from, href, reason: `no anchor #${fragment} in ${target}` });
      }
    }
  }
  return broken;
}
