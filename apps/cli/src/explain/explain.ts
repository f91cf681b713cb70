/**
 * What `monspec explain NAME` and the MCP server's `explain` tool say about a name of the spec: pure,
 * over a resolved model, so both print the same facts.
 */
import { dashboardUrl, didYouMean, exploreUrl, formatValue, indexModel, namesRead, panelUrl, runbookLink, type ResolvedModel } from '@monspec/metrics-spec';

export type ExplainKind = 'metric' | 'recording rule' | 'alert' | 'threshold' | 'slo' | 'panel';

export interface Explanation {
  readonly kind: ExplainKind;
  readonly name: string;
  readonly sections: ReadonlyArray<readonly [string, string | readonly string[]]>;
}

function bands(model: ResolvedModel, name: string): string {
  const t = indexModel(model).threshold(name);
  if (!t) return '';
  const parts: string[] = [];
  if (t.warning !== undefined) parts.push(`${t.states.warning} from ${formatValue(t.warning, t.unit)}`);
  if (t.critical !== undefined) parts.push(`${t.states.critical} from ${formatValue(t.critical, t.unit)}`);
  return `${t.name} (${t.direction === 'lower_is_worse' ? 'lower is worse' : 'higher is worse'}): ${parts.join(', ')}`;
}

/** Panels, rules and alerts whose PromQL reads `name` as a series (a metric's own series, or a recording rule). */
function usedBy(model: ResolvedModel, name: string): string[] {
  const reads = (expr: string) => namesRead(model, expr).includes(name);
  return [
    ...model.recordingRules.filter((r) => reads(r.expr)).map((r) => `recording rule ${r.name}`),
    ...model.alerts.filter((a) => a.datasource === 'prometheus' && reads(a.query)).map((a) => `alert ${a.name} (${a.severity})`),
    ...model.dashboards.flatMap((d) => d.panels.filter((p) => p.queries.some((q) => q.datasource === 'prometheus' && reads(q.expr))).map((p) => `panel ${d.title} › ${p.title}: ${panelUrl(model, d, p)}`)),
  ];
}

/** The names `explain` knows, for did-you-mean: metrics, recording rules, alerts, thresholds, SLOs, panels (`DASHBOARD/PANEL`). */
function explainableNames(model: ResolvedModel): string[] {
  return [
    ...model.metrics.map((x) => x.name),
    ...model.recordingRules.map((x) => x.name),
    ...new Set(model.alerts.map((x) => x.name)),
    ...model.thresholds.map((x) => x.name),
    ...model.slos.map((x) => x.name),
    ...model.dashboards.flatMap((d) => d.panels.map((p) => `${d.uid}/${p.key}`)),
  ];
}

/** "Unexpected name …, expected …" with similar names and a did-you-mean, for a name `explain` does not know. */
export function unknownNameMessage(model: ResolvedModel, name: string): string {
  const names = explainableNames(model);
  const near = names.filter((n) => n.toLowerCase().includes(name.toLowerCase())).slice(0, 8);
  return `Unexpected name "${name}", expected a metric, recording rule, alert, threshold, SLO or panel (DASHBOARD_UID/PANEL_KEY)${near.length ? ` (similar: ${near.join(', ')})` : ''}${didYouMean(name, names)}`;
}

