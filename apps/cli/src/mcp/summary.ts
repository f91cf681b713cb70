/**
 * The resolved model in a few kilobytes, for an agent's context: names, meanings, units, levels and
 * links, not the generated JSON. Pure.
 */
import { formatValue, type ResolvedModel } from '@monspec/metrics-spec';

export function modelSummary(model: ResolvedModel, files: readonly string[]) {
  const level = (v: number | undefined, unit: Parameters<typeof formatValue>[1]) => (v === undefined ? undefined : formatValue(v, unit));
  const names = [...new Set(model.alerts.map((a) => a.name))];
  return {
    service: { name: model.service.name, title: model.service.title, description: model.service.description, team: model.service.team, grafana: model.service.grafana.url },
    environment: model.environment,
    environments: model.environments,
    files,
    metrics: model.metrics.map((m) => ({ name: m.name, type: m.type, unit: m.unit, meaning: m.meaning, labels: m.labels.map((l) => l.name), ...(m.deprecated ? { deprecated: m.deprecated.reason } : {}), file: m.sourceFile })),
    recordingRules: model.recordingRules.filter((r) => r.origin === 'spec').map((r) => ({ name: r.name, unit: r.unit, meaning: r.description })),
    thresholds: model.thresholds.map((t) => ({ name: t.name, unit: t.unit, direction: t.direction, warning: level(t.warning, t.unit), critical: level(t.critical, t.unit), meaning: t.description })),
    alerts: names.map((name) => {
      const rules = model.alerts.filter((a) => a.name === name);
      const first = rules[0] as (typeof rules)[number];
      return {
        name,
        severities: [...new Set(rules.map((a) => a.severity))],
        summary: first.summary,
        ...(first.condition?.threshold ? { threshold: `${first.condition.threshold.name}.${first.condition.threshold.level} = ${first.condition.threshold.display}` } : {}),
        for: first.for,
        panel: `${first.dashboard.dashboard}/${first.dashboard.panel}`,
        ...(first.slo ? { slo: first.slo.name } : {}),
        file: first.sourceFile,
      };
    }),
    slos: model.slos.map((s) => ({ name: s.name, objective: formatValue(s.objective, 'ratio'), window: s.window, alert: s.alertName })),
    dashboards: model.dashboards.map((d) => ({
      uid: d.uid,
      title: d.title,
      panels: d.panels.map((p) => ({ key: p.key, title: p.title, type: p.type, ...(p.unit ? { unit: p.unit } : {}), ...(p.threshold ? { threshold: p.threshold.name } : {}) })),
    })),
    logPatterns: model.logs.patterns.map((p) => p.name),
  };
}
