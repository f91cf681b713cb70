import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import { BUILTIN_SERIES, DEFAULT_BURN_RATE_WINDOWS, metricSeries, sloErrorRatioRuleName, TARGET_LABELS } from '../conventions.js';
import type { Metric, MonspecDocument, Unit } from '../generated/spec-types.js';
import { analyzePromql, inferLabels, type LabelLookup } from '../promql/analyze.js';
import type { PlaceholderScope, ScopedValue } from '../placeholders.js';
import { parseQuantity } from '../quantity.js';
import { own } from '../own.js';
import { errorLinesQuery } from '../log-queries.js';
import { escapePointerSegment } from '../source-map.js';

export type ExpressionLanguage = 'promql' | 'logql';

/** One expression in the spec, wherever it stands. */
export interface ExpressionSite {
  readonly pointer: string;
  readonly language: ExpressionLanguage;
  readonly expr: string;
  /** For messages: `alert HighErrorRate`, `panel tunnel-health/active_connections`. */
  readonly owner: string;
}

/** A series name resolved to the metric that produces it (`x_bucket` → histogram `x`). */
export interface SeriesOrigin {
  readonly metric: string;
  readonly definition: Metric;
  readonly extraLabel?: string;
}

export interface CheckContext {
  readonly spec: MonspecDocument;
  readonly expressions: readonly ExpressionSite[];
  /** Series name → the declared metric behind it. */
  readonly seriesOrigins: ReadonlyMap<string, SeriesOrigin>;
  /** Recording rules, including the ones SLOs generate. */
  readonly recordedNames: ReadonlySet<string>;
  readonly seriesLabels: LabelLookup;
  /**
   * The values a label of a series takes, when they are known: the metric's declared `values`, a
   * recording rule's static label, or the union over the series a recording rule reads that carry
   * the label. Undefined when any source is open (no declared values, label_replace, count_values).
   */
  seriesLabelValues(seriesName: string, label: string): ReadonlySet<string> | undefined;
  /** Alert names from alerts and SLOs. */
  readonly alertNames: ReadonlySet<string>;
  /** thresholds.NAME.LEVEL values in their units (levels whose quantity does not convert are absent). */
  readonly thresholdLevels: ReadonlyMap<string, ScopedValue>;
  /** The placeholder scope of an alert's texts and tests. */
  alertScope(alertName: string): PlaceholderScope;
}

const p = escapePointerSegment;

function collectExpressions(spec: MonspecDocument): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  const add = (pointer: string, language: ExpressionLanguage, expr: unknown, owner: string) => {
    if (typeof expr === 'string') out.push({ pointer, language, expr, owner });
  };
  for (const [name, rule] of Object.entries(spec.recordingRules ?? {})) add(`/recordingRules/${p(name)}/expr`, 'promql', rule.expr, `recording rule ${name}`);
  for (const [name, alert] of Object.entries(spec.alerts ?? {})) add(`/alerts/${p(name)}/expr`, alert.datasource === 'loki' ? 'logql' : 'promql', alert.expr, `alert ${name}`);
  for (const [name, slo] of Object.entries(spec.slos ?? {})) {
    add(`/slos/${p(name)}/sli/errors`, 'promql', slo.sli?.errors, `SLO ${name}`);
    add(`/slos/${p(name)}/sli/total`, 'promql', slo.sli?.total, `SLO ${name}`);
  }
  for (const [uid, dash] of Object.entries(spec.dashboards ?? {})) {
    for (const [key, panel] of Object.entries(dash.panels ?? {})) {
      (panel.queries ?? []).forEach((q, i) =>
        add(`/dashboards/${p(uid)}/panels/${p(key)}/queries/${i}/expr`, q.datasource === 'loki' || panel.type === 'logs' ? 'logql' : 'promql', q.expr, `panel ${uid}/${key}`),
      );
    }
  }
  for (const [name, rb] of Object.entries(spec.runbooks ?? {})) {
    (rb.diagnosis ?? []).forEach((step, i) => {
      add(`/runbooks/${p(name)}/diagnosis/${i}/promql`, 'promql', step.promql, `runbook ${name}`);
      add(`/runbooks/${p(name)}/diagnosis/${i}/logql`, 'logql', step.logql, `runbook ${name}`);
    });
  }
  for (const [name, source] of Object.entries(spec.logs?.sources ?? {})) {
    add(`/logs/sources/${p(name)}/selector`, 'logql', source.selector, `log source ${name}`);
    if (source.errorFilter) add(`/logs/sources/${p(name)}/errorFilter`, 'logql', errorLinesQuery(source), `log source ${name}`);
  }
  return out;
}

