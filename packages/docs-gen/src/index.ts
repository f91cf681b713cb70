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
import { GeneratorFindings, type Artifact, type ArtifactDescriptor, type Diagnostic, type Generator, type ResolvedModel, type TextFile } from '@monspec/metrics-spec';
import { brokenLinks, scanHtml, type BrokenLink, type Scan } from './links.js';
import type { LintMessage } from './markdown/lint-message.js';
import { loadProseEngine, needsRemark, Prose, ProseCache, RemarkNotLoaded } from './markdown/prose.js';
import { renderDocument } from './page/document.js';
import { ARCHITECTURE_IMAGE, DOCS_ROOT, METRICS_DOC, SITE_CSS, SITE_ROOT, runbookDoc, sitePage } from './paths.js';
import { architectureGraph } from './diagram/architecture.js';
import { architectureSvg } from './diagram/svg.js';
import { renderSite, type SitePage } from './site/site.js';
import type { TemplateName } from './templates/templates.generated.js';
import { indexView } from './view/site-index.js';
import { metricsView } from './view/metrics.js';
import { alertNames, runbookView } from './view/runbook.js';
import { setupView } from './view/setup.js';
import { docStrings } from './view/doc-strings.js';
import { dashboardDoc, dashboardView } from './view/dashboard.js';

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
   * The descriptors of what the other generators write for this environment (the CLI passes them):
   * the setup guide's deployment table and checklists name these files by their role, never by a
   * path of their own. Without them the guide names no generated file.
   */
  readonly artifacts?: readonly ArtifactDescriptor[];
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

  /**
   * Remembers what `generate(model, options)` returned, also when it ran elsewhere (the CLI renders
   * a large spec's docs in a worker thread), so a later call with the same options is a hit.
   */
  remember(model: ResolvedModel, options: DocsOptions, artifacts: readonly Artifact[]): void {
    const documents = this.documents.get(model) ?? new Map<string, readonly Artifact[]>();
    documents.set(optionsKey(options), Object.freeze(artifacts.map((a) => Object.freeze(a))));
    this.documents.set(model, documents);
  }

  /** Drops a model's documents (a build that renders them once frees them before writing). */
  forget(model: ResolvedModel): void {
    this.documents.delete(model);
  }
}

