/* Generated from schema/monspec.schema.json by scripts/gen-types.mjs. Do not edit. */

/**
 * The unit of a metric, recording rule, threshold or panel. Drives Grafana units, display formatting and the base-unit lint.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "unit".
 */
export type Unit =
  | 'count'
  | 'seconds'
  | 'milliseconds'
  | 'bytes'
  | 'bytes_per_second'
  | 'requests_per_second'
  | 'operations_per_second'
  | 'ratio'
  | 'percent'
  | 'cores'
  | 'state'
  | 'factor';
/**
 * A label on a metric, with its allowed values or a bound on its cardinality.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "metricLabel".
 */
export type MetricLabel = {
  /**
   * What the label distinguishes.
   */
  description: string;
  /**
   * The complete set of values the label takes.
   *
   * @minItems 1
   */
  values?: string[];
  /**
   * Upper bound on distinct values, for unbounded-looking labels the service caps (e.g. top-N users).
   */
  maxCardinality?: number;
} & MetricLabel1;
export type MetricLabel1 = {
  [k: string]: unknown;
};
/**
 * A named threshold with up to two levels. Values are in the threshold's unit; suffixed quantities (5%, 256MiB, 200ms) are converted.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "threshold".
 */
export type Threshold = Threshold1 & {
  /**
   * What the threshold bounds.
   */
  description: string;
  unit: Unit;
  /**
   * Whether values above (default) or below the levels are bad.
   */
  direction?: 'higher_is_worse' | 'lower_is_worse';
  /**
   * Where the warning band starts.
   */
  warning?: number | string;
  /**
   * Where the critical band starts.
   */
  critical?: number | string;
  /**
   * For counts: the window the value is counted over (100 violations in 5m).
   */
  window?: string;
  /**
   * Words for each band in the docs (the seed's normal / elevated / concerning).
   */
  states?: {
    /**
     * Below both levels.
     */
    ok?: string;
    /**
     * In the warning band.
     */
    warning?: string;
    /**
     * In the critical band.
     */
    critical?: string;
  };
};
export type Threshold1 = {
  [k: string]: unknown;
};
/**
 * Alert severity: critical pages, warning notifies the team, info is for dashboards and email.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "severity".
 */
export type Severity = 'critical' | 'warning' | 'info';
/**
 * How the signal expression is compared: against a named threshold level or a literal value (states such as circuit breaker open).
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "alertCondition".
 */
export type AlertCondition = {
  /**
   * Comparison operator.
   */
  op: '>' | '>=' | '<' | '<=' | '==' | '!=';
  threshold?: ThresholdRef;
  /**
   * A literal value, for states rather than bands.
   */
  value?: number;
} & AlertCondition1;
/**
 * A threshold level reference: name.warning or name.critical.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "thresholdRef".
 */
export type ThresholdRef = string;
export type AlertCondition1 = {
  [k: string]: unknown;
};
/**
 * A CamelCase alert name of at most 200 characters (it names the runbook file).
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "alertName".
 */
export type AlertName = string;
/**
 * A Prometheus duration such as 30s, 5m, 1h30m or 30d.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "duration".
 */
export type Duration = string;
/**
 * A Prometheus metric or recording rule name of at most 200 characters (names become file names).
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "metricName".
 */
export type MetricName = string;
/**
 * Which datasource evaluates an expression.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "datasourceKind".
 */
export type DatasourceKind = 'prometheus' | 'loki';
/**
 * A notification receiver.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "contactPoint".
 */
export type ContactPoint = {
  /**
   * Integration type.
   */
  type: 'email' | 'slack' | 'pagerduty' | 'webhook';
  /**
   * Who is reached.
   */
  description: string;
  /**
   * Email addresses (email).
   *
   * @minItems 1
   */
  addresses?: string[];
  /**
   * Slack channel (slack).
   */
  channel?: string;
  /**
   * Webhook URL (webhook), or a non-secret API URL override.
   */
  url?: string;
  secret?: SecretRef;
};
/**
 * A Prometheus label name of at most 200 characters.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "labelName".
 */
export type LabelName = string;
/**
 * A snake_case or kebab-case name of at most 200 characters (names become file names).
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "identifier".
 */
export type Identifier = string;
/**
 * A Grafana uid: lowercase letters, digits and dashes, at most 40 characters.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "uid".
 */
export type Uid = string;
/**
 * A number, or a number with a unit suffix (5%, 200ms, 256MiB) converted into the owner's unit.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "quantity".
 */
export type Quantity = number | string;

/**
 * One monspec spec file. A spec is a directory of such files, split by concern; their sections are merged by name, and a name defined in two files is an error.
 */
