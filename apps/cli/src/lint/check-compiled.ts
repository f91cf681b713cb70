import { hasErrors, sortDiagnostics, type CompileResult, type Diagnostic, type ResolvedModel } from '@monspec/metrics-spec';

export interface Checked {
  readonly environment: string | undefined;
  readonly model: ResolvedModel | undefined;
  /** The spec checks, then (on a spec without errors) the dashboard lint and the docs check `build` would run. */
  readonly diagnostics: readonly Diagnostic[];
}

/** What `validate` reports for one compiled environment: a spec that passes builds. */
export async function checkCompiled(result: CompileResult): Promise<Checked> {
  if (!result.model || hasErrors(result.diagnostics)) return { environment: result.environment, model: result.model, diagnostics: result.diagnostics };
  // Loaded only now: a spec with errors never pays for the dashboards package.
  const { dashboardLintDiagnostics } = await import('./dashboard-lint.js');
  const lint = await dashboardLintDiagnostics(result.model, result.locate);
  const { docsCheckDiagnostics } = await import('./docs-check.js');
  const docs = hasErrors(lint) ? [] : await docsCheckDiagnostics(result.model);
  return { environment: result.environment, model: result.model, diagnostics: sortDiagnostics([...result.diagnostics, ...lint, ...docs]) };
}

/** Key of a diagnostic, to report a finding every environment shares once. */
export function diagnosticKey(d: Diagnostic): string {
  return JSON.stringify([d.location?.file, d.location?.line, d.location?.column, d.ruleId, d.message]);
}
