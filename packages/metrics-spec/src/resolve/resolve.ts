import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import { DEFAULT_BURN_RATE_WINDOWS, DEFAULTS, SEVERITIES, defaultSetupGuide, sloErrorRatioRuleName } from '../conventions.js';
import { defaultNoDataState } from '../no-data-state.js';
import { sloDashboard } from './slo-dashboard.js';
import type { AlertEntry, AlertTest, Dashboard, MonspecDocument, Panel, Runbook, Severity, Slo, Unit } from '../generated/spec-types.js';
import type {
  AlertTestCase,
  ComparisonOp,
  DatasourceKind,
  PanelRef,
  ResolvedAlert,
  ResolvedBurnRateWindow,
  ResolvedDashboard,
  ResolvedMetric,
  ResolvedModel,
  ResolvedNotifications,
  ResolvedPanel,
  ResolvedRecordingRule,
  ResolvedRunbook,
  ResolvedService,
  ResolvedSlo,
  ResolvedThreshold,
  ThresholdLevel,
} from '../model.js';
import { analyzePromql, inferLabels, isTopLevelBinary } from '../promql/analyze.js';
import { buildCheckContext, type CheckContext } from '../checks/context.js';
import { renderText, renderValues, type PlaceholderScope } from '../placeholders.js';
import { parseDuration, parseQuantity } from '../quantity.js';
import { estimateSeries } from '../series-estimate.js';
import { own } from '../own.js';
import { sortedRecord } from '../sorted-record.js';
import { escapePointerSegment as p, type SourceMap } from '../source-map.js';
import { formatValue } from '../units.js';

