import type { DatasourceKind } from '@monspec/metrics-spec';
import { SUPPORTED_MACROS, unsupportedMacros } from '../../grafana-macros.js';
import { explorePanes } from '../explore.js';
import type { DashboardView } from '../view.js';
import type { LintRule } from '../types.js';
import { panelName, targetLanguage } from '../types.js';

function expected(kind: DatasourceKind): string {
  return SUPPORTED_MACROS[kind].filter((m) => !m.endsWith('_ms') && !m.endsWith('_s') && m !== '__from' && m !== '__to').map((m) => `$${m}`).join(', ');
}

export const datasourceMacros: LintRule = {
  id: 'dashboard-datasource-macros',
  severity: 'error',
  description:
    "Every query uses only the global macros its data source kind expands (Loki has no $__rate_interval: use $__auto; Prometheus has no $__auto): panel targets, Explore links on panels, and the runbook queries of the alerts. An unexpanded macro reaches the data source as text and the query fails.",
  run({ model, dashboards }, report) {
    const check = (dashboard: DashboardView, panel: Parameters<typeof report>[0]['panel'], expr: string, kind: DatasourceKind, where: string) => {
      for (const m of unsupportedMacros(expr, kind)) {
        report({ dashboard, panel, message: `Unexpected $${m} in ${where} (${kind}), expected one of the macros ${kind === 'loki' ? 'Loki' : 'Prometheus'} expands: ${expected(kind)}` });
      }
    };
    for (const d of dashboards) {
      for (const p of d.panels) {
        for (const t of p.targets) {
          if (t.expr) check(d, p, t.expr, targetLanguage(p, t) === 'logql' ? 'loki' : 'prometheus', `target ${t.refId ?? '?'} of ${panelName(p)}`);
        }
        for (const link of p.links) {
          for (const q of explorePanes(link.url ?? '').flatMap((pane) => pane.queries)) check(d, p, q.expr, q.kind, `the Explore link "${link.title ?? ''}" of ${panelName(p)}`);
        }
      }
    }
    // Runbook queries are reported on the dashboard the alert links to (the first one otherwise).
    const seen = new Set<string>();
    for (const alert of model.alerts) {
      if (seen.has(alert.name)) continue;
      seen.add(alert.name);
      const dashboard = dashboards.find((d) => d.uid === alert.dashboard.dashboard) ?? dashboards[0];
      if (!dashboard) return;
      alert.runbook.diagnosis.forEach((step, i) => {
        if (step.query) check(dashboard, undefined, step.query.expr, step.query.datasource, `runbook step ${i + 1} "${step.title}" of alert ${alert.name}`);
      });
    }
  },
};
