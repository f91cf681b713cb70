/**
 * Every output monspec builds, one line each. `generateEnvironment` loops over this list; nothing
 * else in the CLI names a generator. Adding an output: write a `Generator` in a generator package,
 * export it, add its line here (CONTRIBUTING.md, "Add an output").
 */
import type { Artifact, ArtifactDescriptor, Diagnostic, Generator, ResolvedModel } from '@monspec/metrics-spec';

/** A generator with its options bound, ready to run on a model. */
export interface RegisteredGenerator {
  readonly id: string;
  /** Loads the generator's package (once); the build does it up front, so stage timings hold no module loading. */
  load(): Promise<void>;
  /** The descriptors of the files `generate` returns (cheap: nothing is rendered). */
  describe(model: ResolvedModel): Promise<readonly ArtifactDescriptor[]>;
  generate(model: ResolvedModel): Promise<readonly Artifact[]>;
  /** The generator's lint of what it generated (none when it has no lint). */
  lint(model: ResolvedModel, artifacts: readonly Artifact[]): Promise<readonly Diagnostic[]>;
  /** Present when the generator may run in a worker thread (build/offload.ts). */
  readonly portable?: PortableGenerator;
  /** Drops what this process remembers of the model's output (the docs cache), when nothing will ask again. */
  forget?(model: ResolvedModel): Promise<void>;
}

/**
 * A generator that can run in another thread: what it needs from this one is plain data
 * (`facts`, structured-clonable: descriptors, counts), and `generateFrom` gives the bytes `generate`
 * gives. `adopt` tells this thread's caches what the worker produced (docs/OPERATIONS reuses it).
 */
export interface PortableGenerator {
  facts(model: ResolvedModel): Promise<unknown>;
  generateFrom(model: ResolvedModel, facts: unknown): Promise<readonly Artifact[]>;
  adopt(model: ResolvedModel, facts: unknown, artifacts: readonly Artifact[]): Promise<void>;
}

/** How a registry line's options are rebuilt from plain data in another thread. */
interface Portable<F, O> {
  facts(model: ResolvedModel): Promise<F>;
  options(facts: F): Promise<O>;
  adopt(model: ResolvedModel, options: O, artifacts: readonly Artifact[]): Promise<void>;
}

/**
 * One registry line: the generator, loaded on first use (so `validate` never pays for the Grafana
 * SDK or remark), and its options for a model. Facts one generator needs from another come in here.
 */
export function register<O, F = never>(id: string, load: () => Promise<Generator<O>>, options: (model: ResolvedModel) => O | Promise<O>, portable?: Portable<F, O>): RegisteredGenerator {
  let loading: Promise<Generator<O>> | undefined;
  const loaded = () =>
    (loading ??= load().then((generator) => {
      if (generator.id !== id) throw new Error(`Unexpected generator id ${generator.id} on the registry line ${id}, expected the same`);
      return generator;
    }));
  return {
    id,
    load: async () => void (await loaded()),
    describe: async (model) => (await loaded()).describe(model, await options(model)),
    generate: async (model) => (await loaded()).generate(model, await options(model)),
    async lint(model, artifacts) {
      const generator = await loaded();
      return generator.lint ? generator.lint(model, artifacts) : [];
    },
    ...(portable
      ? {
          portable: {
            facts: (model) => portable.facts(model),
            generateFrom: async (model, facts) => (await loaded()).generate(model, await portable.options(facts as F)),
            adopt: async (model, facts, artifacts) => portable.adopt(model, await portable.options(facts as F), artifacts),
          },
        }
      : {}),
  };
}

const none = (): undefined => undefined;

/** docs-gen's cache, owned by this process: `--all-envs`, `--ops-docs` and `build --watch` render little twice. */
let docsCache: import('@monspec/docs-gen').DocsCache | undefined;

/** The process's docs cache (validate's docs check and the build share remark's answers through it). */
export async function sharedDocsCache(): Promise<import('@monspec/docs-gen').DocsCache> {
  docsCache ??= new (await import('@monspec/docs-gen')).DocsCache();
  return docsCache;
}

/**
 * What every output but the docs writes for a model: the guide names these files by their role.
 * Described, not generated, so `validate`'s docs check pays nothing for it.
 */
export async function otherOutputs(model: ResolvedModel): Promise<ArtifactDescriptor[]> {
  const out: ArtifactDescriptor[] = [];
  for (const g of GENERATORS) if (g.id !== 'docs') out.push(...(await g.describe(model)));
  return out;
}

/** What the docs need from the other generators, as plain data (a worker thread gets it as is). */
interface DocsFacts {
  readonly promtoolTestCases: number;
  readonly artifacts: readonly ArtifactDescriptor[];
}

async function docsFacts(model: ResolvedModel): Promise<DocsFacts> {
  const alerts = await import('@monspec/alerts');
  return { promtoolTestCases: alerts.promtoolTestCaseCount(model), artifacts: await otherOutputs(model) };
}

/** The docs' options from their facts, with this thread's cache. */
async function docsOptionsFrom(facts: DocsFacts): Promise<import('@monspec/docs-gen').DocsOptions> {
  return { ...facts, cache: await sharedDocsCache() };
}

/** The docs' options for a model (also for docs/OPERATIONS, so both share the cache). */
export async function docsOptions(model: ResolvedModel): Promise<import('@monspec/docs-gen').DocsOptions> {
  return docsOptionsFrom(await docsFacts(model));
}

const docsPortable: Portable<DocsFacts, import('@monspec/docs-gen').DocsOptions> = {
  facts: docsFacts,
  options: docsOptionsFrom,
  adopt: async (model, options, artifacts) => options.cache?.remember(model, options, artifacts),
};
const defaults = () => ({});

export const GENERATORS: readonly RegisteredGenerator[] = [
  register('dashboards', async () => (await import('@monspec/dashboards')).dashboardsGenerator, defaults),
  register('alerts', async () => (await import('@monspec/alerts')).alertsGenerator, defaults),
  register('loki-rules', async () => (await import('@monspec/alerts')).lokiRulesGenerator, none),
  register('rulers', async () => (await import('@monspec/alerts')).rulersGenerator, none),
  register('instrumentation', async () => (await import('@monspec/instrumentation')).instrumentationGenerator, none),
  // The dashboard pictures (sample data) the docs site's dashboard pages show; the docs find them by role.
  register('previews', async () => (await import('@monspec/preview')).previewsGenerator, none),
  // The guide states how many promtool cases run and names the other outputs' files: facts of the other generators, passed along.
  // Portable: a large spec's docs render in a worker thread (build/offload.ts) while this one runs the others.
  { ...register('docs', async () => (await import('@monspec/docs-gen')).docsGenerator, docsOptions, docsPortable), forget: async (model) => (await sharedDocsCache()).forget(model) },
];