export interface MonspecDocument {
  /**
   * Optional JSON Schema reference for editors; ignored by monspec.
   */
  $schema?: string;
  service?: Service;
  /**
   * Metrics the service exposes, keyed by their Prometheus name.
   */
  metrics?: {
    [k: string]: Metric;
  };
  /**
   * Named thresholds (bands), declared once and referenced by name from alerts, panels and docs.
   */
  thresholds?: {
    [k: string]: Threshold;
  };
  /**
   * Prometheus recording rules keyed by the recorded name (level:metric:operations).
   */
  recordingRules?: {
    [k: string]: RecordingRule;
  };
  /**
   * Alerts keyed by their CamelCase name.
   */
  alerts?: {
    [k: string]: AlertEntry;
  };
  /**
   * Service level objectives keyed by name; each generates multi-window multi-burn-rate alerts.
   */
  slos?: {
    [k: string]: Slo;
  };
  /**
   * Grafana dashboards keyed by their stable uid.
   */
  dashboards?: {
    [k: string]: Dashboard;
  };
  /**
   * Runbook content keyed by alert name.
   */
  runbooks?: {
    [k: string]: Runbook;
  };
  notifications?: Notifications;
  logs?: Logs;
  /**
   * Reusable, parameterised shapes (alerts, panels, recording rules) instantiated by name with parameters.
   */
  templates?: {
    [k: string]: Template;
  };
  /**
   * Deployment environments keyed by name; each may overlay the base spec.
   */
  environments?: {
    [k: string]: Environment;
  };
  /**
   * Spec libraries this spec builds on, in order. Each library's sections are the base; this spec's sections override them by the overlay rules (objects merge, scalars and arrays replace, null deletes), and the result is validated as a whole.
   */
  imports?: LibraryImport[];
  library?: Library;
}
/**
 * The monitored service and where its monitoring lives.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "service".
 */
export interface Service {
  /**
   * Service name, used in labels, uids and file names.
   */
  name: string;
  /**
   * Human-readable service name.
   */
  title: string;
  /**
   * What the service does, for the docs overview.
   */
  description: string;
  /**
   * Owning team; added as the `team` label on every alert.
   */
  team: string;
  /**
   * How to reach the owning team (email or channel).
   */
  contact?: string;
  /**
   * Source repository of the service.
   */
  repository?: string;
  /**
   * Prometheus `job` label value of the scrape target. Defaults to the service name.
   */
  job?: string;
  /**
   * HTTP path of the Prometheus exposition. Defaults to /metrics.
   */
  metricsPath?: string;
  /**
   * Health and diagnostics endpoints documented in the setup guide.
   */
  healthEndpoints?: {
    /**
     * HTTP path.
     */
    path: string;
    /**
     * What the endpoint reports.
     */
    description: string;
  }[];
  /**
   * Prometheus scrape settings assumed by rules and docs.
   */
  scrape?: {
    /**
     * Scrape interval. Defaults to 15s.
     */
    interval?: string;
    /**
     * Prometheus data retention. Defaults to 15d.
     */
    retention?: string;
  };
  /**
   * Number of scraped instances, used to estimate series counts. Defaults to 1.
   */
  replicas?: number;
  /**
   * Upper bound on the estimated number of active series the service may export.
   */
  seriesBudget?: number;
  /**
   * The Grafana instance that shows the dashboards.
   */
  grafana?: {
    /**
     * Base URL of Grafana, used for deeplinks.
     */
    url: string;
    /**
     * Folder for dashboards and Grafana-managed alerts. Defaults to the service title.
     */
    folder?: string;
  };
  /**
   * Datasources provisioned into Grafana, with fixed uids.
   */
  datasources?: {
    prometheus?: Datasource;
    loki?: Datasource1;
  };
  /**
   * Which engine evaluates alerts, and alert-wide settings.
   */
  alerting?: {
    /**
     * Which engine evaluates each alert (exactly one by default). prometheus: Prometheus rules + Alertmanager; grafana: Grafana-managed rules with Grafana's notification policies; both: Prometheus and Grafana evaluate every alert and Grafana forwards its copies to the Alertmanager at alertmanagerUrl, which de-duplicates them (identical label sets) and applies one inhibition. Defaults to prometheus.
     */
    engine?: 'prometheus' | 'grafana' | 'both';
    /**
     * The external Alertmanager Prometheus sends alerts to. Required with engine both: Grafana's only contact point is then this Alertmanager, so each alert is delivered once and inhibited in one place.
     */
    alertmanagerUrl?: string;
    /**
     * Rule group evaluation interval. Defaults to 1m.
     */
    evaluationInterval?: string;
    commonLabels?: StringMap;
    /**
     * Which ruler evaluates the Prometheus-side rules, and so which file this environment deploys them in (select it per environment with an overlay). The prometheus/rules files are generated and promtool-tested whatever the ruler; they are deployed only with type prometheus, the default. mimir: a mimirtool/cortextool namespace file for the Mimir or Cortex ruler; thanos: a Thanos Ruler rule file whose groups carry partial_response_strategy; prometheus-operator: a PrometheusRule object and an AlertmanagerConfig object for the Prometheus Operator.
     */
    ruler?: {
      /**
       * prometheus (rule_files), mimir (Mimir or Cortex ruler), thanos (Thanos Ruler) or prometheus-operator (PrometheusRule and AlertmanagerConfig objects).
       */
      type: 'prometheus' | 'mimir' | 'thanos' | 'prometheus-operator';
      /**
       * mimir only: the ruler namespace holding this service's groups (monspec apply --prune deletes groups there that the spec no longer generates). Default: monspec-<service name>.
       */
      namespace?: string;
      /**
       * prometheus-operator only: the Kubernetes namespace of the objects, a lowercase DNS label. Default: monitoring.
       */
      kubernetesNamespace?: string;
      /**
       * thanos only: what a rule does when a StoreAPI does not answer, warn (evaluate on partial data) or abort (skip the evaluation). Default: abort, Thanos's own default.
       */
      partialResponseStrategy?: 'warn' | 'abort';
      labels?: StringMap1;
    };
    /**
     * The Loki tenant (X-Scope-OrgID; letters, digits and !-_.*'(), at most 150, not . or .., https://grafana.com/docs/loki/latest/operations/multi-tenancy/) whose ruler evaluates the Loki rules: the file is then loki/rules/<tenant>/logs.rules.yml, the layout of the Loki ruler's local rule storage (one folder per tenant). Without it, loki/rules/logs.rules.yml.
     */
    lokiTenant?: string;
  };
  /**
   * File name of the setup guide under docs/ (and its site page, with .html). Default: the service name in capitals with _MONITORING_SETUP.md, e.g. CHECKOUT_MONITORING_SETUP.md.
   */
  setupGuide?: string;
  /**
   * Where the docs site's runbooks/ folder is published (the generated site/runbooks/); an alert's runbook_url is this plus /<AlertName>.html.
   */
  runbookBaseUrl?: string;
}
/**
 * The Prometheus datasource. Defaults to monspec's own uid and name (monspec-prometheus): Grafana's provisioner matches datasources by name, so a name such as Prometheus would take over one an operator already has.
 */
