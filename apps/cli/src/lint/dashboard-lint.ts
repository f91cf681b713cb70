import { escapePointerSegment, sortDiagnostics, type CompileResult, type Diagnostic, type ResolvedModel } from '@monspec/metrics-spec';

/**
 * The dashboard lint `build` runs, as spec diagnostics: each finding located at the spec's panel
 * (or dashboard) it is about, through the compile's source map, so `validate` reports it as
 * file:line:col like any other check. Loads the dashboards package, so call it only on a valid spec.
 */
export async function dashboardLintDiagnostics(model: ResolvedModel, locate: CompileResult['locate']): Promise<Diagnostic[]> {
  const { lintDashboards } = await import('@monspec/dashboards');
  return sortDiagnostics(
    lintDashboards(model).map((f): Diagnostic => {
      const dashboard = model.dashboards.find((d) => d.uid === f.dashboard);
      const panel = f.panel === undefined ? undefined : dashboard?.panels.find((p) => p.id === f.panel);
      const pointer = dashboard && `/dashboards/${escapePointerSegment(dashboard.uid)}${panel ? `/panels/${escapePointerSegment(panel.key)}` : ''}`;
      const location = pointer === undefined ? undefined : locate(pointer);
      const where = panel ? ` (dashboard ${dashboard?.uid}, panel ${panel.key})` : dashboard ? ` (dashboard ${dashboard.uid})` : '';
      return { ruleId: f.ruleId, severity: f.severity, message: `${f.message}${where}`, ...(location ? { location } : {}), ...(pointer ? { pointer } : {}) };
    }),
  );
}
