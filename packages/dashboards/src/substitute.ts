/**
 * Dashboard variables replaced by values, for where the dashboard is not around to fill them in:
 * Explore links (Explore does not know dashboard variables) and checking queries with promtool.
 * A variable with "All" becomes its All value (`.*`, used with `=~`); otherwise its first value.
 * Grafana's globals ($__rate_interval, ...) are left alone: Explore fills those in itself.
 */
import type { ResolvedDashboard } from '@monspec/metrics-spec';
import { ALL_VALUE } from './variables.js';

export function substituteVariables(expr: string, dashboard: ResolvedDashboard): string {
  const values = new Map(dashboard.variables.map((v) => [v.name, v.includeAll ? ALL_VALUE : (v.values?.[0] ?? ALL_VALUE)]));
  return expr.replace(/\$\{(\w+)(?::[^}]*)?\}|\$(\w+)|\[\[(\w+)(?::[^\]]*)?\]\]/g, (whole, a: string | undefined, b: string | undefined, c: string | undefined) => {
    const value = values.get(a ?? b ?? c ?? '');
    return value ?? whole;
  });
}
