/**
 * The resolved model: what generators consume. Unlike the authored spec (generated/spec-types.ts) it
 * is fully defaulted, references are resolved into values, quantities are numbers in their unit,
 * texts have their ${...} placeholders filled, collections are sorted arrays, and it is frozen.
 */
import type { Panel, Severity, Unit } from './generated/spec-types.js';

export type { Severity, Unit };
export type DatasourceKind = 'prometheus' | 'loki';
export type AlertEngine = 'prometheus' | 'grafana' | 'both';
export type ThresholdLevel = 'warning' | 'critical';
export type ComparisonOp = '>' | '>=' | '<' | '<=' | '==' | '!=';

export interface ResolvedDatasource {
  readonly uid: string;
  readonly name: string;
  readonly url: string;
  /** false: an existing datasource referenced by uid, not provisioned by monspec. */
  readonly provision: boolean;
}

export interface ResolvedService {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly team: string;
  readonly contact: string | undefined;
  readonly repository: string | undefined;
  readonly job: string;
  readonly metricsPath: string;
  readonly healthEndpoints: readonly { readonly path: string; readonly description: string }[];
  readonly scrapeInterval: string;
  readonly retention: string;
  readonly replicas: number;
  readonly seriesBudget: number | undefined;
  readonly grafana: { readonly url: string; readonly folder: string };
  readonly datasources: { readonly prometheus: ResolvedDatasource; readonly loki: ResolvedDatasource };
  readonly alerting: {
    readonly engine: AlertEngine;
    readonly evaluationInterval: string;
    readonly commonLabels: Readonly<Record<string, string>>;
    /** The external Alertmanager (required with engine both: Grafana forwards its copies there). */
    readonly alertmanagerUrl: string | undefined;
    /** Which ruler evaluates the Prometheus-side rules (and so which file is deployed). */
    readonly ruler: ResolvedRuler;
    /** The Loki ruler's tenant, when the spec names one (the rule file goes in its folder). */
    readonly lokiTenant: string | undefined;
  };
  readonly runbookBaseUrl: string | undefined;
  /** The setup guide's file name under docs/ (`TUNNEL_MONITORING_SETUP.md`). */
  readonly setupGuide: string;
}

/** The ruler of the Prometheus-side rules, with the options its format needs (defaults applied). */
export type ResolvedRuler =
  | { readonly type: 'prometheus' }
  | { readonly type: 'mimir'; readonly namespace: string }
  | { readonly type: 'thanos'; readonly partialResponseStrategy: 'warn' | 'abort' }
  | { readonly type: 'prometheus-operator'; readonly namespace: string; readonly labels: Readonly<Record<string, string>> };

export interface ResolvedLabel {
  readonly name: string;
  readonly description: string;
  /** The complete value set, when declared. */
  readonly values: readonly string[] | undefined;
  /** values.length, or the declared bound. */
  readonly cardinality: number;
}

export interface ResolvedMetric {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary';
  readonly unit: Unit;
  readonly help: string;
  readonly meaning: string;
  readonly group: string;
  readonly origin: 'service' | 'process' | 'prometheus';
  /** Sorted by name; target labels (job, instance) are not listed. */
  readonly labels: readonly ResolvedLabel[];
  readonly buckets: readonly number[] | undefined;
  readonly bands: ResolvedThreshold | undefined;
  readonly deprecated: { readonly reason: string; readonly replacement: string | undefined } | undefined;
  /** What the service must change to expose the metric as declared, when it does not yet. */
  readonly serviceChange: string | undefined;
  readonly waivers: Readonly<Record<string, string>>;
  readonly estimatedSeries: number;
  /** The spec file that declares it. */
  readonly sourceFile: string | undefined;
}

export interface ResolvedThreshold {
  readonly name: string;
  readonly description: string;
  readonly unit: Unit;
  readonly direction: 'higher_is_worse' | 'lower_is_worse';
  readonly warning: number | undefined;
  readonly critical: number | undefined;
  readonly window: string | undefined;
  /** Words for each band (defaults: ok / warning / critical). */
  readonly states: { readonly ok: string; readonly warning: string; readonly critical: string };
}

/** A threshold level as used by an alert: the value and how people read it. */
export interface ThresholdUse {
  readonly name: string;
  readonly level: ThresholdLevel;
  readonly value: number;
  readonly unit: Unit;
  /** Formatted in the unit, e.g. `5 %`, `256 MiB`. */
  readonly display: string;
}