export function buildCheckContext(spec: MonspecDocument): CheckContext {
  const seriesOrigins = new Map<string, SeriesOrigin>();
  for (const [name, def] of Object.entries(spec.metrics ?? {})) {
    for (const s of metricSeries(name, def.type)) seriesOrigins.set(s.name, { metric: name, definition: def, ...(s.extraLabel ? { extraLabel: s.extraLabel } : {}) });
  }

  const sloRules = new Map<string, string>();
  for (const [name, slo] of Object.entries(spec.slos ?? {})) {
    const windows = slo.windows ?? DEFAULT_BURN_RATE_WINDOWS;
    for (const w of windows) {
      for (const win of [w.longWindow, w.shortWindow]) sloRules.set(sloErrorRatioRuleName(name, win), slo.sli?.errors ?? '');
    }
    // The SLO window's ratio, read by the generated error-budget panel.
    sloRules.set(sloErrorRatioRuleName(name, slo.window ?? SCHEMA_DEFAULTS.slo.window), slo.sli?.errors ?? '');
  }
  const recordedNames = new Set([...Object.keys(spec.recordingRules ?? {}), ...sloRules.keys()]);

  const memo = new Map<string, ReadonlySet<string> | undefined>();
  const inProgress = new Set<string>();
  const seriesLabels: LabelLookup = (name) => {
    if (memo.has(name)) return memo.get(name);
    const origin = seriesOrigins.get(name);
    if (origin) {
      const labels = new Set([...Object.keys(origin.definition.labels ?? {}), ...TARGET_LABELS]);
      if (origin.extraLabel) labels.add(origin.extraLabel);
      memo.set(name, labels);
      return labels;
    }
    const rule = own(spec.recordingRules, name);
    const expr = rule?.expr ?? sloRules.get(name);
    if (expr === undefined || inProgress.has(name)) return undefined;
    inProgress.add(name);
    const inferred = inferLabels(expr, seriesLabels).labels;
    inProgress.delete(name);
    // SLO error-ratio rules carry `slo` (resolve.ts).
    const labels = inferred ? new Set([...inferred, ...Object.keys(rule?.labels ?? {}), ...(rule ? [] : ['slo'])]) : undefined;
    memo.set(name, labels);
    return labels;
  };

  const alertNames = new Set<string>(Object.keys(spec.alerts ?? {}));
  for (const slo of Object.values(spec.slos ?? {})) if (slo.alert?.name) alertNames.add(slo.alert.name);

  const thresholdLevels = new Map<string, ScopedValue>();
  for (const [name, t] of Object.entries(spec.thresholds ?? {})) {
    for (const level of ['warning', 'critical'] as const) {
      const raw = t[level];
      if (raw === undefined) continue;
      const q = parseQuantity(raw, t.unit as Unit);
      if (q.ok) thresholdLevels.set(`${name}.${level}`, { value: q.value, unit: t.unit });
    }
  }

  const alertScope = (alertName: string): PlaceholderScope => {
    const alert = own(spec.alerts, alertName);
    const ref = alert?.condition?.threshold;
    const threshold = ref ? thresholdLevels.get(ref) : undefined;
    return {
      ...(threshold ? { threshold } : {}),
      ...(alert?.condition?.value !== undefined ? { value: alert.condition.value } : {}),
      for: alert?.for ?? '0s',
      thresholds: thresholdLevels,
    };
  };

  const valueMemo = new Map<string, ReadonlySet<string> | undefined>();
  const seriesLabelValues = (name: string, label: string): ReadonlySet<string> | undefined => {
    const key = `${name}\0${label}`;
    if (valueMemo.has(key)) return valueMemo.get(key);
    valueMemo.set(key, undefined); // a cycle of recording rules reads as unknown
    let result: ReadonlySet<string> | undefined;
    const origin = seriesOrigins.get(name);
    if (origin) {
      const values = origin.definition.labels?.[label]?.values;
      result = values ? new Set(values) : undefined;
    } else {
      const rule = spec.recordingRules?.[name];
      const fixed = rule?.labels?.[label];
      const expr = rule?.expr ?? sloRules.get(name);
      if (fixed !== undefined) result = new Set([fixed]);
      else if (expr !== undefined && !/\b(label_replace|label_join|count_values)\b/.test(expr)) {
        const analysis = analyzePromql(expr);
        const sources = analysis.syntaxErrors.length ? [] : analysis.selectors.filter((s) => s.name !== '' && seriesLabels(s.name)?.has(label));
        const union = new Set<string>();
        let open = sources.length === 0;
        for (const s of sources) {
          const v = seriesLabelValues(s.name, label);
          if (!v) open = true;
          else for (const x of v) union.add(x);
        }
        result = open ? undefined : union;
      }
    }
    valueMemo.set(key, result);
    return result;
  };

  for (const b of BUILTIN_SERIES) memo.set(b, undefined);
  return {
    spec,
    expressions: collectExpressions(spec),
    seriesOrigins,
    recordedNames,
    seriesLabels,
    seriesLabelValues,
    alertNames,
    thresholdLevels,
    alertScope,
  };
}
