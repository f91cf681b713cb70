import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactDescriptor, ResolvedModel, TextFile } from '@monspec/metrics-spec';
import { readsAsFile } from '@monspec/metrics-spec/node';
import type { Io } from '../command.js';
import { GENERATORS } from '../generators/registry.js';

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
 * (paths relative to the directory), and those it lists that cannot be read there.
 */
async function readDocs(dir: string, model: ResolvedModel): Promise<{ files: TextFile[]; unreadable: string[] }> {
  const docs = GENERATORS.find((g) => g.id === 'docs');
  const described: readonly ArtifactDescriptor[] = docs ? await docs.describe(model) : [];
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

/**
 * The docs' full check (remark-lint, links and anchors, each site page equal to remark's rendering of
 * its Markdown) over the files on disk, one line per check like the tool checks.
 */
export async function runDocsChecks(dir: string, model: ResolvedModel, io: Io): Promise<'ok' | 'failed'> {
  const { verifyDocs } = await import('@monspec/docs-gen');
  const environment = model.environment;
  const { files: docs, unreadable } = await readDocs(dir, model);
  const { lint, links, pages } = await verifyDocs(docs);
  const checks: ReadonlyArray<[string, string[]]> = [
    ['remark-lint over the Markdown documents', lint.map((m) => `${m.path}:${m.line ?? 1}:${m.column ?? 1} ${m.rule}: ${m.message}`)],
    ['links and anchors in docs and site', links.map((l) => `${l.from}: ${l.href}: ${l.reason}`)],
    ['site pages are what remark renders from the Markdown', pages.map((p) => `${p.page}:${p.line}: expected ${p.expected}, found ${p.actual}`)],
  ];
  let status: 'ok' | 'failed' = unreadable.length > 0 ? 'failed' : 'ok';
  if (unreadable.length > 0) io.err(`${io.errStyle.red('✗')} ${environment}: docs (${unreadable.length} of the generated docs files missing or unreadable in ${dir}: ${unreadable.slice(0, 5).join(', ')}${unreadable.length > 5 ? ', …' : ''})`);
  for (const [name, findings] of checks) {
    io.err(`${findings.length === 0 ? io.errStyle.green('✓') : io.errStyle.red('✗')} ${environment}: ${name} ${io.errStyle.dim(`(${docs.length} files)`)}`);
    for (const f of findings) io.err(`    ${f}`);
    if (findings.length > 0) status = 'failed';
  }
  return status;
}
