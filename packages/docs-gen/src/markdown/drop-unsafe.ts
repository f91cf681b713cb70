/**
 * Spec prose reaches the docs as Markdown and as HTML; `validate` reports unsafe URLs (unsafe-url),
 * and this removes whatever still gets here, before the prose is printed either way: links and
 * images whose URL is not http, https, mailto or relative become their text (or alt text), their
 * definitions go, and raw HTML goes (remark-rehype drops it from the site anyway; this keeps it out
 * of the Markdown too, where other renderers might not).
 */
import { isSafeUrl } from '@monspec/metrics-spec';
import type { Nodes, Root, RootContent } from 'mdast';

export function dropUnsafe(tree: Root): void {
  const unsafeDefinitions = new Set<string>();
  collectUnsafeDefinitions(tree, unsafeDefinitions);
  rewrite(tree, unsafeDefinitions);
}

function collectUnsafeDefinitions(node: Nodes, out: Set<string>): void {
  if (node.type === 'definition' && !isSafeUrl(node.url)) out.add(node.identifier);
  if ('children' in node) for (const child of node.children) collectUnsafeDefinitions(child, out);
}

/** What `node` becomes: itself, its children, a text, or nothing. */
function replacement(node: RootContent, unsafeDefinitions: ReadonlySet<string>): RootContent[] {
  switch (node.type) {
    case 'html':
      return [];
    case 'definition':
      return unsafeDefinitions.has(node.identifier) ? [] : [node];
    case 'link':
      return isSafeUrl(node.url) ? [node] : node.children;
    case 'linkReference':
      return unsafeDefinitions.has(node.identifier) ? node.children : [node];
    case 'image':
      return isSafeUrl(node.url) ? [node] : [{ type: 'text', value: node.alt ?? '' }];
    case 'imageReference':
      return unsafeDefinitions.has(node.identifier) ? [{ type: 'text', value: node.alt ?? '' }] : [node];
    default:
      return [node];
  }
}

function rewrite(node: Nodes, unsafeDefinitions: ReadonlySet<string>): void {
  if (!('children' in node)) return;
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    for (const kept of replacement(child, unsafeDefinitions)) {
      rewrite(kept, unsafeDefinitions);
      children.push(kept);
    }
  }
  // Each replacement stays within the content model of the parent (phrasing for phrasing).
  (node as { children: RootContent[] }).children = children;
}