export interface ResolveInput {
  readonly spec: MonspecDocument;
  readonly sourceMap: SourceMap;
  readonly environment: string;
  readonly environments: readonly string[];
  /** The spec's default environment; every other environment's alerts carry `environment: <name>`. */
  readonly defaultEnvironment?: string;
  readonly specHash: string;
  /** The context the checks built (label inference, threshold levels), reused rather than rebuilt. */
  readonly context?: CheckContext;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Formats a number for a PromQL literal without binary noise (0.05, not 0.05000000000000001). */
export function promNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function parsePanelRef(ref: string): PanelRef {
  const [dashboard = '', panel = ''] = ref.split('/');
  return { dashboard, panel };
}

function rendered(text: string, scope: PlaceholderScope): string {
  const r = renderText(text, scope);
  // The placeholders check has already rejected specs where this fails.
  return r.ok ? r.text : text;
}

/**
 * Resolves a spec that passed the schema and the checks into the frozen model: defaults filled,
 * references resolved, quantities converted, placeholders rendered, SLOs expanded into recording
 * rules and burn-rate alerts.
 */
export function resolveModel(input: ResolveInput): ResolvedModel {
  const { spec, sourceMap } = input;
  const ctx = input.context ?? buildCheckContext(spec);
  // The documented labels: `team` on every alert, `environment` on every non-default environment's
  // alerts (authored commonLabels override both).
  const implied: Record<string, string> = {
    ...(spec.service?.team ? { team: spec.service.team } : {}),
    ...(input.defaultEnvironment !== undefined && input.environment !== input.defaultEnvironment ? { environment: input.environment } : {}),
  };
  const service = resolveService(spec, implied);
  const thresholds = resolveThresholds(spec);
  const thresholdByName = new Map(thresholds.map((t) => [t.name, t]));

  const metrics: ResolvedMetric[] = Object.entries(spec.metrics ?? {})
    .map(([name, m]): ResolvedMetric => ({
      name,
      type: m.type,
      unit: m.unit,
      help: m.help,
      meaning: m.meaning,
      group: m.group,
      origin: m.origin ?? SCHEMA_DEFAULTS.metric.origin,
      labels: Object.entries(m.labels ?? {})
        .map(([label, l]) => ({ name: label, description: l.description, values: l.values, cardinality: l.values?.length ?? l.maxCardinality ?? 1 }))
        .sort(byName),
      buckets: m.buckets,
      bands: m.bands ? thresholdByName.get(m.bands) : undefined,
      deprecated: m.deprecated ? { reason: m.deprecated.reason, replacement: m.deprecated.replacement } : undefined,
      serviceChange: m.serviceChange,
      waivers: sortedRecord(m.waivers ?? {}),
      estimatedSeries: estimateSeries(m, service.replicas),
      sourceFile: sourceMap.fileOf(`/metrics/${p(name)}`),
    }))
    .sort(byName);

  const slos = Object.entries(spec.slos ?? {})
    .map(([name, slo]) => resolveSlo(name, slo))
    .sort(byName);

  const recordingRules: ResolvedRecordingRule[] = [
    ...Object.entries(spec.recordingRules ?? {}).map(([name, r]): ResolvedRecordingRule => {
      const inferred = ctx.seriesLabels(name);
      return {
        name,
        expr: r.expr ?? '',
        description: r.description ?? '',
        unit: r.unit ?? 'count',
        labels: sortedRecord(r.labels ?? {}),
        outputLabels: inferred ? [...inferred].sort() : undefined,
        origin: 'spec',
        slo: undefined,
      };
    }),
    ...slos.flatMap((slo) =>
      Object.entries(slo.ratioRules).map(([window, name]): ResolvedRecordingRule => {
        const sub = (e: string) => e.replace(/\$window\b/g, window);
        const inferred = inferLabels(sub(slo.sli.errors), ctx.seriesLabels).labels;
        return {
          name,
          expr: `(${sub(slo.sli.errors)})\n/\n(${sub(slo.sli.total)})`,
          description: `Error ratio of SLO ${slo.name} over ${window}.`,
          unit: 'ratio',
          // The `slo:` level of the name is this label (level:metric:operations).
          labels: { slo: slo.name },
          outputLabels: inferred ? [...new Set([...inferred, 'slo'])].sort() : undefined,
          origin: 'slo',
          slo: slo.name,
        };
      }),
    ),
  ].sort(byName);

  const runbooks = spec.runbooks ?? {};
  const alerts: ResolvedAlert[] = [
    ...Object.entries(spec.alerts ?? {}).map(([name, alert]) => resolveAlert(name, alert, own(runbooks, name), ctx, thresholdByName, service, sourceMap)),
    ...Object.entries(spec.slos ?? {}).flatMap(([name, slo]) => {
      const resolved = slos.find((s) => s.name === name);
      return resolved ? resolveSloAlerts(resolved, slo, own(runbooks, resolved.alertName), ctx, service, sourceMap) : [];
    }),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const generatedSlo = sloDashboard(spec, slos);
  const dashboards = [...Object.entries(spec.dashboards ?? {}), ...(generatedSlo ? [generatedSlo] : [])].map(([uid, d]) => resolveDashboard(uid, d, spec, ctx, thresholdByName));

  const model: ResolvedModel = {
    specHash: input.specHash,
    environment: input.environment,
    environments: [...input.environments].sort(),
    service,
    metrics,
    thresholds,
    recordingRules,
    alerts,
    slos,
    dashboards,
    notifications: resolveNotifications(spec),
    logs: {
      sources: Object.entries(spec.logs?.sources ?? {})
        .map(([name, s]) => ({ name, selector: s.selector, description: s.description, errorFilter: s.errorFilter }))
        .sort(byName),
      patterns: Object.entries(spec.logs?.patterns ?? {})
        .map(([name, s]) => ({ name, source: s.source, description: s.description, match: s.match }))
        .sort(byName),
    },
    seriesEstimate: { total: metrics.reduce((n, m) => n + m.estimatedSeries, 0), budget: service.seriesBudget },
  };
  return deepFreeze(model);
}

function resolveService(spec: MonspecDocument, impliedLabels: Readonly<Record<string, string>>): ResolvedService {
  const s = spec.service;
  if (!s) throw new Error('resolveModel needs a spec with a service section (checked by the pipeline)');
  return {
    name: s.name,
    title: s.title,
    description: s.description,
    team: s.team,
    contact: s.contact,
    repository: s.repository,
    job: s.job ?? s.name,
    metricsPath: s.metricsPath ?? SCHEMA_DEFAULTS.service.metricsPath,
    healthEndpoints: (s.healthEndpoints ?? []).map((h) => ({ path: h.path, description: h.description })),
    scrapeInterval: s.scrape?.interval ?? SCHEMA_DEFAULTS.service.scrape.interval,
    retention: s.scrape?.retention ?? SCHEMA_DEFAULTS.service.scrape.retention,
    replicas: s.replicas ?? SCHEMA_DEFAULTS.service.replicas,
    seriesBudget: s.seriesBudget,
    grafana: { url: (s.grafana?.url ?? SCHEMA_DEFAULTS.service.grafana.url).replace(/\/+$/, ''), folder: s.grafana?.folder ?? s.title },
    datasources: {
      prometheus: { ...SCHEMA_DEFAULTS.service.datasources.prometheus, ...s.datasources?.prometheus },
      loki: { ...SCHEMA_DEFAULTS.service.datasources.loki, ...s.datasources?.loki },
    },
    alerting: {
      engine: s.alerting?.engine ?? SCHEMA_DEFAULTS.service.alerting.engine,
      evaluationInterval: s.alerting?.evaluationInterval ?? SCHEMA_DEFAULTS.service.alerting.evaluationInterval,
      commonLabels: sortedRecord({ ...impliedLabels, ...(s.alerting?.commonLabels ?? {}) }),
      alertmanagerUrl: s.alerting?.alertmanagerUrl?.replace(/\/+$/, ''),
    },
    runbookBaseUrl: s.runbookBaseUrl?.replace(/\/+$/, ''),
    setupGuide: s.setupGuide ?? defaultSetupGuide(s.name),
  };
}

function resolveThresholds(spec: MonspecDocument): ResolvedThreshold[] {
  return Object.entries(spec.thresholds ?? {})
    .map(([name, t]): ResolvedThreshold => {
      const level = (l: ThresholdLevel) => {
        const raw = t[l];
        if (raw === undefined) return undefined;
        const q = parseQuantity(raw, t.unit);
        return q.ok ? q.value : undefined;
      };
      return {
        name,
        description: t.description,
        unit: t.unit,
        direction: t.direction ?? SCHEMA_DEFAULTS.threshold.direction,
        warning: level('warning'),
        critical: level('critical'),
        window: t.window,
        states: { ...SCHEMA_DEFAULTS.threshold.states, ...t.states },
      };
    })
    .sort(byName);
}

function resolveTests(tests: readonly AlertTest[] | undefined, scope: PlaceholderScope): AlertTestCase[] {
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

function resolveRunbook(rb: Runbook | undefined, scope: PlaceholderScope): ResolvedRunbook {
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

function resolveAlert(
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

function resolveSlo(name: string, slo: Slo): ResolvedSlo {
  const q = parseQuantity(slo.objective, 'ratio');
  const objective = q.ok ? q.value : Number.NaN;
  const errorBudget = Number((1 - objective).toPrecision(12));
  const windows: ResolvedBurnRateWindow[] = (slo.windows ?? DEFAULT_BURN_RATE_WINDOWS).map((w) => ({
    severity: w.severity,
    longWindow: w.longWindow,
    shortWindow: w.shortWindow,
    burnRate: w.burnRate,
    for: w.for ?? SCHEMA_DEFAULTS.burnRateWindow.for,
    errorRatioThreshold: Number((w.burnRate * errorBudget).toPrecision(12)),
  }));
  const ratioRules: Record<string, string> = {};
  const window = slo.window ?? SCHEMA_DEFAULTS.slo.window;
  // The SLO window too: the error budget remaining reads the error ratio over the whole window.
  const rateWindows = [...new Set([...windows.flatMap((w) => [w.shortWindow, w.longWindow]), window])].sort((a, b) => parseDuration(a) - parseDuration(b));
  for (const w of rateWindows) ratioRules[w] = sloErrorRatioRuleName(name, w);
  return {
    name,
    description: slo.description,
    objective,
    errorBudget,
    window,
    sli: { errors: slo.sli.errors, total: slo.sli.total },
    windows,
    alertName: slo.alert.name,
    ratioRules,
  };
}

function resolveSloAlerts(
  slo: ResolvedSlo,
  def: Slo,
  runbook: Runbook | undefined,
  ctx: CheckContext,
  service: ResolvedService,
  sourceMap: SourceMap,
): ResolvedAlert[] {
  const scope: PlaceholderScope = {
    thresholds: ctx.thresholdLevels,
    extra: { budget: { value: slo.errorBudget, unit: 'ratio' }, objective: { value: slo.objective, unit: 'ratio' } },
  };
  // One rule per burn-rate branch (long and short window, burn rate, `for`), so each branch keeps
  // its own `for` and the model holds exactly what is deployed. The `long_window`/`short_window`
  // labels keep the branches of one severity apart in Alertmanager.
  const ordered = SEVERITIES.flatMap((s) => slo.windows.filter((w) => w.severity === s));
  return ordered.map((w): ResolvedAlert => {
    const severity: Severity = w.severity;
    const t = promNumber(w.errorRatioThreshold);
    const query = `${slo.ratioRules[w.longWindow]} > ${t}\nand\n${slo.ratioRules[w.shortWindow]} > ${t}`;
    const forText = w.for;
    const alertScope: PlaceholderScope = { ...scope, for: forText };
    const description =
      def.alert.description ??
      `The error budget of SLO ${slo.name} (objective ${formatValue(slo.objective, 'ratio')} over ${slo.window}) is burning ${w.burnRate}x over ${w.longWindow} and ${w.shortWindow}.`;
    const branchLabels = { long_window: w.longWindow, short_window: w.shortWindow };
    return {
      name: slo.alertName,
      id: `${slo.alertName}:${severity}:${w.longWindow}-${w.shortWindow}`,
      origin: 'slo',
      datasource: 'prometheus',
      severity,
      expr: query,
      condition: undefined,
      query,
      for: forText,
      forSeconds: parseDuration(forText),
      summary: rendered(def.alert.summary, alertScope),
      description: rendered(description, alertScope),
      labels: sortedRecord({ ...service.alerting.commonLabels, ...(def.alert.labels ?? {}), slo: slo.name, ...branchLabels, severity }),
      annotations: {},
      dashboard: parsePanelRef(def.alert.dashboard),
      runbook: resolveRunbook(runbook, alertScope),
      tests: resolveTests(def.alert.tests, alertScope).filter((c) =>
        c.expect.every((e) => (e.labels.severity ?? severity) === severity && (e.labels.long_window ?? w.longWindow) === w.longWindow && (e.labels.short_window ?? w.shortWindow) === w.shortWindow),
      ),
      noDataState: 'OK',
      execErrState: 'Error',
      slo: { name: slo.name, windows: [w] },
      sourceFile: sourceMap.fileOf(`/slos/${p(slo.name)}`),
    };
  });
}

const DEFAULT_INSTANT: Record<ResolvedPanel['type'], boolean> = {
  timeseries: false,
  logs: false,
  gauge: true,
  stat: true,
  table: true,
  piechart: true,
  bargauge: true,
};

/**
 * Declared metrics and recording rules an expression names, in order of appearance; a histogram's or
 * summary's series stands for its metric (the check context's series index).
 */
function metricsOf(expr: string, spec: MonspecDocument, ctx: CheckContext): string[] {
  const out: string[] = [];
  for (const sel of analyzePromql(expr).selectors) {
    const name = own(spec.metrics, sel.name) || ctx.recordedNames.has(sel.name) ? sel.name : ctx.seriesOrigins.get(sel.name)?.metric;
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

function resolveDashboard(
  uid: string,
  d: Dashboard,
  spec: MonspecDocument,
  ctx: CheckContext,
  thresholds: ReadonlyMap<string, ResolvedThreshold>,
): ResolvedDashboard {
  const entries = Object.entries(d.panels ?? {});
  const reserved = new Set(entries.map(([, panel]) => panel.id).filter((id): id is number => id !== undefined));
  let next = 1;
  const panels = entries.map(([key, panel]: [string, Panel]): ResolvedPanel => {
    let id = panel.id;
    if (id === undefined) {
      while (reserved.has(next)) next++;
      id = next++;
    }
    // Required by the schema (templates are validated after expansion): the fallback only keeps the type total.
    const type = panel.type ?? 'timeseries';
    const queries = (panel.queries ?? []).map((q, i) => {
      const datasource: DatasourceKind = q.datasource ?? (type === 'logs' ? 'loki' : 'prometheus');
      return {
        refId: String.fromCharCode(65 + i),
        expr: q.expr,
        datasource,
        legend: q.legend,
        instant: q.instant ?? DEFAULT_INSTANT[type],
        format: q.format ?? (type === 'table' ? 'table' : 'time_series'),
      } as const;
    });
    const metrics = panel.metrics ?? [...new Set(queries.filter((q) => q.datasource === 'prometheus').flatMap((q) => metricsOf(q.expr, spec, ctx)))];
    const primary = metrics[0];
    const primaryMetric = primary ? own(spec.metrics, primary) : undefined;
    const primaryRule = primary ? own(spec.recordingRules, primary) : undefined;
    const threshold = panel.threshold ? thresholds.get(panel.threshold) : undefined;
    const unit: Unit | undefined = panel.unit ?? threshold?.unit ?? primaryRule?.unit ?? primaryMetric?.unit;
    return {
      key,
      id,
      title: panel.title ?? key,
      type,
      description: panel.description ?? primaryMetric?.meaning ?? primaryRule?.description ?? '',
      metrics,
      unit,
      threshold,
      queries,
      width: panel.width ?? DEFAULTS.panelWidth[type],
      height: panel.height ?? DEFAULTS.panelHeight,
      min: panel.min,
      max: panel.max,
      decimals: panel.decimals,
      limit: panel.limit,
      valueMappings: (panel.valueMappings ?? []).map((m) => ({ value: m.value, text: m.text, color: m.color })),
      logsLink: panel.logsLink ?? SCHEMA_DEFAULTS.panel.logsLink,
    };
  });
  return {
    uid,
    title: d.title,
    description: d.description,
    tags: d.tags ?? SCHEMA_DEFAULTS.dashboard.tags,
    refresh: d.refresh ?? SCHEMA_DEFAULTS.dashboard.refresh,
    time: d.time ?? SCHEMA_DEFAULTS.dashboard.time,
    timeOptions: d.timeOptions ?? SCHEMA_DEFAULTS.dashboard.timeOptions,
    variables: Object.entries(d.variables ?? {}).map(([name, v]) => ({
      name,
      label: v.label,
      metric: v.metric,
      values: v.values,
      multi: v.multi ?? SCHEMA_DEFAULTS.dashboardVariable.multi,
      includeAll: v.includeAll ?? SCHEMA_DEFAULTS.dashboardVariable.includeAll,
    })),
    panels,
  };
}

function resolveNotifications(spec: MonspecDocument): ResolvedNotifications {
  const n = spec.notifications ?? {};
  return {
    contactPoints: Object.entries(n.contactPoints ?? {})
      .map(([name, c]) => ({
        name,
        type: c.type,
        description: c.description,
        addresses: c.addresses ?? [],
        channel: c.channel,
        url: c.url,
        secretEnv: c.secret?.env,
        secretFile: c.secret?.file,
      }))
      .sort(byName),
    defaultContactPoint: n.defaultContactPoint,
    groupBy: n.groupBy ?? SCHEMA_DEFAULTS.notifications.groupBy,
    routes: SEVERITIES.flatMap((severity) => {
      const r = n.routes?.[severity];
      return r ? [{ severity, contactPoints: r.contactPoints, groupWait: r.groupWait, groupInterval: r.groupInterval, repeatInterval: r.repeatInterval }] : [];
    }),
    inhibitions: (n.inhibitions ?? []).map((i) => ({ source: i.source, target: i.target, equal: i.equal, sourceAlerts: i.sourceAlerts ?? [], targetAlerts: i.targetAlerts ?? [] })),
    smtp: n.smtp
      ? { smarthost: n.smtp.smarthost, from: n.smtp.from, username: n.smtp.username, passwordEnv: n.smtp.password?.env, requireTls: n.smtp.requireTls ?? SCHEMA_DEFAULTS.notifications.smtp.requireTls }
      : undefined,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