export function explain(model: ResolvedModel, name: string): Explanation | undefined {
  const index = indexModel(model);
  const metric = index.metric(name);
  if (metric) {
    return {
      kind: 'metric',
      name,
      sections: [
        ['Meaning', metric.meaning],
        ['Type', `${metric.type}, unit ${metric.unit}, group ${metric.group}${metric.deprecated ? `; deprecated: ${metric.deprecated.reason}` : ''}`],
        ['Help', metric.help],
        ['Labels', metric.labels.map((l) => `${l.name}: ${l.description} (${l.values ? l.values.join(', ') : `at most ${l.cardinality} values`})`)],
        ['Normal range', metric.bands ? bands(model, metric.bands.name) : '(no bands declared)'],
        ['Estimated series', String(metric.estimatedSeries)],
        ['Used by', usedBy(model, name)],
        ['Explore', exploreUrl(model, 'prometheus', metric.type === 'counter' ? `sum(rate(${name}[5m]))` : metric.type === 'histogram' ? `histogram_quantile(0.95, sum by (le) (rate(${name}_bucket[5m])))` : name)],
      ],
    };
  }
  const rule = index.recordingRule(name);
  if (rule) {
    return {
      kind: 'recording rule',
      name,
      sections: [
        ['Meaning', rule.description],
        ['Expression', rule.expr],
        ['Unit', rule.unit],
        ['Labels kept', rule.outputLabels ? rule.outputLabels.join(', ') || '(none)' : '(unknown)'],
        ['Used by', usedBy(model, name)],
        ['Explore', exploreUrl(model, 'prometheus', name)],
      ],
    };
  }
  const alerts = index.alerts(name);
  const first = alerts[0];
  if (first) {
    const panel = index.panel(first.dashboard);
    return {
      kind: 'alert',
      name,
      sections: [
        ['Summary', first.summary],
        ['Meaning', first.runbook.meaning],
        ['Impact', first.runbook.impact],
        ['Condition', alerts.map((a) => `${a.severity}: ${a.query.replace(/\n/g, ' ')} for ${a.for}${a.condition?.threshold ? ` (threshold ${a.condition.threshold.name}.${a.condition.threshold.level} = ${a.condition.threshold.display})` : ''}`)],
        ['Routed to', alerts.map((a) => `${a.severity}: ${model.notifications.routes.find((r) => r.severity === a.severity)?.contactPoints.join(', ') ?? model.notifications.defaultContactPoint ?? '(default route)'}`)],
        ['Diagnosis', first.runbook.diagnosis.map((d) => `${d.title}${d.query ? `: ${d.query.expr}` : ''}`)],
        ['Mitigation', first.runbook.mitigation],
        ['Runbook', runbookLink(model, name)],
        ['Dashboard', panel ? panelUrl(model, panel.dashboard, panel.panel) : '(none)'],
      ],
    };
  }
  const threshold = index.threshold(name);
  if (threshold) {
    return {
      kind: 'threshold',
      name,
      sections: [
        ['Meaning', threshold.description],
        ['Bands', bands(model, name)],
        ['Used by', [
          ...model.alerts.filter((a) => a.condition?.threshold?.name === name).map((a) => `alert ${a.name} (${a.condition?.threshold?.level})`),
          ...model.dashboards.flatMap((d) => d.panels.filter((p) => p.threshold?.name === name).map((p) => `panel ${d.title} › ${p.title}: ${dashboardUrl(model, d)}`)),
        ]],
      ],
    };
  }
  const slo = model.slos.find((s) => s.name === name);
  if (slo) {
    return {
      kind: 'slo',
      name,
      sections: [
        ['Meaning', slo.description],
        ['Objective', `${formatValue(slo.objective, 'ratio')} over ${slo.window} (error budget ${formatValue(slo.errorBudget, 'ratio')})`],
        ['Errors', slo.sli.errors],
        ['Total', slo.sli.total],
        ['Burn rate alerts', slo.windows.map((w) => `${slo.alertName} ${w.severity}: burn rate ${w.burnRate} over ${w.longWindow} and ${w.shortWindow} (error ratio above ${formatValue(w.errorRatioThreshold, 'ratio')}) for ${w.for}`)],
        ['Recording rules', Object.values(slo.ratioRules)],
        ['Runbook', runbookLink(model, slo.alertName)],
      ],
    };
  }
  const [uid, key, ...rest] = name.split('/');
  const hit = uid !== undefined && key !== undefined && rest.length === 0 ? index.panel({ dashboard: uid, panel: key }) : undefined;
  if (hit) {
    const { dashboard: d, panel: p } = hit;
    return {
      kind: 'panel',
      name,
      sections: [
        ['Title', `${d.title} › ${p.title}`],
        ['Meaning', p.description],
        ['Type', `${p.type}${p.unit ? `, unit ${p.unit}` : ''}`],
        ['Queries', p.queries.map((q) => `${q.refId} (${q.datasource}): ${q.expr.replace(/\n/g, ' ')}`)],
        ['Reads', [...p.metrics]],
        ['Bands', p.threshold ? bands(model, p.threshold.name) : '(none)'],
        ['Alerts linking here', [...new Set(model.alerts.filter((a) => a.dashboard.dashboard === d.uid && a.dashboard.panel === p.key).map((a) => a.name))]],
        ['Panel', panelUrl(model, d, p)],
      ],
    };
  }
  return undefined;
}

/** The JSON shape `explain --format json` prints and the MCP tool returns: section titles as snake_case keys. */
export function explanationRecord(e: Explanation): Record<string, string | readonly string[]> {
  return { kind: e.kind, name: e.name, ...Object.fromEntries(e.sections.map(([k, v]) => [k.toLowerCase().replace(/ /g, '_'), v])) };
}