export interface Datasource {
  /**
   * Fixed datasource uid.
   */
  uid: string;
  /**
   * Datasource display name.
   */
  name?: string;
  /**
   * URL Grafana uses to reach the datasource.
   */
  url?: string;
  /**
   * Whether monspec provisions this datasource (default true). false: the dashboards and rules reference an existing datasource by uid and monspec writes no provisioning entry for it. Grafana's provisioner matches datasources by name, so a provisioned name must be monspec's own, never one an existing datasource uses (such as Prometheus).
   */
  provision?: boolean;
}
/**
 * The Loki datasource. Defaults to monspec's own uid and name (monspec-loki): Grafana's provisioner matches datasources by name, so a name such as Loki would take over one an operator already has.
 */
export interface Datasource1 {
  /**
   * Fixed datasource uid.
   */
  uid: string;
  /**
   * Datasource display name.
   */
  name?: string;
  /**
   * URL Grafana uses to reach the datasource.
   */
  url?: string;
  /**
   * Whether monspec provisions this datasource (default true). false: the dashboards and rules reference an existing datasource by uid and monspec writes no provisioning entry for it. Grafana's provisioner matches datasources by name, so a provisioned name must be monspec's own, never one an existing datasource uses (such as Prometheus).
   */
  provision?: boolean;
}
/**
 * Labels added to every alert.
 */
export interface StringMap {
  [k: string]: string;
}
/**
 * prometheus-operator only: labels on the objects, e.g. the label the Prometheus ruleSelector and the Alertmanager alertmanagerConfigSelector match.
 */
export interface StringMap1 {
  [k: string]: string;
}
/**
 * A metric the service exposes.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "metric".
 */
export interface Metric {
  /**
   * Prometheus metric type.
   */
  type: 'counter' | 'gauge' | 'histogram' | 'summary';
  unit: Unit;
  /**
   * The HELP text the service exposes.
   */
  help: string;
  /**
   * What the metric tells an operator; used in panel descriptions and docs.
   */
  meaning: string;
  /**
   * Catalogue group (connection, request, error, ...).
   */
  group: string;
  /**
   * Who produces it: the service's own code, the client library's process collector, or Prometheus itself (up). Defaults to service.
   */
  origin?: 'service' | 'process' | 'prometheus';
  /**
   * Labels on the metric, keyed by label name (target labels such as job and instance are implied).
   */
  labels?: {
    [k: string]: MetricLabel;
  };
  /**
   * Histogram bucket upper bounds, ascending, in the metric's unit.
   *
   * @minItems 1
   */
  buckets?: number[];
  /**
   * Name of the threshold giving this metric's normal range, for docs.
   */
  bands?: string;
  /**
   * What the service must change to expose this metric as the spec declares it (a new metric, new labels, another type), for the setup guide's 'What the service must change'; the type, labels and buckets are added from the spec.
   */
  serviceChange?: string;
  /**
   * Still exposed for compatibility, but dashboards and alerts should use the replacement.
   */
  deprecated?: {
    /**
     * Why it is deprecated.
     */
    reason: string;
    /**
     * The metric or recording rule to use instead.
     */
    replacement?: string;
  };
  /**
   * Checks waived for this metric, keyed by check id, each with a written reason.
   */
  waivers?: {
    [k: string]: string;
  };
}
/**
 * A Prometheus recording rule.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "recordingRule".
 */
