/** Link validation over Markdown and HTML artifacts (Markdown parsed by remark, so not for the build path). */
import type { TextFile } from '@monspec/metrics-spec';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { brokenLinks, scanHtml, type BrokenLink, type Scan } from '../links.js';
import { parseMarkdown } from '../markdown/pipeline.js';

/** Anchors (GitHub's heading slugs) and links of a Markdown document. */
function scanMarkdown(content: string): Scan {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const links: string[] = [];
  visit(parseMarkdown(content), (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
    else if (node.type === 'link' || node.type === 'definition') links.push(node.url);
  });
  return { anchors, links };
}

/** Every relative link and anchor among `artifacts` that does not resolve. External links are not followed. */
export function checkLinks(artifacts: readonly TextFile[]): BrokenLink[] {
  const scans = new Map<string, Scan>();
  for (const a of artifacts) {
    if (a.path.endsWith('.md')) scans.set(a.path, scanMarkdown(a.content));
    else if (a.path.endsWith('.html')) scans.set(a.path, scanHtml(a.content));
  }
  return brokenLinks(scans, new Set(artifacts.map((a) => a.path)));
}
