/** The spec's own alerts: condition, query, placeholders rendered, runbook and tests resolved. */
import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import { defaultNoDataState } from '../no-data-state.js';
import type { AlertEntry, AlertTest, Runbook, Unit } from '../generated/spec-types.js';
import type { AlertTestCase, ComparisonOp, DatasourceKind, ResolvedAlert, ResolvedRunbook, ResolvedService, ResolvedThreshold, ThresholdLevel } from '../model.js';
import { isTopLevelBinary } from '../promql/analyze.js';
import type { CheckContext } from '../checks/context.js';
import { renderValues, type PlaceholderScope } from '../placeholders.js';
import { parseDuration } from '../quantity.js';
import { sortedRecord } from '../sorted-record.js';
import { escapePointerSegment as p, type SourceMap } from '../source-map.js';
import { formatValue } from '../units.js';
import { promNumber, parsePanelRef, rendered } from './common.js';

export function resolveTests(tests: readonly AlertTest[] | undefined, scope: PlaceholderScope): AlertTestCase[] {
  return (tests ?? []).map((t) => ({
    name: t.name,
    interval: t.interval ?? SCHEMA_DEFAULTS.alertTest.interval,
    series: Object.entries(t.series).map(([series, values]) => {
      const r = renderValues(values, scope);
      return { series, values: r.ok ? r.text : values };
    }),
    expect: t.expect.map((e) => ({ at: e.at, firing: e.firing, labels: sortedRecord(e.labels ?? {}) })),
  }));
}

export function resolveRunbook(rb: Runbook | undefined, scope: PlaceholderScope): ResolvedRunbook {
  if (!rb) return { meaning: '', impact: '', diagnosis: [], mitigation: [], escalation: [] };
  return {
    meaning: rendered(rb.meaning, scope),
    impact: rendered(rb.impact, scope),
    diagnosis: rb.diagnosis.map((d) => ({
      title: rendered(d.title, scope),
      description: d.description === undefined ? undefined : rendered(d.description, scope),
      query: d.promql ? { datasource: 'prometheus' as DatasourceKind, expr: d.promql } : d.logql ? { datasource: 'loki' as DatasourceKind, expr: d.logql } : undefined,
      panel: d.panel ? parsePanelRef(d.panel) : undefined,
    })),
    mitigation: rb.mitigation.map((m) => rendered(m, scope)),
    escalation: rb.escalation.map((m) => rendered(m, scope)),
  };
}

export function resolveAlert(
  name: string,
  alert: AlertEntry,
  runbook: Runbook | undefined,
  ctx: CheckContext,
  thresholds: ReadonlyMap<string, ResolvedThreshold>,
  service: ResolvedService,
  sourceMap: SourceMap,
): ResolvedAlert {
  const scope = ctx.alertScope(name);
  const expr = (alert.expr ?? '').trim();
  const datasource: DatasourceKind = alert.datasource ?? SCHEMA_DEFAULTS.alertEntry.datasource;
  let condition: ResolvedAlert['condition'];
  if (alert.condition) {
    const op = alert.condition.op as ComparisonOp;
    if (alert.condition.threshold) {
      const [tName = '', level = 'critical'] = alert.condition.threshold.split('.');
      const t = thresholds.get(tName);
      const value = t?.[level as ThresholdLevel] ?? Number.NaN;
      const unit: Unit = t?.unit ?? 'count';
      condition = { op, value, threshold: { name: tName, level: level as ThresholdLevel, value, unit, display: formatValue(value, unit) } };
    } else {
      condition = { op, value: alert.condition.value ?? 0, threshold: undefined };
    }
  }
  const wrapped = condition && datasource === 'prometheus' && isTopLevelBinary(expr) ? `(${expr})` : condition && datasource === 'loki' && /\s(and|or|unless|[<>=!]=?|[-+*/])\s/.test(expr) ? `(${expr})` : expr;
  const query = condition ? `${wrapped} ${condition.op} ${promNumber(condition.value)}` : expr;
  const severity = alert.severity ?? 'warning';
  const forText = alert.for ?? SCHEMA_DEFAULTS.alertEntry.for;
  return {
    name,
    id: name,
    origin: 'spec',
    datasource,
    severity,
    expr,
    condition,
    query,
    for: forText,
    forSeconds: parseDuration(forText),
    summary: rendered(alert.summary ?? '', scope),
    description: rendered(alert.description ?? '', scope),
    labels: sortedRecord({ ...service.alerting.commonLabels, ...(alert.labels ?? {}), severity }),
    annotations: sortedRecord(alert.annotations ?? {}),
    dashboard: parsePanelRef(alert.dashboard ?? ''),
    runbook: resolveRunbook(runbook, scope),
    tests: resolveTests(alert.tests, scope),
    noDataState: alert.noDataState ?? defaultNoDataState(datasource, query),
    execErrState: alert.execErrState ?? SCHEMA_DEFAULTS.alertEntry.execErrState,
    slo: undefined,
    sourceFile: sourceMap.fileOf(`/alerts/${p(name)}`),
  };
}
