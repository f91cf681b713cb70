/**
 * @monspec/docs-gen: the resolved model to Markdown documents (setup guide, metrics catalogue, one
 * runbook per alert) and a static HTML site. Pure: no file system, environment or clock; the same
 * model gives the same bytes.
 *
 * Pipeline per document: view model (TypeScript: grouping, sorting, formatting into fragments that
 * carry both Markdown and HTML) → handlebars template (structure only) → the Markdown document and
 * its site page, printed by construction (page/document.ts). remark runs only over spec prose that
 * is more than plain text (loaded on demand) and in `verifyDocs`, which the tests run over every
 * document: remark-lint clean, links resolve, and each page equals remark's rendering of its Markdown.
 */
import { GeneratorFindings, type Artifact, type Diagnostic, type Generator, type ResolvedModel } from '@monspec/metrics-spec';
import { brokenLinks, scanHtml, type BrokenLink, type Scan } from './links.js';
import type { LintMessage } from './markdown/lint-message.js';
import { loadProseEngine, needsRemark, Prose, ProseCache, RemarkNotLoaded } from './markdown/prose.js';
import { renderDocument } from './page/document.js';
import { ARCHITECTURE_IMAGE, DOCS_ROOT, METRICS_DOC, SITE_ROOT, runbookDoc } from './paths.js';
import { architectureGraph } from './diagram/architecture.js';
import { architectureSvg } from './diagram/svg.js';
import { renderSite, type SitePage } from './site/site.js';
import type { TemplateName } from './templates/templates.generated.js';
import { indexView } from './view/site-index.js';
import { metricsView } from './view/metrics.js';
import { alertNames, runbookView } from './view/runbook.js';
import { setupView } from './view/setup.js';
import { docStrings } from './view/doc-strings.js';

export type { BrokenLink } from './links.js';
export type { LintMessage } from './markdown/lint-message.js';
export { METRICS_DOC, sitePage } from './paths.js';
export { verifyDocs, checkLinks, type DocsVerification } from './verify/verify-docs.js';

export interface DocsOptions {
  /**
   * Check what the build can check cheaply and throw on findings (default true): remark-lint over
   * spec prose that went through remark, and every link and anchor of the site. The full check of
   * the Markdown (`verifyDocs`) runs in the tests and `monspec test`.
   */
  readonly verify?: boolean;
  /**
   * How many test cases the promtool test file holds, declared and generated (the CLI gets it from
   * the alerts generator), so the guide states the number that runs; without it, no number.
   */
  readonly promtoolTestCases?: number;
  /**
   * What to remember between calls (`build --watch`, `--all-envs`): a `DocsCache` the caller owns
   * and passes to every call. Without one, each call renders from scratch.
   */
  readonly cache?: DocsCache;
}

/**
 * What `generate` remembers across calls, owned by the caller: remark's answers for spec prose (the
 * last two builds' worth) and each frozen model's documents. Calls may share one, also concurrently:
 * everything in it is a pure function of its key.
 */
export class DocsCache {
  readonly prose = new ProseCache();
  readonly documents = new WeakMap<ResolvedModel, Map<string, readonly Artifact[]>>();
}

/** The docs' build-time findings (prose the lint refuses, broken links): findings about the spec's text. */
export class DocsCheckError extends GeneratorFindings {
  constructor(
    readonly lint: readonly LintMessage[],
    readonly links: readonly BrokenLink[],
  ) {
    super(
      'docs',
      [
        ...lint.map((m): Diagnostic => ({
          ruleId: `docs/${m.rule}`,
          severity: 'error',
          message: `Unexpected Markdown in spec prose at ${m.path}:${m.line ?? 1}:${m.column ?? 1} of the generated docs: ${m.message}, expected lint-clean Markdown`,
        })),
        ...links.map((l): Diagnostic => ({
          ruleId: 'docs/link',
          severity: 'error',
          message: `Unexpected link ${JSON.stringify(l.href)} in ${l.from} of the generated docs (${l.reason}), expected a link to a page or anchor the docs have; fix the spec prose it comes from`,
        })),
      ],
      [
        'Unexpected findings in the generated docs, expected lint-clean Markdown with resolving links:',
        ...lint.map((m) => `  ${m.path}:${m.line ?? 1}:${m.column ?? 1} ${m.rule}: ${m.message}`),
        ...links.map((l) => `  ${l.from}: ${l.href}: ${l.reason}`),
      ].join('\n'),
    );
    this.name = 'DocsCheckError';
  }
}

interface DocSource {
  readonly doc: string;
  readonly title: string;
  readonly template: TemplateName;
  readonly view: () => object;
}

function sources(model: ResolvedModel, ctx: Prose, options: DocsOptions): DocSource[] {
  const title = model.service.title;
  return [
    { doc: 'index.md', title: `${title} monitoring`, template: 'index.md', view: () => indexView(model, ctx) },
    { doc: model.service.setupGuide, title: `${title} monitoring setup`, template: 'setup.md', view: () => setupView(model, ctx, options) },
    { doc: METRICS_DOC, title: `${title} metrics catalogue`, template: 'metrics.md', view: () => metricsView(model, ctx) },
    ...alertNames(model).map((name) => ({ doc: runbookDoc(name), title: name, template: 'runbook.md' as const, view: () => runbookView(model, name, ctx) })),
  ];
}