export interface RecordingRule {
  /**
   * A snake_case or kebab-case name of at most 200 characters (names become file names).
   */
  template?: string;
  /**
   * Template parameters.
   */
  params?: {};
  /**
   * PromQL expression.
   */
  expr?: string;
  /**
   * What the recorded series means.
   */
  description?: string;
  unit?: Unit;
  labels?: StringMap2;
}
/**
 * Static labels added to the recorded series.
 */
export interface StringMap2 {
  [k: string]: string;
}
/**
 * An alert, or a template instance that produces one.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "alertEntry".
 */
export interface AlertEntry {
  /**
   * A snake_case or kebab-case name of at most 200 characters (names become file names).
   */
  template?: string;
  /**
   * Template parameters.
   */
  params?: {};
  /**
   * Which datasource evaluates an expression.
   */
  datasource?: 'prometheus' | 'loki';
  severity?: Severity;
  /**
   * The signal expression (PromQL, or LogQL for loki alerts); compared by `condition` if given.
   */
  expr?: string;
  condition?: AlertCondition;
  /**
   * How long the condition must hold before the alert fires. Defaults to 0s.
   */
  for?: string;
  /**
   * Static one-line summary; ${threshold} and ${for} are filled in from the spec.
   */
  summary?: string;
  /**
   * Templated description; Prometheus {{ $value }} and {{ $labels.x }} are allowed.
   */
  description?: string;
  labels?: StringMap3;
  annotations?: StringMap4;
  /**
   * The panel that shows the signal, as dashboardUid/panelKey; becomes dashboard_url.
   */
  dashboard?: string;
  /**
   * Grafana-managed alerts: state when the query returns no data. Defaults from the query: Alerting when it reads up (a presence check), OK otherwise (counts, rates, ratios, absent()).
   */
  noDataState?: 'NoData' | 'Alerting' | 'OK';
  /**
   * Grafana-managed alerts: state on query error. Defaults to Error.
   */
  execErrState?: 'Error' | 'Alerting' | 'OK';
  /**
   * promtool scenarios for this alert.
   */
  tests?: AlertTest[];
}
/**
 * Extra labels.
 */
export interface StringMap3 {
  [k: string]: string;
}
/**
 * Extra annotations.
 */
export interface StringMap4 {
  [k: string]: string;
}
/**
 * A promtool unit-test scenario: input series and whether the alert fires at given times.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "alertTest".
 */
export interface AlertTest {
  /**
   * What the scenario shows.
   */
  name: string;
  /**
   * Sample interval of the input series. Defaults to 1m.
   */
  interval?: string;
  /**
   * Input series (selector → promtool expanding notation). ${...} in values is arithmetic over threshold, value and thresholds.NAME.LEVEL.
   */
  series: {
    [k: string]: string;
  };
  /**
   * Expectations at evaluation times.
   *
   * @minItems 1
   */
  expect: {
    /**
     * Evaluation time from the start of the series.
     */
    at: string;
    /**
     * Whether the alert is firing at that time.
     */
    firing: boolean;
    labels?: StringMap5;
  }[];
}
/**
 * Labels the firing alert carries besides the alert's own.
 */
export interface StringMap5 {
  [k: string]: string;
}
/**
 * A ratio SLO: errors / total over a window must stay under 1 - objective.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "slo".
 */
export interface Slo {
  /**
   * What the SLO promises.
   */
  description: string;
  /**
   * Target ratio (99% or 0.99).
   */
  objective: number | string;
  /**
   * Compliance window. Defaults to 30d.
   */
  window?: string;
  /**
   * Counter expressions; $window is replaced by each rate window.
   */
  sli: {
    /**
     * Rate of bad events, e.g. sum(rate(tunnel_errors_total[$window])).
     */
    errors: string;
    /**
     * Rate of all events.
     */
    total: string;
  };
  /**
   * The generated burn-rate alert.
   */
  alert: {
    name: AlertName;
    /**
     * Static summary.
     */
    summary: string;
    /**
     * Templated description.
     */
    description?: string;
    /**
     * Panel reference for dashboard_url.
     */
    dashboard: string;
    labels?: StringMap6;
    /**
     * promtool scenarios for the burn-rate alert; ${budget} (the error budget ratio) and ${objective} are in scope, and expectations name the severity in labels.
     */
    tests?: AlertTest[];
  };
  /**
   * Burn-rate windows; defaults to the SRE workbook's page (14.4x 1h/5m, 6x 6h/30m) and ticket (3x 1d/2h, 1x 3d/6h) set.
   *
   * @minItems 1
   */
  windows?: BurnRateWindow[];
}
/**
 * Extra labels.
 */
