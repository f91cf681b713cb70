/**
 * What every tool, resource and prompt of `monspec mcp` works on: the spec directory, read afresh on
 * each call (an agent or a person may edit it between calls), and the live endpoints it was given.
 */
import { hasErrors, type Artifact, type CompileResult, type ResolvedModel, type SpecFile } from '@monspec/metrics-spec';
import { UsageError } from '../errors.js';
import { compileFiles, readSpec, type LoadedSpec } from '../spec-source.js';
import { TOOL_VERSION } from '../version.js';
import { ToolError } from './tool-error.js';

export interface McpOptions {
  readonly spec: LoadedSpec;
  /** The environment tools use when a call names none. */
  readonly environment: string | undefined;
  readonly prometheus: string | undefined;
  readonly alertmanager: string | undefined;
  readonly allowWrite: boolean;
  /** Internal errors are logged with their stack trace. */
  readonly debug: boolean;
}

export class Session {
  /** Generated artifacts by spec hash: generating takes a while, and the spec rarely changes between reads. */
  private artifactCache: { hash: string; artifacts: Promise<readonly Artifact[]> } | undefined;

  constructor(readonly options: McpOptions) {}

  get spec(): LoadedSpec {
    return this.options.spec;
  }

  files(): SpecFile[] {
    return asToolError(() => readSpec(this.spec));
  }

  compile(files: readonly SpecFile[] = this.files(), environment: string | undefined = this.options.environment): CompileResult {
    return asToolError(() => compileFiles(files, environment));
  }

  /** The resolved model, or a tool error saying the spec is invalid and where its first error is. */
  model(environment?: string): ResolvedModel {
    const result = this.compile(this.files(), environment ?? this.options.environment);
    if (result.model && !hasErrors(result.diagnostics)) return result.model;
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    const where = first?.location ? `${this.spec.displayDir}/${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
    throw new ToolError(`Unexpected invalid spec at ${this.spec.displayDir} (${errors.length} error(s); first: ${where}${first?.message ?? 'unknown'}), expected a valid spec; call the validate tool for every diagnostic`);
  }

  /** Every artifact `monspec build` writes for the model's environment, generated in memory. */
  async artifacts(model: ResolvedModel): Promise<readonly Artifact[]> {
    const key = `${model.specHash}:${model.environment}`;
    if (this.artifactCache?.hash !== key) {
      const { generateEnvironment } = await import('../build/generate-all.js');
      this.artifactCache = { hash: key, artifacts: generateEnvironment(model, TOOL_VERSION).then((g) => g.artifacts) };
      // A failed generation is not kept: the next read tries again.
      this.artifactCache.artifacts.catch(() => (this.artifactCache = undefined));
    }
    return this.artifactCache.artifacts;
  }
}

/** Usage errors of the shared CLI helpers (unreadable directory, unknown environment) become tool errors. */
function asToolError<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof UsageError) throw new ToolError(err.message);
    throw err;
  }
}
