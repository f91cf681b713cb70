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
 * What a file is for, so its readers (the setup guide, `monspec test`, deploy) find it by role and
 * never by path. `subject` names which one where a role has many files.
 */
export type ArtifactRole =
  /** subject: the dashboard's uid. */
  | 'grafana-dashboard'
  | 'grafana-dashboard-provider'
  | 'grafana-datasources'
  | 'grafana-alert-rules'
  | 'grafana-contact-points'
  | 'grafana-policies'
  | 'grafana-alertmanager-datasource'
  | 'prometheus-recording-rules'
  | 'prometheus-alerting-rules'
  | 'promtool-tests'
  | 'alertmanager-config'
  /** The Prometheus Operator's AlertmanagerConfig object (the routing of alertmanager-config). */
  | 'alertmanager-operator-config'
  | 'loki-rules'
  /** The Prometheus-side rule groups for another ruler; subject: the ruler type (mimir, thanos, prometheus-operator). */
  | 'ruler-rules'
  | 'instrumentation'
  /** A Markdown document of docs/ (the setup guide, the metrics catalogue). */
  | 'document'
  /** subject: the alert's name. */
  | 'runbook'
  | 'image'
  | 'site-page'
  | 'site-asset'
  /** The folder's list of files and hashes: monspec's bookkeeping, never deployed. */
  | 'manifest';

/**
 * What a file is, apart from its bytes: where it goes, what it is for and who deploys it. The CLI and
 * the docs read these instead of recognising paths.
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
  /** What the file is for. */
  readonly role: ArtifactRole;
  /** Which one, for a role with many files (a dashboard's uid, an alert's name). */
  readonly subject?: string;
  /** Whether this environment deploys the file (false: generated for review and tests only). */
  readonly deployed: boolean;
}

/** A file as text: its path and content, nothing else (e.g. what a check reads back from disk). */
export interface TextFile {
  /** POSIX path relative to a root the reader knows. */
  readonly path: string;
  readonly content: string;
}

export interface Artifact extends ArtifactDescriptor, TextFile {
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

/** An artifact's descriptor: everything but its content (what `Generator.describe` returns for it). */
export function descriptorOf(artifact: Artifact): ArtifactDescriptor {
  const { content: _content, ...descriptor } = artifact;
  return descriptor;
}

/** The descriptors with `role` (and `subject`, when given), in their order. */
export function withRole<D extends ArtifactDescriptor>(descriptors: readonly D[], role: ArtifactRole, subject?: string): D[] {
  return descriptors.filter((d) => d.role === role && (subject === undefined || d.subject === subject));
}

/**
 * The contract every output implements (in the spirit of graphql-code-generator's plugins): an id,
 * a cheap `describe` of the files it writes, a pure `generate` (sync or async; the CLI awaits both
 * alike) and an optional `lint` of what it generated. Generators never touch the file system, the
 * environment or the clock, and never import each other: facts one needs from another arrive
 * through its options, filled in by the CLI.
 */
export interface Generator<Options = undefined> {
  /** Stable id, e.g. `dashboards`, `loki-rules` (timings and messages name it). */
  readonly id: string;
  /**
   * The descriptors of the files `generate` returns for the same model and options, without their
   * content: cheap, so `validate` and the docs can know every output without generating it. The CLI
   * checks that `generate` returns exactly these.
   */
  describe(model: ResolvedModel, options: Options): readonly ArtifactDescriptor[];
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