export interface StringMap6 {
  [k: string]: string;
}
/**
 * One multi-window burn-rate alert condition.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "burnRateWindow".
 */
export interface BurnRateWindow {
  severity: Severity;
  /**
   * Long window (e.g. 1h).
   */
  longWindow: string;
  /**
   * Short window (e.g. 5m).
   */
  shortWindow: string;
  /**
   * Burn-rate factor (e.g. 14.4).
   */
  burnRate: number;
  /**
   * Pending duration. Defaults to 0s.
   */
  for?: string;
}
/**
 * A Grafana dashboard.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "dashboard".
 */
export interface Dashboard {
  /**
   * Dashboard title.
   */
  title: string;
  /**
   * What the dashboard is for.
   */
  description: string;
  /**
   * Dashboard tags.
   */
  tags?: string[];
  /**
   * Auto-refresh interval. Defaults to 30s.
   */
  refresh?: string;
  /**
   * Default time range.
   */
  time?: {
    /**
     * Start, e.g. now-6h.
     */
    from: string;
    /**
     * End, e.g. now.
     */
    to: string;
  };
  /**
   * Quick time ranges offered in the picker.
   */
  timeOptions?: Duration[];
  /**
   * Template variables keyed by name.
   */
  variables?: {
    [k: string]: DashboardVariable;
  };
  /**
   * Panels keyed by a stable name, laid out in declaration order.
   */
  panels: {
    [k: string]: Panel;
  };
}
/**
 * A dashboard template variable filtering the queries.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "dashboardVariable".
 */
export interface DashboardVariable {
  /**
   * Label shown in Grafana.
   */
  label: string;
  /**
   * A Prometheus metric or recording rule name of at most 200 characters (names become file names).
   */
  metric?: string;
  /**
   * Fixed values (custom variable) instead of a query.
   */
  values?: string[];
  /**
   * Allow several values. Defaults to true.
   */
  multi?: boolean;
  /**
   * Offer All. Defaults to true.
   */
  includeAll?: boolean;
}
/**
 * A dashboard panel.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "panel".
 */
export interface Panel {
  /**
   * A snake_case or kebab-case name of at most 200 characters (names become file names).
   */
  template?: string;
  /**
   * Template parameters.
   */
  params?: {};
  /**
   * Stable panel id; assigned in declaration order when absent.
   */
  id?: number;
  /**
   * Panel title.
   */
  title?: string;
  /**
   * Visualization.
   */
  type?: 'timeseries' | 'gauge' | 'stat' | 'table' | 'piechart' | 'bargauge' | 'logs';
  /**
   * Panel description; defaults to the primary metric's meaning.
   */
  description?: string;
  /**
   * Metrics the panel is about (for descriptions, units and coverage); derived from the queries when absent.
   */
  metrics?: MetricName[];
  unit?: Unit;
  /**
   * Name of the threshold whose bands colour the panel.
   */
  threshold?: string;
  /**
   * Queries.
   *
   * @minItems 1
   */
  queries?: PanelQuery[];
  /**
   * Width in grid columns (24 wide). Defaults by type.
   */
  width?: number;
  /**
   * Height in grid rows. Defaults to 8.
   */
  height?: number;
  /**
   * Axis or gauge minimum.
   */
  min?: number;
  /**
   * Axis or gauge maximum.
   */
  max?: number;
  /**
   * Decimals shown.
   */
  decimals?: number;
  /**
   * Top-N rows (tables) or slices.
   */
  limit?: number;
  /**
   * Value to text mappings (e.g. circuit breaker states).
   */
  valueMappings?: {
    /**
     * Raw value.
     */
    value: number;
    /**
     * Shown text.
     */
    text: string;
    /**
     * Colour name.
     */
    color?: string;
  }[];
  /**
   * Add a drill-down link from this panel to the error logs in Explore.
   */
  logsLink?: boolean;
}
/**
 * One query of a panel.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "panelQuery".
 */
export interface PanelQuery {
  /**
   * PromQL or LogQL; may use $__rate_interval and dashboard variables.
   */
  expr: string;
  datasource?: DatasourceKind;
  /**
   * Legend format, e.g. {{tier}}.
   */
  legend?: string;
  /**
   * Instant query (tables, gauges, pie charts).
   */
  instant?: boolean;
  /**
   * Result format.
   */
  format?: 'time_series' | 'table';
}
/**
 * Runbook content for one alert.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "runbook".
 */
