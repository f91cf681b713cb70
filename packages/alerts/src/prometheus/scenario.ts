/** A promtool test group before serialisation: input series and, per eval time, the alerts that fire. */
import type { AlertTestCase } from '@monspec/metrics-spec';
import type { LinkedAlert } from '../links.js';

export interface FiringAlert {
  readonly alert: LinkedAlert;
  /** Labels the alert's series carries (besides the rule's labels). */
  readonly labels: Readonly<Record<string, string>>;
}

export interface Scenario {
  readonly name: string;
  readonly interval: string;
  readonly series: readonly { readonly series: string; readonly values: string }[];
  readonly alertname: string;
  readonly evals: readonly { readonly at: string; readonly firing: readonly FiringAlert[] }[];
}

/** The spec's test case of one alert, expectations grouped by eval time in declaration order. */
export function specScenario(linked: LinkedAlert, test: AlertTestCase): Scenario {
  const evals: Array<{ at: string; firing: FiringAlert[] }> = [];
  for (const e of test.expect) {
    let slot = evals.find((x) => x.at === e.at);
    if (!slot) {
      slot = { at: e.at, firing: [] };
      evals.push(slot);
    }
    if (e.firing) slot.firing.push({ alert: linked, labels: e.labels });
  }
  return { name: `${linked.alert.name}: ${test.name}`, interval: test.interval, series: test.series, alertname: linked.alert.name, evals };
}