export interface ResolvedRecordingRule {
  readonly name: string;
  readonly expr: string;
  readonly description: string;
  readonly unit: Unit;
  readonly labels: Readonly<Record<string, string>>;
  /** Labels the recorded series keep, when they could be inferred. */
  readonly outputLabels: readonly string[] | undefined;
  /** `spec` for authored rules, `slo` for the error-ratio rules SLOs generate. */
  readonly origin: 'spec' | 'slo';
  /** The SLO a generated rule belongs to. */
  readonly slo: string | undefined;
}

export interface AlertTestExpectation {
  readonly at: string;
  readonly firing: boolean;
  readonly labels: Readonly<Record<string, string>>;
}

export interface AlertTestCase {
  readonly name: string;
  readonly interval: string;
  /** Input series with `${...}` already evaluated. */
  readonly series: readonly { readonly series: string; readonly values: string }[];
  readonly expect: readonly AlertTestExpectation[];
}

export interface PanelRef {
  readonly dashboard: string;
  readonly panel: string;
}

export interface RunbookStep {
  readonly title: string;
  readonly description: string | undefined;
  readonly query: { readonly datasource: DatasourceKind; readonly expr: string } | undefined;
  readonly panel: PanelRef | undefined;
}

export interface ResolvedRunbook {
  readonly meaning: string;
  readonly impact: string;
  readonly diagnosis: readonly RunbookStep[];
  readonly mitigation: readonly string[];
  readonly escalation: readonly string[];
}

export interface ResolvedAlert {
  /** Alert name; SLO alerts share one name across their severities and branches. */
  readonly name: string;
  /** Unique across the model: the name, or name:severity:long-short for SLO alerts. */
  readonly id: string;
  readonly origin: 'spec' | 'slo';
  readonly datasource: DatasourceKind;
  readonly severity: Severity;
  /** The signal expression. */
  readonly expr: string;
  /** How the signal is compared; undefined when `expr` is the whole condition. */
  readonly condition: { readonly op: ComparisonOp; readonly value: number; readonly threshold: ThresholdUse | undefined } | undefined;
  /** The rule expression: `expr op value`, or `expr`. */
  readonly query: string;
  readonly for: string;
  readonly forSeconds: number;
  readonly summary: string;
  readonly description: string;
  /** severity, common labels and the alert's own labels, sorted by key. */
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly dashboard: PanelRef;
  readonly runbook: ResolvedRunbook;
  readonly tests: readonly AlertTestCase[];
  readonly noDataState: 'NoData' | 'Alerting' | 'OK';
  readonly execErrState: 'Error' | 'Alerting' | 'OK';
  /**
   * For SLO alerts: the SLO and the one burn-rate branch this rule evaluates (`windows` has exactly
   * one element; its `for` is this alert's `for`). Each branch is its own rule, labelled
   * `long_window`/`short_window`.
   */
  readonly slo: { readonly name: string; readonly windows: readonly ResolvedBurnRateWindow[] } | undefined;
  /** The spec file that declares it. */
  readonly sourceFile: string | undefined;
}

export interface ResolvedBurnRateWindow {
  readonly severity: Severity;
  readonly longWindow: string;
  readonly shortWindow: string;
  readonly burnRate: number;
  readonly for: string;
  /** burnRate × error budget: the error ratio both windows must exceed. */
  readonly errorRatioThreshold: number;
}

export interface ResolvedSlo {
  readonly name: string;
  readonly description: string;
  /** 0.99 */
  readonly objective: number;
  /** 1 - objective */
  readonly errorBudget: number;
  readonly window: string;
  /** The SLI with `$window` left in place. */
  readonly sli: { readonly errors: string; readonly total: string };
  readonly windows: readonly ResolvedBurnRateWindow[];
  readonly alertName: string;
  /** Recording rule name per rate window. */
  readonly ratioRules: Readonly<Record<string, string>>;
}

export interface ResolvedQuery {
  readonly refId: string;
  readonly expr: string;
  readonly datasource: DatasourceKind;
  readonly legend: string | undefined;
  readonly instant: boolean;
  readonly format: 'time_series' | 'table';
}

export interface ResolvedPanel {
  readonly key: string;
  /** Stable: explicit, or assigned in declaration order after the explicit ones. */
  readonly id: number;
  readonly title: string;
  /** The schema's panel kinds (spec-types.ts is generated from it): a new kind is added there once. */
  readonly type: NonNullable<Panel['type']>;
  readonly description: string;
  /** Declared metrics and recording rules the queries read. */
  readonly metrics: readonly string[];
  readonly unit: Unit | undefined;
  readonly threshold: ResolvedThreshold | undefined;
  readonly queries: readonly ResolvedQuery[];
  readonly width: number;
  readonly height: number;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly decimals: number | undefined;
  readonly limit: number | undefined;
  readonly valueMappings: readonly { readonly value: number; readonly text: string; readonly color: string | undefined }[];
  readonly logsLink: boolean;
}