export interface Runbook {
  /**
   * What the alert means.
   */
  meaning: string;
  /**
   * What users experience.
   */
  impact: string;
  /**
   * Investigation steps.
   *
   * @minItems 1
   */
  diagnosis: RunbookQuery[];
  /**
   * What to do, in order.
   *
   * @minItems 1
   */
  mitigation: string[];
  /**
   * Who to involve and when.
   *
   * @minItems 1
   */
  escalation: string[];
}
/**
 * A diagnosis step: a query to run or a panel to look at.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "runbookQuery".
 */
export interface RunbookQuery {
  /**
   * What to check.
   */
  title: string;
  /**
   * How to read the result.
   */
  description?: string;
  /**
   * PromQL to run in Explore.
   */
  promql?: string;
  /**
   * LogQL to run in Explore.
   */
  logql?: string;
  /**
   * Panel reference dashboardUid/panelKey.
   */
  panel?: string;
}
/**
 * Contact points and routing by severity, for Grafana and Alertmanager alike.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "notifications".
 */
export interface Notifications {
  /**
   * Receivers keyed by name.
   */
  contactPoints?: {
    [k: string]: ContactPoint;
  };
  /**
   * Receiver for alerts no route matches.
   */
  defaultContactPoint?: string;
  /**
   * Labels that group notifications.
   */
  groupBy?: LabelName[];
  /**
   * Routing keyed by severity.
   */
  routes?: {
    critical?: Route;
    warning?: Route;
    info?: Route;
  };
  /**
   * A firing source alert silences matching target alerts.
   */
  inhibitions?: {
    /**
     * Alert severity: critical pages, warning notifies the team, info is for dashboards and email.
     */
    source: 'critical' | 'warning' | 'info';
    /**
     * Alert severity: critical pages, warning notifies the team, info is for dashboards and email.
     */
    target: 'critical' | 'warning' | 'info';
    /**
     * Labels that must have the same value on source and target (a label both lack counts as equal). Use labels that tell alerts apart (instance, job); a label every alert of the service carries with one value (service, team) inhibits everything.
     *
     * @minItems 1
     */
    equal: LabelName[];
    /**
     * Only these alerts inhibit (default: every alert of the source severity).
     *
     * @minItems 1
     */
    sourceAlerts?: AlertName[];
    /**
     * Only these alerts are inhibited (default: every alert of the target severity).
     *
     * @minItems 1
     */
    targetAlerts?: AlertName[];
  }[];
  /**
   * The SMTP relay email contact points send through (Alertmanager's global smtp_* settings; Grafana's [smtp] section must name the same relay). Required when an email contact point exists.
   */
  smtp?: {
    /**
     * host:port of the SMTP relay.
     */
    smarthost: string;
    /**
     * Sender address.
     */
    from: string;
    /**
     * SMTP AUTH user name, when the relay needs authentication.
     */
    username?: string;
    password?: SecretRef1;
    /**
     * Require STARTTLS. Defaults to true.
     */
    requireTls?: boolean;
  };
}
/**
 * Slack webhook URL, PagerDuty routing key, or the Bearer token a webhook sends.
 */
export interface SecretRef {
  /**
   * Environment variable holding the secret.
   */
  env?: string;
  /**
   * Absolute path of a mounted file holding the secret: Alertmanager's *_file field names it, Grafana reads it with $__file{path}.
   */
  file?: string;
}
/**
 * Where alerts of one severity go.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "route".
 */
export interface Route {
  /**
   * Contact point names.
   *
   * @minItems 1
   */
  contactPoints: string[];
  /**
   * A Prometheus duration such as 30s, 5m, 1h30m or 30d.
   */
  groupWait?: string;
  /**
   * A Prometheus duration such as 30s, 5m, 1h30m or 30d.
   */
  groupInterval?: string;
  /**
   * A Prometheus duration such as 30s, 5m, 1h30m or 30d.
   */
  repeatInterval?: string;
}
/**
 * SMTP AUTH password: Alertmanager reads it from the mounted secret file, Grafana from its environment.
 */
export interface SecretRef1 {
  /**
   * Environment variable holding the secret.
   */
  env?: string;
  /**
   * Absolute path of a mounted file holding the secret: Alertmanager's *_file field names it, Grafana reads it with $__file{path}.
   */
  file?: string;
}
/**
 * Loki log sources and error patterns.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "logs".
 */
export interface Logs {
  /**
   * Log sources keyed by name.
   */
  sources?: {
    [k: string]: LogSource;
  };
  /**
   * Error patterns keyed by name.
   */
  patterns?: {
    [k: string]: LogPattern;
  };
}
/**
 * A Loki log stream of the service.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "logSource".
 */
export interface LogSource {
  /**
   * LogQL stream selector.
   */
  selector: string;
  /**
   * What is logged there.
   */
  description: string;
  /**
   * LogQL pipeline that keeps error lines, e.g. | json | level="error".
   */
  errorFilter?: string;
}
/**
 * An error pattern to detect in the logs.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "logPattern".
 */
