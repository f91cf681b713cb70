/**
 * What every generator returns: files as data. Generators never write; the CLI's writer does, once,
 * atomically, and `build --check` compares the same list against the disk.
 */
import type { Diagnostic } from './diagnostics.js';
import type { ResolvedModel } from './model.js';

/** The file formats monspec writes; the writer chooses the "generated, do not edit" comment by kind. */
export type ArtifactKind = 'yaml' | 'markdown' | 'json' | 'svg' | 'html' | 'css' | 'typescript';

/** Which running system reads the file once deployed (`people` for documentation). */
export type ArtifactEngine = 'prometheus' | 'alertmanager' | 'grafana' | 'loki' | 'service' | 'people';

/**
 * What a file is, apart from its bytes: where it goes, what it is and who deploys it. The CLI reads
 * these instead of recognising paths.
 */
export interface ArtifactDescriptor {
  /** POSIX path relative to the environment's output directory, e.g. `prometheus/rules/alerts.rules.yml`. */
  readonly path: string;
  /** Its format; when absent, `artifactKind(path)` decides from the file name. */
  readonly kind?: ArtifactKind;
  /** One line saying what the file is, for the header (e.g. `Loki ruler rules (LogQL).`). */
  readonly title?: string;
  /** The system that loads it. */
  readonly engine?: ArtifactEngine;
  /** Whether and where this environment deploys it, one sentence for the header (`Deploy: yes, to …`). */
  readonly deploy?: string;
}

export interface Artifact extends ArtifactDescriptor {
  /** The complete file content (UTF-8 text), without the "generated, do not edit" note: the CLI writer adds it by kind. */
  readonly content: string;
}

const KINDS: ReadonlyArray<readonly [RegExp, ArtifactKind]> = [
  [/\.ya?ml$/, 'yaml'],
  [/\.md$/, 'markdown'],
  [/\.json$/, 'json'],
  [/\.svg$/, 'svg'],
  [/\.html$/, 'html'],
  [/\.css$/, 'css'],
  [/\.ts$/, 'typescript'],
];

/** An artifact's kind: the declared one, else by file name (undefined for a name monspec does not write). */
export function artifactKind(artifact: ArtifactDescriptor): ArtifactKind | undefined {
  return artifact.kind ?? KINDS.find(([re]) => re.test(artifact.path))?.[1];
}

/**
 * The contract every output implements (in the spirit of graphql-code-generator's plugins): an id,
 * a pure `generate` (sync or async; the CLI awaits both alike) and an optional `lint` of what it
 * generated. Generators never touch the file system, the environment or the clock, and never import
 * each other: facts one needs from another arrive through its options, filled in by the CLI.
 */
export interface Generator<Options = undefined> {
  /** Stable id, e.g. `dashboards`, `loki-rules` (timings and messages name it). */
  readonly id: string;
  generate(model: ResolvedModel, options: Options): readonly Artifact[] | Promise<readonly Artifact[]>;
  /** Findings about the generated files; `pointer` (into the spec) lets the CLI locate them. An error stops the build. */
  lint?(model: ResolvedModel, artifacts: readonly Artifact[]): readonly Diagnostic[];
}

/**
 * Thrown by a generator whose output exposes a mistake in the spec (e.g. prose the docs lint
 * refuses): findings about the spec, not a crash. The CLI reports `diagnostics` and writes nothing.
 */
export class GeneratorFindings extends Error {
  constructor(
    readonly generator: string,
    readonly diagnostics: readonly Diagnostic[],
    message: string,
  ) {
    super(message);
    this.name = 'GeneratorFindings';
  }
}
