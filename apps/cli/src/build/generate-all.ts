import { descriptorOf, type Artifact, type ArtifactDescriptor, type Diagnostic, type ResolvedModel } from '@monspec/metrics-spec';
import { docsOptions, GENERATORS, type RegisteredGenerator } from '../generators/registry.js';
import { addHeaders } from './headers.js';
import { offload, worthOffloading } from './offload.js';
import { buildManifest, OPS_MANIFEST_PATH } from './manifest.js';

export interface GeneratedEnvironment {
  readonly environment: string;
  /** Sorted by path, headers added, manifest.json last. */
  readonly artifacts: readonly Artifact[];
  /** Findings of the generators' lints (the dashboard lint), with the spec pointer they are about; not yet located. */
  readonly lint: readonly Diagnostic[];
  /** Per generator, milliseconds. */
  readonly timings: Readonly<Record<string, number>>;
}

function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Whether two descriptors agree on every field. */
function sameDescriptor(a: ArtifactDescriptor, b: ArtifactDescriptor): boolean {
  return a.path === b.path && a.kind === b.kind && a.title === b.title && a.engine === b.engine && a.deploy === b.deploy && a.role === b.role && a.subject === b.subject && a.deployed === b.deployed;
}

/**
 * The contract's promise that `describe` lists exactly what `generate` returns: readers such as the
 * setup guide trust the description. A mismatch is a bug in that generator. Compared field by field
 * in path order, without building keys: at N=1000 this runs over 5000 files per build.
 */
function checkDescribed(id: string, described: readonly ArtifactDescriptor[], artifacts: readonly Artifact[]): void {
  const expected = [...described].sort(byPath);
  const actual = [...artifacts].sort(byPath);
  if (expected.length === actual.length && expected.every((d, i) => sameDescriptor(d, actual[i] as Artifact))) return;
  const key = (d: ArtifactDescriptor) => JSON.stringify([d.path, d.kind, d.title, d.engine, d.deploy, d.role, d.subject, d.deployed]);
  const expectedKeys = new Set(expected.map(key));
  const actualKeys = new Set(actual.map((a) => key(descriptorOf(a))));
  const missing = [...expectedKeys].filter((k) => !actualKeys.has(k));
  const extra = [...actualKeys].filter((k) => !expectedKeys.has(k));
  throw new Error(`Unexpected files from the ${id} generator: generated but not described ${extra.join(' ') || 'none'}; described but not generated ${missing.join(' ') || 'none'}; expected describe() to list exactly what generate() returns`);
}

/**
 * Runs every registered generator on one environment's model. A generator that finds a mistake in the
 * spec throws `GeneratorFindings` (the caller reports it); any other error is a crash. `generators`
 * is the registry unless a test passes its own. With `jobs` > 1 and a large model, the portable
 * generators (the docs) run in a worker thread meanwhile (offload.ts); the result is the same.
 * `remember`: keep the docs in this thread's cache (the caller builds the ops docs next); otherwise
 * they are dropped from it before the header pass, which makes the copies that are written.
 */
export async function generateEnvironment(model: ResolvedModel, toolVersion: string, generators: readonly RegisteredGenerator[] = GENERATORS, jobs = 1, remember = true): Promise<GeneratedEnvironment> {
  const timings: Record<string, number> = {};
  const add = (name: string, since: number) => void (timings[name] = (timings[name] ?? 0) + performance.now() - since);
  const produced: Artifact[] = [];
  const lint: Diagnostic[] = [];
  const owner = new Map<string, string>();
  const byGenerator: Array<readonly [RegisteredGenerator, readonly Artifact[]]> = [];
  const loading = performance.now();
  await Promise.all(generators.map((g) => g.load()));
  add('load', loading);
  const away = new Map<RegisteredGenerator, Promise<{ artifacts: readonly Artifact[]; ms: number }>>();
  if (worthOffloading(model, jobs)) {
    for (const g of generators) {
      if (!g.portable) continue;
      const job = offload(g, model, remember);
      // Awaited below, after the other generators; a failure meanwhile is not "unhandled".
      job.catch(() => undefined);
      away.set(g, job);
    }
  }
  const results = new Map<RegisteredGenerator, readonly Artifact[]>();
  for (const g of generators) {
    if (away.has(g)) continue;
    const t = performance.now();
    results.set(g, await g.generate(model));
    add(g.id, t);
  }
  for (const [g, job] of away) {
    const t = performance.now();
    const { artifacts, ms } = await job;
    add('wait', t);
    timings[g.id] = (timings[g.id] ?? 0) + ms;
    results.set(g, artifacts);
  }
  // Nothing asks for this model's documents again: the header pass's copies are the only ones kept.
  if (!remember) for (const g of generators) await g.forget?.(model);
  // In registry order, as when every generator runs here.
  for (const g of generators) {
    const artifacts = results.get(g) ?? [];
    const t = performance.now();
    checkDescribed(g.id, await g.describe(model), artifacts);
    add('describe', t);
    for (const a of artifacts) {
      const other = owner.get(a.path);
      if (other !== undefined) throw new Error(`Unexpected ${a.path} from the ${g.id} generator, expected each path from one generator (${other} produced it too)`);
      owner.set(a.path, g.id);
    }
    produced.push(...artifacts);
    byGenerator.push([g, artifacts]);
  }
  // Each generator's lint of its files, once every output is generated.
  let t = performance.now();
  for (const [g, artifacts] of byGenerator) lint.push(...(await g.lint(model, artifacts)));
  add('lint', t);
  t = performance.now();
  const artifacts = addHeaders(produced, model).sort(byPath);
  add('headers', t);
  t = performance.now();
  const manifest = buildManifest(model, artifacts, toolVersion);
  add('manifest', t);
  return { environment: model.environment, artifacts: [...artifacts, manifest], lint, timings };
}

/**
 * The production copy of the docs (docs/OPERATIONS), sorted, with its own manifest last: the folder is
 * plain Markdown for people, and the dotfile tells the next build which files are monspec's.
 */
export async function operationsDocs(model: ResolvedModel, toolVersion: string): Promise<Artifact[]> {
  const docs = await import('@monspec/docs-gen');
  const artifacts = addHeaders(await docs.operationsDocs(model, await docsOptions(model)), model).sort(byPath);
  return [...artifacts, buildManifest(model, artifacts, toolVersion, OPS_MANIFEST_PATH)];
}
