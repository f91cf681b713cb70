import { escapePointerSegment, sortDiagnostics, type CompileResult, type Diagnostic, type ResolvedModel } from '@monspec/metrics-spec';
import type { DashboardFinding } from '@monspec/dashboards';

/**
 * A dashboard lint finding as a spec diagnostic, located at the spec's panel (or dashboard) it is
 * about through the compile's source map, so it prints as file:line:col like any other check.
 */
export function lintFindingToDiagnostic(f: DashboardFinding, model: ResolvedModel, locate: CompileResult['locate']): Diagnostic {
  const dashboard = model.dashboards.find((d) => d.uid === f.dashboard);
  const panel = f.panel === undefined ? undefined : dashboard?.panels.find((p) => p.id === f.panel);
  const pointer = dashboard && `/dashboards/${escapePointerSegment(dashboard.uid)}${panel ? `/panels/${escapePointerSegment(panel.key)}` : ''}`;
  const location = pointer === undefined ? undefined : locate(pointer);
  const where = panel ? ` (dashboard ${dashboard?.uid}, panel ${panel.key})` : dashboard ? ` (dashboard ${dashboard.uid})` : '';
  return { ruleId: f.ruleId, severity: f.severity, message: `${f.message}${where}`, ...(location ? { location } : {}), ...(pointer ? { pointer } : {}) };
}

/** The dashboard lint `build` runs, as located diagnostics. Loads the dashboards package: call it only on a valid spec. */
export async function dashboardLintDiagnostics(model: ResolvedModel, locate: CompileResult['locate']): Promise<Diagnostic[]> {
  const { lintDashboards } = await import('@monspec/dashboards');
  return sortDiagnostics(lintDashboards(model).map((f) => lintFindingToDiagnostic(f, model, locate)));
}
