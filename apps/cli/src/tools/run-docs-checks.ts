import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactDescriptor, ResolvedModel, TextFile } from '@monspec/metrics-spec';
import { readsAsFile } from '@monspec/metrics-spec/node';
import type { Io } from '../command.js';
import { GENERATORS, otherOutputs } from '../generators/registry.js';

/**
 * Whether `path` (relative to `dir`) reads as a file of the folder: each folder on the way a real
 * folder (a linked folder could lead out of the output), the file itself a file or a link to one
 * (an output built with --atomic links its files into the published snapshot).
 */
function readableInside(dir: string, path: string): boolean {
  const segments = path.split('/');
  let at = dir;
  for (const folder of segments.slice(0, -1)) {
    at = join(at, folder);
    try {
      if (!lstatSync(at).isDirectory()) return false;
    } catch {
      return false;
    }
  }
  const file = join(at, segments[segments.length - 1] ?? '');
  try {
    const stat = lstatSync(file);
    return readsAsFile(file, stat.isFile() ? 'file' : stat.isSymbolicLink() ? 'link' : 'other');
  } catch {
    return false;
  }
}

/**
 * The docs generator's files in one environment's output directory, as its `describe` lists them
 * (paths relative to the directory), with the site's files other outputs write (the dashboard
 * previews its pages show), and those listed that cannot be read there.
 */
async function readDocs(dir: string, model: ResolvedModel): Promise<{ files: TextFile[]; unreadable: string[] }> {
  const docs = GENERATORS.find((g) => g.id === 'docs');
  const described: readonly ArtifactDescriptor[] = [...(docs ? await docs.describe(model) : []), ...(await otherOutputs(model)).filter((d) => d.path.startsWith('site/'))];
  const files: TextFile[] = [];
  const unreadable: string[] = [];
  for (const d of described) {
    let content: string | undefined;
    try {
      content = readableInside(dir, d.path) ? readFileSync(join(dir, ...d.path.split('/')), 'utf8') : undefined;
    } catch {
      content = undefined; // unreadable (permissions, or removed meanwhile): reported below like a missing file
    }
    if (content === undefined) unreadable.push(d.path);
    else files.push({ path: d.path, content });
  }
  return { files, unreadable };
}

/** One docs check and its findings (none: it passed). */
export interface DocsCheck {
  readonly name: string;
  readonly findings: readonly string[];
}

/**
 * The docs' full check over the files on disk: every file the docs generator describes is there,
 * remark-lint, links and anchors, and each site page equal to remark's rendering of its Markdown.
 * `files` is how many were read (0: there were no docs to check, a failure).
 */
export async function docsChecks(dir: string, model: ResolvedModel): Promise<{ readonly files: number; readonly checks: readonly DocsCheck[] }> {
  const { verifyDocs } = await import('@monspec/docs-gen');
  const { files: docs, unreadable } = await readDocs(dir, model);
  const { lint, links, pages } = await verifyDocs(docs);
  return {
    files: docs.length,
    checks: [
      { name: 'the generated docs files are in the output', findings: unreadable.map((p) => `${p}: missing, unreadable or behind a linked folder in ${dir}`) },
      { name: 'remark-lint over the Markdown documents', findings: lint.map((m) => `${m.path}:${m.line ?? 1}:${m.column ?? 1} ${m.rule}: ${m.message}`) },
      { name: 'links and anchors in docs and site', findings: links.map((l) => `${l.from}: ${l.href}: ${l.reason}`) },
      { name: 'site pages are what remark renders from the Markdown', findings: pages.map((p) => `${p.page}:${p.line}: expected ${p.expected}, found ${p.actual}`) },
    ],
  };
}

/** `docsChecks`, one line per check like the tool checks. */
export async function runDocsChecks(dir: string, model: ResolvedModel, io: Io): Promise<'ok' | 'failed'> {
  const environment = model.environment;
  const { files, checks } = await docsChecks(dir, model);
  let status: 'ok' | 'failed' = files === 0 ? 'failed' : 'ok';
  if (files === 0) io.err(`${io.errStyle.red('✗')} ${environment}: docs (no generated docs files in ${dir})`);
  for (const { name, findings } of checks) {
    io.err(`${findings.length === 0 ? io.errStyle.green('✓') : io.errStyle.red('✗')} ${environment}: ${name} ${io.errStyle.dim(`(${files} files)`)}`);
    for (const f of findings) io.err(`    ${f}`);
    if (findings.length > 0) status = 'failed';
  }
  return status;
}
