import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifact } from '@monspec/metrics-spec';
import { readsAsFile, walkTree } from '@monspec/metrics-spec/node';
import type { Io } from '../command.js';

/** The docs and site files of one environment's output directory, paths relative to it. */
function readDocs(dir: string): Artifact[] {
  const out: Artifact[] = [];
  for (const root of ['docs', 'site']) {
    // A missing or unreadable folder has no docs to check; the caller reports an empty set.
    for (const [path, kind] of walkTree(join(dir, root), { onError: () => undefined })) {
      // An output built with --atomic holds links to the snapshot's files; read them as files.
      if (readsAsFile(join(dir, root, path), kind)) out.push({ path: `${root}/${path}`, content: readFileSync(join(dir, root, path), 'utf8') });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One docs check and its findings (none: it passed). */
export interface DocsCheck {
  readonly name: string;
  readonly findings: readonly string[];
}

/**
 * The docs' full check (remark-lint, links and anchors, each site page equal to remark's rendering of
 * its Markdown) over the files on disk. `files` 0 means there were no docs to check (a failure).
 */
export async function docsChecks(dir: string): Promise<{ readonly files: number; readonly checks: readonly DocsCheck[] }> {
  const { verifyDocs } = await import('@monspec/docs-gen');
  const docs = readDocs(dir);
  const { lint, links, pages } = await verifyDocs(docs);
  return {
    files: docs.length,
    checks: [
      { name: 'remark-lint over the Markdown documents', findings: lint.map((m) => `${m.path}:${m.line ?? 1}:${m.column ?? 1} ${m.rule}: ${m.message}`) },
      { name: 'links and anchors in docs and site', findings: links.map((l) => `${l.from}: ${l.href}: ${l.reason}`) },
      { name: 'site pages are what remark renders from the Markdown', findings: pages.map((p) => `${p.page}:${p.line}: expected ${p.expected}, found ${p.actual}`) },
    ],
  };
}

/** `docsChecks`, one line per check like the tool checks. */
export async function runDocsChecks(dir: string, environment: string, io: Io): Promise<'ok' | 'failed'> {
  const { files, checks } = await docsChecks(dir);
  let status: 'ok' | 'failed' = files === 0 ? 'failed' : 'ok';
  if (files === 0) io.err(`${io.errStyle.red('✗')} ${environment}: docs (no docs/ or site/ files in ${dir})`);
  for (const { name, findings } of checks) {
    io.err(`${findings.length === 0 ? io.errStyle.green('✓') : io.errStyle.red('✗')} ${environment}: ${name} ${io.errStyle.dim(`(${files} files)`)}`);
    for (const f of findings) io.err(`    ${f}`);
    if (findings.length > 0) status = 'failed';
  }
  return status;
}
