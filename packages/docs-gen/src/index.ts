/**
 * @monspec/docs-gen: the resolved model to Markdown documents (setup guide, metrics catalogue, one
 * runbook per alert) and a static HTML site. Pure: no file system, environment or clock; the same
 * model gives the same bytes.
 *
 * Pipeline per document: view model (TypeScript: grouping, sorting, formatting) → handlebars
 * template (rendering only) → remark (GFM, table of contents, canonical printing) → checks
 * (remark-lint and link validation, which throw: a finding is a generator or spec bug).
 */
import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';
import { brokenLinks, checkLinks, scanHtml, type BrokenLink, type Scan } from './links.js';
import { canonicalDoc, processDoc, startRound, type ProcessedDoc } from './documents.js';
import { lintMarkdown, type LintMessage } from './markdown/pipeline.js';
import { DOCS_ROOT, METRICS_DOC, SETUP_GUIDE, SITE_ROOT, runbookDoc } from './paths.js';
import { render } from './render.js';
import { renderSite, type SiteDoc } from './site/site.js';
import { indexView } from './view/site-index.js';
import { metricsView } from './view/metrics.js';
import { alertNames, runbookView } from './view/runbook.js';
import { setupView } from './view/setup.js';

export { checkLinks, type BrokenLink } from './links.js';
export { lintMarkdown, canonicalMarkdown, type LintMessage } from './markdown/pipeline.js';
export { SETUP_GUIDE, METRICS_DOC, sitePage } from './paths.js';

export interface DocsOptions {
  /** Run remark-lint and link validation and throw on findings (default true). */
  readonly verify?: boolean;
}

/** A document as Markdown, path relative to `docs/`, with its title for the site. */
interface Doc {
  readonly doc: string;
  readonly title: string;
  readonly markdown: string;
}

function markdownDocs(model: ResolvedModel): Doc[] {
  const setup = setupView(model);
  const metrics = metricsView(model);
  const docs: Doc[] = [
    { doc: SETUP_GUIDE, title: setup.title, markdown: canonicalDoc(render('setup.md', setup)) },
    { doc: METRICS_DOC, title: metrics.title, markdown: canonicalDoc(render('metrics.md', metrics)) },
  ];
  for (const name of alertNames(model)) {
    docs.push({ doc: runbookDoc(name), title: name, markdown: canonicalDoc(render('runbook.md', runbookView(model, name))) });
  }
  return docs;
}

export class DocsCheckError extends Error {
  constructor(
    readonly lint: readonly LintMessage[],
    readonly links: readonly BrokenLink[],
  ) {
    super(
      [
        'Unexpected findings in the generated docs, expected lint-clean Markdown with resolving links:',
        ...lint.map((m) => `  ${m.path}:${m.line ?? 1}:${m.column ?? 1} ${m.rule}: ${m.message}`),
        ...links.map((l) => `  ${l.from}: ${l.href}: ${l.reason}`),
      ].join('\n'),
    );
    this.name = 'DocsCheckError';
  }
}

/** remark-lint over every Markdown artifact and link validation over all of them. */
export function verifyDocs(artifacts: readonly Artifact[]): { lint: LintMessage[]; links: BrokenLink[] } {
  return {
    lint: artifacts.filter((a) => a.path.endsWith('.md')).flatMap((a) => lintMarkdown(a.path, a.content)),
    links: checkLinks(artifacts),
  };
}

function prefixed(prefix: string, artifacts: readonly Artifact[]): Artifact[] {
  return artifacts.map((a) => ({ path: `${prefix}/${a.path}`, content: a.content }));
}

/**
 * Every document and the site, paths relative to the environment's output directory:
 * `docs/TUNNEL_MONITORING_SETUP.md`, `docs/metrics.md`, `docs/runbooks/<Alert>.md`, `site/…`.
 */
export function generate(model: ResolvedModel, options: DocsOptions = {}): Artifact[] {
  const verify = options.verify ?? true;
  const hit = (verify ? verified : unverified).get(model);
  if (hit) return [...hit];
  startRound();
  const docs = markdownDocs(model);
  const index = indexView(model);
  const siteDocs: SiteDoc[] = [{ doc: 'index.md', title: index.title, markdown: canonicalDoc(render('index.md', index)) }, ...docs];
  // Each document is parsed once for its lint, link scan and page (documents.ts).
  const known = new Set(siteDocs.map((d) => d.doc));
  const knownKey = [...known].join('\n');
  const isDoc = new Set(docs.map((d) => d.doc));
  const processed = new Map<string, ProcessedDoc>();
  for (const d of siteDocs) {
    processed.set(d.doc, processDoc(d, { known, knownKey, checkAs: verify && isDoc.has(d.doc) ? `${DOCS_ROOT}/${d.doc}` : undefined }));
  }
  const site = renderSite(siteDocs, { siteTitle: `${model.service.title} monitoring`, environment: model.environment }, (d) => processed.get(d.doc)?.body ?? '');
  const artifacts = [
    ...prefixed(DOCS_ROOT, docs.map((d) => ({ path: d.doc, content: d.markdown }))),
    ...prefixed(SITE_ROOT, site),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (verify) {
    const { lint, links } = verifyProcessed(artifacts, processed);
    if (lint.length > 0 || links.length > 0) throw new DocsCheckError(lint, links);
  }
  (verify ? verified : unverified).set(model, Object.freeze(artifacts.map((a) => Object.freeze(a))));
  return artifacts;
}

/** `verifyDocs` from the documents' own lint findings and scans, in the same order. */
function verifyProcessed(artifacts: readonly Artifact[], processed: ReadonlyMap<string, ProcessedDoc>): { lint: LintMessage[]; links: BrokenLink[] } {
  const lint: LintMessage[] = [];
  const scans = new Map<string, Scan>();
  for (const a of artifacts) {
    if (a.path.endsWith('.md')) {
      const p = processed.get(a.path.slice(DOCS_ROOT.length + 1));
      if (!p?.scan) throw new Error(`no scan of ${a.path}`);
      lint.push(...p.lint);
      scans.set(a.path, p.scan);
    } else if (a.path.endsWith('.html')) scans.set(a.path, scanHtml(a.content));
  }
  return { lint, links: brokenLinks(scans, new Set(artifacts.map((a) => a.path))) };
}

/** Models are frozen, so a model's documents can be remembered (remark takes about a second for the tunnel). */
const verified = new WeakMap<ResolvedModel, readonly Artifact[]>();
const unverified = new WeakMap<ResolvedModel, readonly Artifact[]>();

/**
 * The copy committed at the repository's `docs/OPERATIONS/` (the seed's path): the setup guide and
 * the runbooks, byte-identical to `generate`'s, paths relative to `docs/OPERATIONS/`. Pass the
 * production model: when the spec declares a `production` environment, any other throws.
 */
export function operationsDocs(model: ResolvedModel, options: DocsOptions = {}): Artifact[] {
  if (model.environments.includes('production') && model.environment !== 'production') {
    throw new Error(`Unexpected environment "${model.environment}" for docs/OPERATIONS, expected "production"`);
  }
  const keep = (path: string) => path === `${DOCS_ROOT}/${SETUP_GUIDE}` || path.startsWith(`${DOCS_ROOT}/runbooks/`);
  return generate(model, options)
    .filter((a) => keep(a.path))
    .map((a) => ({ path: a.path.slice(DOCS_ROOT.length + 1), content: a.content }));
}