/** Every document, each rendered once, with the prose renderer of this call. */
function build(model: ResolvedModel, ctx: Prose, options: DocsOptions): { docs: Artifact[]; pages: SitePage[] } {
  const all = sources(model, ctx, options);
  const known = new Set(all.map((s) => s.doc));
  const docs: Artifact[] = [];
  const pages: SitePage[] = [];
  for (const s of all) {
    const rendered = renderDocument(s.template, s.view(), s.doc, known);
    // index.md is the site's home page only.
    if (s.doc !== 'index.md') docs.push({ path: `${DOCS_ROOT}/${s.doc}`, content: rendered.markdown });
    pages.push({ doc: s.doc, title: s.title, body: rendered.body });
  }
  return { docs, pages };
}

function byPath(a: Artifact, b: Artifact): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Every document and the site, paths relative to the environment's output directory:
 * `docs/TUNNEL_MONITORING_SETUP.md`, `docs/metrics.md`, `docs/runbooks/<Alert>.md`, `site/…`.
 */
export async function generate(model: ResolvedModel, options: DocsOptions = {}): Promise<Artifact[]> {
  const verify = options.verify ?? true;
  const key = `${verify}:${options.promtoolTestCases ?? ''}`;
  const remembered = options.cache?.documents.get(model);
  const hit = remembered?.get(key);
  if (hit) return [...hit];
  // Decided before rendering, from the spec strings the documents render: remark only when needed.
  let engine = needsRemark(docStrings(model)) ? await loadProseEngine() : undefined;
  const proseCache = options.cache?.prose;
  proseCache?.nextRound();
  let ctx = new Prose(engine, proseCache);
  let built: { docs: Artifact[]; pages: SitePage[] };
  try {
    built = build(model, ctx, options);
  } catch (err) {
    // A safety net for a spec string docStrings does not list: render again with remark rather than fail.
    if (!(err instanceof RemarkNotLoaded) || engine) throw err;
    engine = await loadProseEngine();
    ctx = new Prose(engine, proseCache);
    built = build(model, ctx, options);
  }
  const site = renderSite(built.pages, { siteTitle: `${model.service.title} monitoring`, environment: model.environment, setupGuide: model.service.setupGuide });
  // The guide's architecture picture, next to the guide in docs/ (GitHub shows it) and on the site.
  const picture = architectureSvg(architectureGraph(model));
  const images = [DOCS_ROOT, SITE_ROOT].map((root) => ({ path: `${root}/${ARCHITECTURE_IMAGE}`, content: picture }));
  const artifacts = [...built.docs, ...images, ...site.map((a) => ({ path: `${SITE_ROOT}/${a.path}`, content: a.content }))].sort(byPath);
  if (verify) {
    const lint = ctx.findings;
    const links = siteLinks(artifacts);
    if (lint.length > 0 || links.length > 0) throw new DocsCheckError(lint, links);
  }
  if (options.cache) {
    const documents = options.cache.documents.get(model) ?? new Map<string, readonly Artifact[]>();
    documents.set(key, Object.freeze(artifacts.map((a) => Object.freeze(a))));
    options.cache.documents.set(model, documents);
  }
  return artifacts;
}

/** The docs as a generator of the CLI's registry (`generate` throws `DocsCheckError` on findings). */
export const docsGenerator = { id: 'docs', generate } satisfies Generator<DocsOptions>;

/** Broken links and anchors among the site's pages (the Markdown's links are the same ones, tested). */
function siteLinks(artifacts: readonly Artifact[]): BrokenLink[] {
  const scans = new Map<string, Scan>();
  for (const a of artifacts) if (a.path.endsWith('.html')) scans.set(a.path, scanHtml(a.content));
  return brokenLinks(scans, new Set(artifacts.map((a) => a.path)));
}


/**
 * The copy committed at the repository's `docs/OPERATIONS/` (the seed's path): the setup guide and
 * the runbooks, byte-identical to `generate`'s, paths relative to `docs/OPERATIONS/`. Pass the
 * production model: when the spec declares a `production` environment, any other throws.
 */
export async function operationsDocs(model: ResolvedModel, options: DocsOptions = {}): Promise<Artifact[]> {
  if (model.environments.includes('production') && model.environment !== 'production') {
    throw new Error(`Unexpected environment "${model.environment}" for docs/OPERATIONS, expected "production"`);
  }
  const keep = (path: string) => path === `${DOCS_ROOT}/${model.service.setupGuide}` || path === `${DOCS_ROOT}/${ARCHITECTURE_IMAGE}` || path.startsWith(`${DOCS_ROOT}/runbooks/`);
  return (await generate(model, options))
    .filter((a) => keep(a.path))
    .map((a) => ({ path: a.path.slice(DOCS_ROOT.length + 1), content: a.content }));
}