/** Everything in the options that changes the bytes (the other outputs' paths and roles are in the guide). */
function optionsKey(options: DocsOptions): string {
  return `${options.verify ?? true}:${options.promtoolTestCases ?? ''}:${(options.artifacts ?? []).map((a) => `${a.role}=${a.path}${a.deployed ? '' : '!'}`).join(',')}`;
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

/** A document: its path under `docs/` (`index.md` is the site's home page only), page title and template. */
interface DocEntry {
  readonly doc: string;
  readonly title: string;
  readonly template: TemplateName;
  /** The alert a runbook is about. */
  readonly alert?: string;
  /** The dashboard (uid) a dashboard page is about. */
  readonly dashboard?: string;
  /** A page of the site only, with no Markdown document under docs/ (the home page, the dashboard pages). */
  readonly siteOnly?: boolean;
}

interface DocSource extends DocEntry {
  readonly view: () => object;
}

function documents(model: ResolvedModel): DocEntry[] {
  const title = model.service.title;
  return [
    { doc: 'index.md', title: `${title} monitoring`, template: 'index.md', siteOnly: true },
    { doc: model.service.setupGuide, title: `${title} monitoring setup`, template: 'setup.md' },
    { doc: METRICS_DOC, title: `${title} metrics catalogue`, template: 'metrics.md' },
    ...alertNames(model).map((name) => ({ doc: runbookDoc(name), title: name, template: 'runbook.md' as const, alert: name })),
    ...model.dashboards.map((d) => ({ doc: dashboardDoc(d.uid), title: `${d.title} dashboard`, template: 'dashboard.md' as const, dashboard: d.uid, siteOnly: true })),
  ];
}

function sources(model: ResolvedModel, ctx: Prose, options: DocsOptions): DocSource[] {
  return documents(model).map((d) => ({
    ...d,
    view: (): object => {
      switch (d.template) {
        case 'index.md':
          return indexView(model, ctx);
        case 'setup.md':
          return setupView(model, ctx, options);
        case 'metrics.md':
          return metricsView(model, ctx);
        case 'dashboard.md':
          return dashboardView(model, d.dashboard ?? '', ctx, options.artifacts ?? []);
        default:
          return runbookView(model, d.alert ?? d.title, ctx);
      }
    },
  }));
}

/** Every file `generate` writes, without content: Markdown under docs/ for the repository, the site for the docs host. */
export function describe(model: ResolvedModel): ArtifactDescriptor[] {
  const people = { engine: 'people' } as const;
  const out: ArtifactDescriptor[] = [];
  for (const d of documents(model)) {
    if (d.siteOnly !== true) out.push({ path: `${DOCS_ROOT}/${d.doc}`, ...people, deployed: false, ...(d.alert !== undefined ? { role: 'runbook', subject: d.alert } : { role: 'document' }) });
    const subject = d.alert ?? d.dashboard;
    out.push({ path: `${SITE_ROOT}/${sitePage(d.doc)}`, ...people, role: 'site-page', deployed: true, ...(subject !== undefined ? { subject } : {}) });
  }
  out.push(
    { path: `${DOCS_ROOT}/${ARCHITECTURE_IMAGE}`, ...people, role: 'image', deployed: false },
    { path: `${SITE_ROOT}/${ARCHITECTURE_IMAGE}`, ...people, role: 'image', deployed: true },
    { path: `${SITE_ROOT}/${SITE_CSS}`, ...people, role: 'site-asset', deployed: true },
  );
  return out.sort(byPath);
}

/** Every document, each rendered once, with the prose renderer of this call. */
function build(model: ResolvedModel, ctx: Prose, options: DocsOptions): { docs: TextFile[]; pages: SitePage[] } {
  const all = sources(model, ctx, options);
  const known = new Set(all.map((s) => s.doc));
  const docs: TextFile[] = [];
  const pages: SitePage[] = [];
  for (const s of all) {
    const rendered = renderDocument(s.template, s.view(), s.doc, known);
    // The home page and the dashboard pages are on the site only.
    if (s.siteOnly !== true) docs.push({ path: `${DOCS_ROOT}/${s.doc}`, content: rendered.markdown });
    pages.push({ doc: s.doc, title: s.title, body: rendered.body });
  }
  return { docs, pages };
}

function byPath<T extends { readonly path: string }>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Every document and the site, paths relative to the environment's output directory:
 * `docs/TUNNEL_MONITORING_SETUP.md`, `docs/metrics.md`, `docs/runbooks/<Alert>.md`, `site/…`.
 */
export async function generate(model: ResolvedModel, options: DocsOptions = {}): Promise<Artifact[]> {
  const verify = options.verify ?? true;
  const hit = options.cache?.documents.get(model)?.get(optionsKey(options));
  if (hit) return [...hit];
  // Decided before rendering, from the spec strings the documents render: remark only when needed.
  let engine = needsRemark(docStrings(model)) ? await loadProseEngine() : undefined;
  const proseCache = options.cache?.prose;
  proseCache?.nextRound();
  let ctx = new Prose(engine, proseCache);
  let built: { docs: TextFile[]; pages: SitePage[] };
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
  const files = [...built.docs, ...images, ...site.map((a) => ({ path: `${SITE_ROOT}/${a.path}`, content: a.content }))];
  const artifacts = withDescriptors(describe(model), files);
  if (verify) {
    const lint = ctx.findings;
    // The site's pictures from other outputs (the dashboard previews) are link targets too.
    const links = siteLinks(artifacts, (options.artifacts ?? []).filter((a) => a.path.startsWith(`${SITE_ROOT}/`)).map((a) => a.path));
    if (lint.length > 0 || links.length > 0) throw new DocsCheckError(lint, links);
  }
  options.cache?.remember(model, options, artifacts);
  return artifacts;
}

/** The rendered files as artifacts, each with its descriptor; a file without one (or the reverse) is a bug here. */
function withDescriptors(descriptors: readonly ArtifactDescriptor[], files: readonly TextFile[]): Artifact[] {
  const content = new Map(files.map((f) => [f.path, f.content]));
  const missing = descriptors.filter((d) => !content.has(d.path)).map((d) => d.path);
  const described = new Set(descriptors.map((d) => d.path));
  const undescribed = files.filter((f) => !described.has(f.path)).map((f) => f.path);
  if (missing.length > 0 || undescribed.length > 0 || content.size !== files.length) {
    throw new Error(`Unexpected docs files (not rendered: ${missing.join(', ') || 'none'}; not described: ${undescribed.join(', ') || 'none'}), expected describe() to list each rendered file once`);
  }
  return descriptors.map((d) => ({ ...d, content: content.get(d.path) ?? '' }));
}

/** The docs as a generator of the CLI's registry (`generate` throws `DocsCheckError` on findings). */
export const docsGenerator = { id: 'docs', describe, generate } satisfies Generator<DocsOptions>;

/** Broken links and anchors among the site's pages (the Markdown's links are the same ones, tested). */
function siteLinks(artifacts: readonly Artifact[], others: readonly string[]): BrokenLink[] {
  const scans = new Map<string, Scan>();
  for (const a of artifacts) if (a.path.endsWith('.html')) scans.set(a.path, scanHtml(a.content));
  return brokenLinks(scans, new Set([...artifacts.map((a) => a.path), ...others]));
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
    .map((a) => ({ ...a, path: a.path.slice(DOCS_ROOT.length + 1) }));
}
