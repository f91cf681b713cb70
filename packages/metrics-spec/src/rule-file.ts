/**
 * The rule-file format the Prometheus, Loki and future ruler outputs write, as types, so each output
 * builds the same objects instead of ad-hoc records. Field names and order are the files' own
 * (serialised as built):
 * - rule groups and rules: https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/#rule_group
 *   and https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/ — the Loki ruler
 *   reads the same shape with LogQL expressions (https://grafana.com/docs/loki/latest/alert/#rules-format);
 * - promtool unit tests: https://prometheus.io/docs/prometheus/latest/configuration/unit_testing_rules/
 */

type Labels = Readonly<Record<string, string>>;

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Labels;
}

export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  /** A Prometheus duration; absent means the alert fires at the first evaluation. */
  readonly for?: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
}

export type Rule = RecordingRule | AlertingRule;

export interface RuleGroup {
  readonly name: string;
  /** A Prometheus duration; absent means the ruler's global evaluation interval. */
  readonly interval?: string;
  readonly rules: readonly Rule[];
}

export interface RuleFile {
  readonly groups: readonly RuleGroup[];
}

export interface PromtoolInputSeries {
  readonly series: string;
  /** promtool's expanding notation, e.g. `0+1x10`. */
  readonly values: string;
}

export interface PromtoolExpectedAlert {
  readonly exp_labels: Labels;
  readonly exp_annotations: Labels;
}

export interface PromtoolAlertTest {
  readonly eval_time: string;
  readonly alertname: string;
  readonly exp_alerts: readonly PromtoolExpectedAlert[];
}

export interface PromtoolTestGroup {
  readonly name?: string;
  readonly interval: string;
  readonly input_series: readonly PromtoolInputSeries[];
  readonly alert_rule_test: readonly PromtoolAlertTest[];
}

export interface PromtoolTestFile {
  readonly rule_files: readonly string[];
  readonly evaluation_interval?: string;
  readonly group_eval_order?: readonly string[];
  readonly tests: readonly PromtoolTestGroup[];
}
