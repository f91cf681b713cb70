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
}

/**
 * One registry line: the generator, loaded on first use (so `validate` never pays for the Grafana
 * SDK or remark), and its options for a model. Facts one generator needs from another come in here.
 */
export function register<O>(id: string, load: () => Promise<Generator<O>>, options: (model: ResolvedModel) => O | Promise<O>): RegisteredGenerator {
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

/** The docs' options for a model (also for docs/OPERATIONS, so both share the cache). */
export async function docsOptions(model: ResolvedModel): Promise<import('@monspec/docs-gen').DocsOptions> {
  const alerts = await import('@monspec/alerts');
  return { promtoolTestCases: alerts.promtoolTestCaseCount(model), artifacts: await otherOutputs(model), cache: await sharedDocsCache() };
}
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
  register('docs', async () => (await import('@monspec/docs-gen')).docsGenerator, docsOptions),
];
