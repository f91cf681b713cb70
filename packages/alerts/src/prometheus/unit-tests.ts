/**
 * `prometheus/tests/alerts.test.yml`: promtool unit tests from the scenarios declared per alert in
 * the spec (and generated SLO burn-rate scenarios), run against both generated rule files.
 */
import type { Artifact, ArtifactDescriptor, PromtoolTestFile, PromtoolTestGroup, ResolvedModel } from '@monspec/metrics-spec';
import { dedupLabels } from '../deployment.js';
import { linkAlerts, type LinkedAlert } from '../links.js';
import { yamlFile } from '../yaml.js';
import { ALERT_RULES_PATH } from './alert-rules.js';
import { evaluatorFor, expectedAlert } from './expected-alert.js';
import { groupOrder } from './groups.js';
import { RECORDING_RULES_PATH } from './recording-rules.js';
import { specScenario, type Scenario } from './scenario.js';
import { sloScenarios } from './slo-scenarios.js';

export const UNIT_TESTS_PATH = 'prometheus/tests/alerts.test.yml';

/** Rule file paths as promtool resolves them: relative to the test file's directory. */
function ruleFilesFromTests(): string[] {
  return [RECORDING_RULES_PATH, ALERT_RULES_PATH].map((p) => `../${p.slice('prometheus/'.length)}`);
}

/** The scenarios of a model, once (the test file and its case count ask for the same ones). */
const scenariosOf = new WeakMap<ResolvedModel, Scenario[]>();

function scenarios(model: ResolvedModel, alerts: readonly LinkedAlert[]): Scenario[] {
  const known = scenariosOf.get(model);
  if (known) return known;
  const promAlerts = alerts.filter((l) => l.alert.datasource === 'prometheus');
  const out: Scenario[] = [];
  for (const linked of promAlerts) for (const test of linked.alert.tests) out.push(specScenario(linked, test));
  for (const slo of model.slos) out.push(...sloScenarios(model, slo, promAlerts.filter((l) => l.alert.slo?.name === slo.name)));
  scenariosOf.set(model, out);
  return out;
}

/** How many `alert_rule_test` cases the test file holds: declared and generated (what the guide states). */
export function promtoolTestCaseCount(model: ResolvedModel): number {
  return scenarios(model, linkAlerts(model)).reduce((n, s) => n + s.evals.length, 0);
}

function testGroup(model: ResolvedModel, s: Scenario): PromtoolTestGroup {
  const evaluator = evaluatorFor(model, s);
  return {
    name: s.name,
    interval: s.interval,
    input_series: s.series.map((x) => ({ series: x.series, values: x.values })),
    alert_rule_test: s.evals.map((e) => ({
      eval_time: e.at,
      alertname: s.alertname,
      exp_alerts: e.firing.map((f) => expectedAlert(evaluator, e.at, f, dedupLabels(model))),
    })),
  };
}

export function unitTestsDescriptor(): ArtifactDescriptor {
  return {
    path: UNIT_TESTS_PATH,
    title: 'promtool unit tests: `promtool test rules alerts.test.yml` from this directory (or `monspec test`).',
    role: 'promtool-tests',
    deployed: false,
    deploy: 'Deploy: no; CI runs it against ../rules/*.rules.yml.',
  };
}

export function unitTestsFile(model: ResolvedModel, alerts: readonly LinkedAlert[]): Artifact {
  const data: PromtoolTestFile = {
    rule_files: ruleFilesFromTests(),
    evaluation_interval: model.service.alerting.evaluationInterval,
    group_eval_order: groupOrder(model),
    tests: scenarios(model, alerts).map((s) => testGroup(model, s)),
  };
  return { ...unitTestsDescriptor(), content: yamlFile(data) };
}
