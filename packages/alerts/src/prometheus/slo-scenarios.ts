/**
 * promtool scenarios generated from an SLO's burn-rate branches (as data), for SLO alerts the spec
 * gives no tests. Each branch is its own rule (long and short window, burn rate, `for`), and the
 * scenarios are built so that a single-window or single-`for` rule cannot pass them:
 * - a constant error ratio just below every threshold fires nothing;
 * - per branch, a sustained ratio just above its threshold but below every higher threshold: the
 *   branch fires once its own `for` has elapsed (not before), branches with a higher threshold stay
 *   quiet (e.g. ~7 % for a 99 % SLO: the 14.4x page branch is quiet, the 6x page branch fires);
 * - per branch, a ratio just below its threshold does not fire it;
 * - per branch, recovered: errors high long enough to fire it, then none; once the short window has
 *   no errors left while the long window is still above the threshold, the branch must not fire.
 * Which rules fire at each eval time is computed with the small PromQL evaluator over the scenario's
 * series (each rule's condition at every evaluation step of its `for`), so the expectation of every
 * other branch is exact too; promtool stays the judge. Needs SLIs of the shape
 * `sum(rate(metric{a="b"}[$window]))`; other SLIs get no generated scenarios (declare tests instead).
 */
import { formatDuration, parseDuration, promNumber, quoteLabelValue, simpleSli, type ResolvedModel, type ResolvedSlo, type SimpleSli } from '@monspec/metrics-spec';
import type { LinkedAlert } from '../links.js';
import type { PromqlEvaluator } from '../eval/promql-eval.js';
import { evaluatorFor } from './expected-alert.js';
import type { FiringAlert, Scenario } from './scenario.js';

/** Requests per minute in the generated series. */
const PER_MINUTE = 6000;
const MINUTE = 60;

/** A stretch of the scenario: `minutes` minutes at a constant error ratio. */
interface Phase {
  readonly minutes: number;
  readonly ratio: number;
}

function selector(model: ResolvedModel, sli: SimpleSli): string {
  const labels: Record<string, string> = { job: model.service.job, instance: 'slo-test-0', ...sli.labels };
  return `${sli.metric}{${Object.entries(labels)
    .map(([k, v]) => `${k}=${quoteLabelValue(v)}`)
    .join(', ')}}`;
}

/** promtool values of a counter growing by `perMinute(phase)` each minute, phase after phase: `0 a+axN b+cxM`. */
function counterValues(phases: readonly Phase[], perMinute: (p: Phase) => number): string {
  const parts = ['0'];
  let value = 0;
  for (const p of phases) {
    const inc = Number(promNumber(perMinute(p)));
    if (p.minutes <= 0) continue;
    parts.push(`${promNumber(value + inc)}+${promNumber(inc)}x${p.minutes - 1}`);
    value = Number(promNumber(value + inc * p.minutes));
  }
  return parts.join(' ');
}

function threshold(rule: LinkedAlert): number {
  return rule.alert.slo?.windows[0]?.errorRatioThreshold ?? Number.NaN;
}

function branchOf(rule: LinkedAlert): string {
  const w = rule.alert.slo?.windows[0];
  return w ? `${rule.alert.severity} ${w.burnRate}x ${w.longWindow}/${w.shortWindow}` : rule.alert.severity;
}

/**
 * Whether each rule's condition returns a sample at `t`, remembered per rule and step: the `for` of
 * consecutive eval times, and the branches of one scenario, ask for the same steps again and again.
 */
function conditionCache(ev: PromqlEvaluator): (rule: LinkedAlert, t: number) => boolean {
  const held = new Map<string, boolean>();
  return (rule, t) => {
    const key = `${rule.alert.id}@${t}`;
    let value = held.get(key);
    if (value === undefined) {
      value = ev.vector(rule.alert.query, t).length > 0;
      held.set(key, value);
    }
    return value;
  };
}

/**
 * Prometheus' `for`: the alert fires at `t` when its condition held at every evaluation since one at
 * or before `t - for` (the alert went active then and never reset).
 */
function firingAt(holds: (rule: LinkedAlert, t: number) => boolean, rule: LinkedAlert, t: number, step: number): boolean {
  const start = Math.floor((t - rule.alert.forSeconds) / step) * step;
  if (start < 0) return false;
  for (let at = start; at <= t; at += step) if (!holds(rule, at)) return false;
  return true;
}