export interface LogPattern {
  /**
   * Log source name.
   */
  source: string;
  /**
   * What the pattern indicates.
   */
  description: string;
  /**
   * RE2 regular expression a matching line contains.
   */
  match: string;
}
/**
 * A parameterised shape. ${param} in the body's strings is replaced; a string that is exactly ${param} takes the parameter's value and type.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "template".
 */
export interface Template {
  /**
   * What the template produces.
   */
  kind: 'alert' | 'panel' | 'recordingRule';
  /**
   * What the template is for.
   */
  description: string;
  /**
   * Parameters keyed by name.
   */
  params?: {
    [k: string]: TemplateParam;
  };
  /**
   * The produced object, validated as that kind after expansion.
   */
  body: {};
}
/**
 * A template parameter.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "templateParam".
 */
export interface TemplateParam {
  /**
   * What the parameter sets.
   */
  description: string;
  /**
   * Expected type. Defaults to string.
   */
  type?: 'string' | 'number' | 'boolean';
  /**
   * Value used when the instance omits it.
   */
  default?: {
    [k: string]: unknown;
  };
}
/**
 * A deployment environment.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "environment".
 */
export interface Environment {
  /**
   * What the environment is.
   */
  description: string;
  /**
   * The environment built when none is named.
   */
  default?: boolean;
  /**
   * Changes to the base spec: objects merge, scalars and arrays replace, null deletes. The result is validated again.
   */
  overlay?: {
    /**
     * Service overrides.
     */
    service?: {} | null;
    /**
     * Metric overrides.
     */
    metrics?: {} | null;
    /**
     * Threshold overrides.
     */
    thresholds?: {} | null;
    /**
     * Recording rule overrides.
     */
    recordingRules?: {} | null;
    /**
     * Alert overrides.
     */
    alerts?: {} | null;
    /**
     * SLO overrides.
     */
    slos?: {} | null;
    /**
     * Dashboard overrides.
     */
    dashboards?: {} | null;
    /**
     * Runbook overrides.
     */
    runbooks?: {} | null;
    /**
     * Notification overrides.
     */
    notifications?: {} | null;
    /**
     * Log overrides.
     */
    logs?: {} | null;
    /**
     * Template overrides.
     */
    templates?: {} | null;
  };
  /**
   * Deploy targets of this environment by name, for monspec plan/apply --target NAME.
   */
  targets?: {
    [k: string]: DeployTarget;
  };
}
/**
 * Where monspec plan/apply --target NAME deploys this environment. Credentials are only ever names of environment variables, never values.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "deployTarget".
 */
export interface DeployTarget {
  /**
   * A Grafana (dashboards and Grafana alerting).
   */
  grafana?: {
    /**
     * Base URL, http or https, without credentials (they would be printed in messages).
     */
    url: string;
    /**
     * The organisation id, sent as X-Grafana-Org-Id (the token's organisation when absent).
     */
    org?: number;
    /**
     * The folder title in this Grafana (service.grafana.folder when absent).
     */
    folder?: string;
    /**
     * Environment variable holding the service account token (GRAFANA_TOKEN when absent).
     */
    tokenEnv?: string;
  };
  /**
   * A Mimir or Cortex ruler (the ruler API under /prometheus/config/v1/rules).
   */
  mimir?: {
    /**
     * Base URL, http or https, without credentials (they would be printed in messages).
     */
    url: string;
    /**
     * The tenant, sent as X-Scope-OrgID.
     */
    tenant?: string;
    /**
     * Environment variable holding a Bearer token (never the token itself).
     */
    tokenEnv?: string;
    /**
     * Environment variable holding the basic-auth user (with passwordEnv).
     */
    userEnv?: string;
    /**
     * Environment variable holding the basic-auth password (with userEnv).
     */
    passwordEnv?: string;
  };
  /**
   * A Loki ruler (the ruler API under /loki/api/v1/rules).
   */
  loki?: {
    /**
     * Base URL, http or https, without credentials (they would be printed in messages).
     */
    url: string;
    /**
     * The tenant, sent as X-Scope-OrgID.
     */
    tenant?: string;
    /**
     * Environment variable holding a Bearer token (never the token itself).
     */
    tokenEnv?: string;
    /**
     * Environment variable holding the basic-auth user (with passwordEnv).
     */
    userEnv?: string;
    /**
     * Environment variable holding the basic-auth password (with userEnv).
     */
    passwordEnv?: string;
  };
  /**
   * A Prometheus that loads rule files from a directory (rule_files) and reloads on POST /-/reload (--web.enable-lifecycle).
   */
  prometheus?: {
    /**
     * Base URL, http or https, without credentials (they would be printed in messages).
     */
    url: string;
    /**
     * The absolute directory its rule_files glob reads, spelled as in rule_files (Prometheus names loaded groups by that path). Each service's files are <service>.<file>.
     */
    rulesDir: string;
  };
  /**
   * An Alertmanager and the file it was started with (--config.file); it reloads on POST /-/reload.
   */
  alertmanager?: {
    /**
     * Base URL, http or https, without credentials (they would be printed in messages).
     */
    url: string;
    /**
     * The absolute path of its --config.file.
     */
    configFile: string;
  };
}
/**
 * One imported spec library.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "libraryImport".
 */
