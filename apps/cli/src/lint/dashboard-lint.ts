import { sortDiagnostics, type CompileResult, type Diagnostic, type ResolvedModel } from '@monspec/metrics-spec';

/** A generator's lint finding located at the spec value its pointer names (file:line:col), as the spec checks are. */
export function locateDiagnostic(d: Diagnostic, locate: CompileResult['locate']): Diagnostic {
  const location = d.location ?? (d.pointer === undefined ? undefined : locate(d.pointer));
  return location ? { ...d, location } : d;
}

/** The dashboard lint `build` runs, as located diagnostics. Loads the dashboards package: call it only on a valid spec. */
export async function dashboardLintDiagnostics(model: ResolvedModel, locate: CompileResult['locate']): Promise<Diagnostic[]> {
  const { lintDashboards, lintFindingToDiagnostic } = await import('@monspec/dashboards');
  return sortDiagnostics(lintDashboards(model).map((f) => locateDiagnostic(lintFindingToDiagnostic(f, model), locate)));
}
