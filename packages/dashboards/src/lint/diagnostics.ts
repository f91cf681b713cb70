import { escapePointerSegment, type Diagnostic, type ResolvedModel } from '@monspec/metrics-spec';
import type { DashboardFinding } from './types.js';

/**
 * A dashboard lint finding as a spec diagnostic, with the JSON pointer of the spec's panel (or
 * dashboard) it is about, so the CLI locates it at file:line:col like any other check.
 */
export function lintFindingToDiagnostic(f: DashboardFinding, model: ResolvedModel): Diagnostic {
  const dashboard = model.dashboards.find((d) => d.uid === f.dashboard);
  const panel = f.panel === undefined ? undefined : dashboard?.panels.find((p) => p.id === f.panel);
  const pointer = dashboard && `/dashboards/${escapePointerSegment(dashboard.uid)}${panel ? `/panels/${escapePointerSegment(panel.key)}` : ''}`;
  const where = panel ? ` (dashboard ${dashboard?.uid}, panel ${panel.key})` : dashboard ? ` (dashboard ${dashboard.uid})` : '';
  return { ruleId: f.ruleId, severity: f.severity, message: `${f.message}${where}`, ...(pointer ? { pointer } : {}) };
}
