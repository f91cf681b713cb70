/**
 * One entry of promtool's `exp_alerts`: the exact labels (rule labels plus the series labels the
 * spec expects) and the exact annotations, rendered with the `$value` the alert's expression has at
 * the eval time (computed by the small evaluator over the test's input series).
 */
import { parseDuration, sortedRecord, type PromtoolExpectedAlert, type ResolvedModel } from '@monspec/metrics-spec';
import { PromqlEvaluator, type RecordedRule, type Sample } from '../eval/promql-eval.js';
import { renderAlertTemplate } from '../eval/go-template.js';
import { readSeries } from '../eval/series.js';
import type { FiringAlert, Scenario } from './scenario.js';

/** One expected alert of a promtool alert_rule_test. */
export type ExpAlert = PromtoolExpectedAlert;

/** Recording rules by name, once per model (every scenario's evaluator reads them). */
function recordedRules(model: ResolvedModel): ReadonlyMap<string, RecordedRule> {
  let rules = rulesByModel.get(model);
  if (!rules) {
    rules = new Map(model.recordingRules.map((r) => [r.name, { expr: r.expr, labels: r.labels }]));
    rulesByModel.set(model, rules);
  }
  return rules;
}

const rulesByModel = new WeakMap<ResolvedModel, ReadonlyMap<string, RecordedRule>>();

export function evaluatorFor(model: ResolvedModel, scenario: Scenario): PromqlEvaluator {
  return new PromqlEvaluator({
    series: readSeries(scenario.series, scenario.interval),
    rules: recordedRules(model),
    evaluationInterval: parseDuration(model.service.alerting.evaluationInterval),
  });
}

function pick(samples: readonly Sample[], labels: Readonly<Record<string, string>>): Sample | undefined {
  const candidates = samples.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Renders the rule's labels and annotations; when the value cannot be computed they stay unrendered, and promtool reports the difference. */
export function expectedAlert(evaluator: PromqlEvaluator, at: string, firing: FiringAlert, extraLabels: Readonly<Record<string, string>> = {}): ExpAlert {
  let sample: Sample | undefined;
  try {
    sample = pick(evaluator.vector(firing.alert.alert.query, parseDuration(at)), firing.labels);
  } catch {
    sample = undefined;
  }
  // Prometheus expands rule labels and annotations alike (https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/#templating).
  const render = (text: string): string => {
    try {
      return sample ? renderAlertTemplate(text, sample.value, sample.labels) : text;
    } catch {
      return text;
    }
  };
  // extraLabels: what the generator adds to every rule (the de-duplication labels of engine `both`).
  const ruleLabels = Object.fromEntries(Object.entries({ ...firing.alert.alert.labels, ...extraLabels }).map(([k, v]) => [k, render(v)]));
  const exp_labels = sortedRecord({ ...ruleLabels, ...firing.labels });
  const exp_annotations: Record<string, string> = {};
  for (const [key, text] of Object.entries(firing.alert.annotations)) exp_annotations[key] = render(text);
  return { exp_labels, exp_annotations };
}
