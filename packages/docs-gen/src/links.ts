/**
 * Link validation over generated artifacts: every relative link (Markdown or HTML) must name an
 * artifact, and every #fragment must name a heading anchor (Markdown, GitHub's slugs) or an id (HTML).
 */
import GithubSlugger from 'github-slugger';
import type { Artifact } from '@monspec/metrics-spec';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { isExternal, resolvePath } from './paths.js';

export interface BrokenLink {
  /** The artifact holding the link. */
  readonly from: string;
  readonly href: string;
  readonly reason: string;
}

const parser = remark().use(remarkGfm).freeze();

/** What link validation needs from one artifact: the anchors it defines and the links it holds. */
export interface Scan {
  readonly anchors: ReadonlySet<string>;
  readonly links: readonly string[];
}

function scanMarkdown(content: string): Scan {
  return scanMarkdownTree(parser.parse(content));
}

/** The scan of an already parsed Markdown document (the generator parses each document once). */
export function scanMarkdownTree(tree: Root): Scan {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const links: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
    else if (node.type === 'link' || node.type === 'definition') links.push(node.url);
  });
  return { anchors, links };
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? _);
}

export function scanHtml(content: string): Scan {
  const anchors = new Set<string>();
  for (const m of content.matchAll(/\sid="([^"]*)"/g)) anchors.add(decodeEntities(m[1] ?? ''));
  const links: string[] = [];
  for (const m of content.matchAll(/\s(?:href|src)="([^"]*)"/g)) links.push(decodeEntities(m[1] ?? ''));
  return { anchors, links };
}

function scan(a: Artifact): Scan | undefined {
  if (a.path.endsWith('.md')) return scanMarkdown(a.content);
  if (a.path.endsWith('.html')) return scanHtml(a.content);
  return undefined;
}

/** Every relative link and anchor among `artifacts` that does not resolve. External links are not followed. */
export function checkLinks(artifacts: readonly Artifact[]): BrokenLink[] {
  const scans = new Map<string, Scan>();
  for (const a of artifacts) {
    const s = scan(a);
    if (s) scans.set(a.path, s);
  }
  return brokenLinks(scans, new Set(artifacts.map((a) => a.path)));
}

/** `checkLinks` over scans made elsewhere: `scans` by artifact path, `paths` every artifact's path. */
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
