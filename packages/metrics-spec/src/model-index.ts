import type { ResolvedAlert, ResolvedDashboard, ResolvedMetric, ResolvedModel, ResolvedPanel, ResolvedRecordingRule, ResolvedThreshold, PanelRef } from './model.js';

/** Lookups over a model, built once per model and cached (the model is frozen, so this is safe). */
export interface ModelIndex {
  metric(name: string): ResolvedMetric | undefined;
  threshold(name: string): ResolvedThreshold | undefined;
  recordingRule(name: string): ResolvedRecordingRule | undefined;
  dashboard(uid: string): ResolvedDashboard | undefined;
  panel(ref: PanelRef): { dashboard: ResolvedDashboard; panel: ResolvedPanel } | undefined;
  /** All rules of an alert name (SLO alerts have one per severity). */
  alerts(name: string): readonly ResolvedAlert[];
}

const cache = new WeakMap<ResolvedModel, ModelIndex>();

export function indexModel(model: ResolvedModel): ModelIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const metrics = new Map(model.metrics.map((m) => [m.name, m]));
  const thresholds = new Map(model.thresholds.map((t) => [t.name, t]));
  const rules = new Map(model.recordingRules.map((r) => [r.name, r]));
  const dashboards = new Map(model.dashboards.map((d) => [d.uid, d]));
  const panels = new Map<string, { dashboard: ResolvedDashboard; panel: ResolvedPanel }>();
  for (const d of model.dashboards) for (const p of d.panels) panels.set(`${d.uid}/${p.key}`, { dashboard: d, panel: p });
  const alerts = new Map<string, ResolvedAlert[]>();
  for (const a of model.alerts) alerts.set(a.name, [...(alerts.get(a.name) ?? []), a]);
  const index: ModelIndex = {
    metric: (name) => metrics.get(name),
    threshold: (name) => thresholds.get(name),
    recordingRule: (name) => rules.get(name),
    dashboard: (uid) => dashboards.get(uid),
    panel: (ref) => panels.get(`${ref.dashboard}/${ref.panel}`),
    alerts: (name) => alerts.get(name) ?? [],
  };
  cache.set(model, index);
  return index;
}