export function sloScenarios(model: ResolvedModel, slo: ResolvedSlo, rules: readonly LinkedAlert[]): Scenario[] {
  if (rules.length === 0 || rules.some((r) => r.alert.tests.length > 0)) return [];
  const errors = simpleSli(slo.sli.errors);
  const total = simpleSli(slo.sli.total);
  if (!errors || !total) return [];
  const branches = rules.filter((r) => Number.isFinite(threshold(r)));
  if (branches.length === 0) return [];
  const alertname = branches[0]?.alert.name ?? slo.alertName;
  const step = parseDuration(model.service.alerting.evaluationInterval);
  const maxFor = Math.max(...branches.map((r) => r.alert.forSeconds));

  const build = (name: string, phases: readonly Phase[], times: readonly number[]): { scenario: Scenario; firing: (t: number) => LinkedAlert[] } => {
    const end = Math.max(...times);
    const minutes = phases.reduce((n, p) => n + p.minutes, 0);
    // Whole samples at a 1m interval, covering `end`; the last phase is extended to reach it.
    const needed = Math.ceil(end / MINUTE) + 1;
    const last = phases[phases.length - 1] as Phase;
    const all = minutes < needed ? [...phases.slice(0, -1), { ...last, minutes: last.minutes + needed - minutes }] : phases;
    const draft: Scenario = {
      name: `${alertname}: ${name}`,
      interval: '1m',
      series: [
        { series: selector(model, total), values: counterValues(all, () => PER_MINUTE) },
        { series: selector(model, errors), values: counterValues(all, (p) => PER_MINUTE * p.ratio) },
      ],
      alertname,
      evals: [],
    };
    const holds = conditionCache(evaluatorFor(model, draft));
    const firing = (t: number) => branches.filter((r) => firingAt(holds, r, t, step));
    const evals = [...new Set(times)]
      .sort((a, b) => a - b)
      .map((t) => ({ at: formatDuration(t), firing: firing(t).map((r): FiringAlert => ({ alert: r, labels: {} })) }));
    return { scenario: { ...draft, evals }, firing };
  };

  const pct = (r: number) => `${promNumber(r * 100)}%`;
  const out: Scenario[] = [];
  const thresholds = branches.map(threshold);
  const lowest = Math.min(...thresholds);
  const quiet = Number(promNumber(lowest * 0.9));
  out.push(build(`error ratio ${pct(quiet)}, just below every burn-rate threshold, fires nothing`, [{ minutes: 1, ratio: quiet }], [maxFor + 2 * MINUTE]).scenario);

  for (const rule of branches) {
    const th = threshold(rule);
    const higher = thresholds.filter((x) => x > th);
    const ceiling = higher.length ? Math.min(...higher) : 1;
    const above = Number(promNumber(Math.min(th * 1.1, (th + ceiling) / 2)));
    const quietAbove = branches.filter((r) => threshold(r) >= above).map(branchOf);
    // Not before its `for`, then firing; what every other branch does at those times is computed.
    const times = [rule.alert.forSeconds, rule.alert.forSeconds + 2 * MINUTE];
    out.push(
      build(
        `error ratio ${pct(above)} sustained fires ${branchOf(rule)} after its ${rule.alert.for}${quietAbove.length ? `; ${quietAbove.join(', ')} stay quiet` : ''}`,
        [{ minutes: 1, ratio: above }],
        times,
      ).scenario,
    );
    const below = Number(promNumber(th * 0.9));
    out.push(build(`error ratio ${pct(below)}, just below the ${branchOf(rule)} threshold, does not fire it`, [{ minutes: 1, ratio: below }], [rule.alert.forSeconds + 2 * MINUTE]).scenario);
  }

  for (const rule of branches) {
    const w = rule.alert.slo?.windows[0];
    if (!w) continue;
    const th = threshold(rule);
    // High from the start, so both windows exceed the threshold at once and the branch fires after
    // its `for`; high enough that the long window, diluted by the clear minutes, stays at twice it.
    const short = parseDuration(w.shortWindow);
    const highMinutes = Math.ceil(rule.alert.forSeconds / MINUTE) + 5;
    const before = highMinutes * MINUTE;
    const after = before + short + 2 * MINUTE;
    const high = Math.min(1, Math.ceil((2000 * th * after) / before) / 1000);
    const built = build(
      `recovered: ${pct(high)} errors for ${formatDuration(before)} then none; at ${formatDuration(after)} the ${w.longWindow} window is still above ${pct(th)}, the ${w.shortWindow} window is not: ${branchOf(rule)} fires before, not after`,
      [
        { minutes: highMinutes, ratio: high },
        { minutes: 1, ratio: 0 },
      ],
      [before, after],
    );
    // Only a scenario whose premise holds proves anything: the branch fired before the recovery, and
    // afterwards the long window alone is still above the threshold.
    const ev = evaluatorFor(model, built.scenario);
    const longAbove = ev.vector(`${slo.ratioRules[w.longWindow]} > ${promNumber(th)}`, after).length > 0;
    const shortAbove = ev.vector(`${slo.ratioRules[w.shortWindow]} > ${promNumber(th)}`, after).length > 0;
    if (built.firing(before).includes(rule) && longAbove && !shortAbove) out.push(built.scenario);
  }

  const seen = new Set<string>();
  return out.filter((s) => {
    const key = `${s.series.map((x) => x.values).join(' ')}|${s.evals.map((e) => e.at).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