export interface LibraryImport {
  /**
   * A path relative to this file's directory (starting with ./ or ../, inside the repository, no symbolic links), or an npm package name resolved from this spec's directory through node_modules (its package.json names the spec folder in `monspec.spec`; only YAML is read from it).
   */
  from: string;
  /**
   * Values for the library's declared parameters, substituted for ${name} in its strings and keys.
   */
  params?: {};
}
/**
 * Marks the spec directory as a library (a spec fragment other specs import) and declares its parameters. Removed from the importing spec's result.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "library".
 */
export interface Library {
  /**
   * The library's name, for messages.
   */
  name: string;
  /**
   * What the library provides.
   */
  description: string;
  /**
   * Parameters keyed by name; ${name} in the library's strings and keys is replaced by the importing spec's value (a string that is exactly ${name} takes the typed value).
   */
  params?: {
    [k: string]: TemplateParam;
  };
}
/**
 * A map of string keys to string values.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "stringMap".
 */
export interface StringMap7 {
  [k: string]: string;
}
/**
 * A Grafana datasource.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "datasource".
 */
export interface Datasource2 {
  /**
   * Fixed datasource uid.
   */
  uid: string;
  /**
   * Datasource display name.
   */
  name?: string;
  /**
   * URL Grafana uses to reach the datasource.
   */
  url?: string;
  /**
   * Whether monspec provisions this datasource (default true). false: the dashboards and rules reference an existing datasource by uid and monspec writes no provisioning entry for it. Grafana's provisioner matches datasources by name, so a provisioned name must be monspec's own, never one an existing datasource uses (such as Prometheus).
   */
  provision?: boolean;
}
/**
 * A secret taken from the environment at deploy time; never written into generated files.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "secretRef".
 */
export interface SecretRef2 {
  /**
   * Environment variable holding the secret.
   */
  env?: string;
  /**
   * Absolute path of a mounted file holding the secret: Alertmanager's *_file field names it, Grafana reads it with $__file{path}.
   */
  file?: string;
}
/**
 * monspec.workspace.yaml: the services of a fleet, the libraries they share and the org-level settings `monspec build --workspace` merges their routing under. Point an editor at `monspec.schema.json#/$defs/workspace`.
 *
 * This interface was referenced by `MonspecDocument`'s JSON-Schema
 * via the `definition` "workspace".
 */
export interface Workspace {
  /**
   * The JSON Schema for editors; ignored by monspec.
   */
  $schema?: string;
  /**
   * Service spec folders relative to this file; `*` in a segment matches any folder name (services/*). Each folder is one service's spec.
   *
   * @minItems 1
   */
  services: string[];
  /**
   * npm packages of spec libraries the fleet shares: every service importing one must resolve it to the same version (one version per fleet).
   */
  libraries?: string[];
  /**
   * Environments to build; each service that declares environments must declare these, a service without any is built once and used in each. Defaults to [production].
   *
   * @minItems 1
   */
  environments?: Identifier[];
  /**
   * Org-level settings of the merged artifacts.
   */
  org: {
    /**
     * The organisation's name, for the fleet docs index.
     */
    name: string;
    /**
     * The root receiver: alerts no service route matches go here.
     */
    receiver: {
      /**
       * A snake_case or kebab-case name of at most 200 characters (names become file names).
       */
      name: string;
      /**
       * Where the root receiver sends mail.
       */
      email: string;
    };
    /**
     * The org's SMTP relay (Alertmanager's smtp_* globals); services' own relays are not used in the merged config.
     */
    smtp?: {
      /**
       * host:port.
       */
      smarthost: string;
      /**
       * Sender address.
       */
      from: string;
    };
    /**
     * Grafana org settings.
     */
    grafana?: {
      /**
       * Dashboard folder per team (team name → folder title); a team not listed keeps its services' own folders.
       */
      folders?: {
        [k: string]: string;
      };
    };
  };
  /**
   * Deploy targets of the fleet per environment, by name, for monspec plan/apply --workspace FILE --env ENV --target NAME: every service deploys to them (Grafana, Prometheus rule files, rulers) and the org's merged Alertmanager config goes to the Alertmanager. Credentials are only names of environment variables.
   */
  targets?: {
    /**
     * The targets of one environment, by name.
     */
    [k: string]: {
      [k: string]: DeployTarget;
    };
  };
}
