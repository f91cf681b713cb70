/**
 * What every generator returns: files as data. Generators never write; the CLI's writer does, once,
 * atomically, and `build --check` compares the same list against the disk.
 */
export interface Artifact {
  /** POSIX path relative to the environment's output directory, e.g. `prometheus/rules/alerts.rules.yml`. */
  readonly path: string;
  /** The complete file content (UTF-8 text). */
  readonly content: string;
}

/** A generator: a pure function of the resolved model. */
export type Generator<Options = Record<string, never>> = (model: import('./model.js').ResolvedModel, options?: Options) => Artifact[];
