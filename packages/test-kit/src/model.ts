/**
 * A test spec compiled by the caller's `compileSpec` or `compileSpecDir` of `@monspec/metrics-spec`
 * (this package depends on no monspec package, so metrics-spec's own tests may use it too).
 */

/** One file of a spec, as `compileSpec` takes it. */
export interface SpecFile {
  readonly path: string;
  readonly text: string;
}

interface Compiled<M> {
  readonly model: M | undefined;
  readonly diagnostics: readonly { readonly ruleId: string; readonly severity: string; readonly message: string; readonly location?: { readonly file: string; readonly line: number } }[];
  readonly usageError: string | undefined;
}

/** `compileSpec` (files in memory) or `compileSpecDir` (a folder; undefined for the embedded spec) of `@monspec/metrics-spec`. */
export type CompileSpec<I, M> = (input: I, options: { readonly environment?: string }) => Compiled<M>;

/** The model of `input` in `environment` (the spec's default when omitted); throws, listing them, on an error. */
export function compiledModel<I, M>(compile: CompileSpec<I, M>, input: I, environment?: string): M {
  const result = compile(input, environment === undefined ? {} : { environment });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.model || errors.length > 0) {
    const found = errors.map((d) => `${d.location?.file ?? ''}:${d.location?.line ?? ''} ${d.ruleId} ${d.message}`);
    throw new Error(`the test spec does not compile${environment === undefined ? '' : ` (${environment})`}:\n${found.join('\n')}${result.usageError ?? ''}`);
  }
  return result.model;
}