export interface ResolvedVariable {
  readonly name: string;
  readonly label: string;
  readonly metric: string | undefined;
  readonly values: readonly string[] | undefined;
  readonly multi: boolean;
  readonly includeAll: boolean;
}

export interface ResolvedDashboard {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly refresh: string;
  readonly time: { readonly from: string; readonly to: string };
  readonly timeOptions: readonly string[];
  readonly variables: readonly ResolvedVariable[];
  /** In declaration order. */
  readonly panels: readonly ResolvedPanel[];
}

export interface ResolvedContactPoint {
  readonly name: string;
  readonly type: 'email' | 'slack' | 'pagerduty' | 'webhook';
  readonly description: string;
  readonly addresses: readonly string[];
  readonly channel: string | undefined;
  readonly url: string | undefined;
  /** Environment variable that holds the secret at deploy time. */
  readonly secretEnv: string | undefined;
  /** Or: absolute path of a mounted file that holds it. */
  readonly secretFile: string | undefined;
}

export interface ResolvedRoute {
  readonly severity: Severity;
  readonly contactPoints: readonly string[];
  readonly groupWait: string | undefined;
  readonly groupInterval: string | undefined;
  readonly repeatInterval: string | undefined;
}

export interface ResolvedNotifications {
  readonly contactPoints: readonly ResolvedContactPoint[];
  readonly defaultContactPoint: string | undefined;
  readonly groupBy: readonly string[];
  /** In severity order critical, warning, info; only declared ones. */
  readonly routes: readonly ResolvedRoute[];
  readonly inhibitions: readonly ResolvedInhibition[];
  /** The SMTP relay of email contact points (the checks require it when one exists). */
  readonly smtp: ResolvedSmtp | undefined;
}

export interface ResolvedInhibition {
  readonly source: Severity;
  readonly target: Severity;
  readonly equal: readonly string[];
  /** Alert names the source/target is limited to; empty = every alert of the severity. */
  readonly sourceAlerts: readonly string[];
  readonly targetAlerts: readonly string[];
}

export interface ResolvedSmtp {
  readonly smarthost: string;
  readonly from: string;
  readonly username: string | undefined;
  /** Environment variable (Grafana) / secret file name (Alertmanager) of the password. */
  readonly passwordEnv: string | undefined;
  readonly requireTls: boolean;
}

export interface ResolvedLogSource {
  readonly name: string;
  readonly selector: string;
  readonly description: string;
  readonly errorFilter: string | undefined;
}

export interface ResolvedLogPattern {
  readonly name: string;
  readonly source: string;
  readonly description: string;
  readonly match: string;
}

/** A ruler of a deploy target: its address and the names of the variables holding its credentials. */
export interface ResolvedRulerTarget {
  readonly url: string;
  readonly tenant: string | undefined;
  readonly tokenEnv: string | undefined;
  readonly userEnv: string | undefined;
  readonly passwordEnv: string | undefined;
}

/** A deploy target of the environment (`environments.<env>.targets.<name>`); credentials only as variable names. */
export interface ResolvedDeployTarget {
  readonly grafana: { readonly url: string; readonly org: number | undefined; readonly folder: string | undefined; readonly tokenEnv: string } | undefined;
  readonly mimir: ResolvedRulerTarget | undefined;
  readonly loki: ResolvedRulerTarget | undefined;
  /** A Prometheus loading rule files from `rulesDir` (absolute, as its rule_files spells it). */
  readonly prometheus: { readonly url: string; readonly rulesDir: string } | undefined;
  /** An Alertmanager started with `configFile` (absolute). */
  readonly alertmanager: { readonly url: string; readonly configFile: string } | undefined;
}

export interface ResolvedModel {
  /** sha256 of the spec files (paths and contents), for manifests and caches. */
  readonly specHash: string;
  readonly environment: string;
  /** All environments the spec declares, sorted. */
  readonly environments: readonly string[];
  readonly service: ResolvedService;
  readonly metrics: readonly ResolvedMetric[];
  readonly thresholds: readonly ResolvedThreshold[];
  readonly recordingRules: readonly ResolvedRecordingRule[];
  readonly alerts: readonly ResolvedAlert[];
  readonly slos: readonly ResolvedSlo[];
  readonly dashboards: readonly ResolvedDashboard[];
  readonly notifications: ResolvedNotifications;
  readonly logs: { readonly sources: readonly ResolvedLogSource[]; readonly patterns: readonly ResolvedLogPattern[] };
  readonly seriesEstimate: { readonly total: number; readonly budget: number | undefined };
  /** The environment's deploy targets by name; absent when it declares none (so models of specs without targets are unchanged). */
  readonly targets?: Readonly<Record<string, ResolvedDeployTarget>>;
}
