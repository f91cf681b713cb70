/**
 * promtool scenarios generated from an SLO's burn-rate windows (as data), for SLO alerts the spec
 * gives no tests: a constant error ratio just below every threshold fires nothing; for each
 * severity, a ratio just above its highest threshold fires it once its `for` has elapsed (and not
 * before), along with any other severity it also exceeds; a ratio just below the severity's lowest
 * threshold does not fire it. Needs SLIs of the shape `sum(rate(metric{a="b"}[$window]))`;
 * other SLIs get no generated scenarios (declare tests in the spec instead).
 */
import { formatDuration, promNumber, simpleSli, type ResolvedModel, type ResolvedSlo, type SimpleSli } from '@monspec/metrics-spec';
import type { LinkedAlert } from '../links.js';
import type { FiringAlert, Scenario } from './scenario.js';

/** Requests per minute in the generated series. */
const PER_MINUTE = 6000;
const MINUTE = 60;

function selector(model: ResolvedModel, sli: SimpleSli): string {
  const labels: Record<string, string> = { job: model.service.job, instance: 'slo-test-0', ...sli.labels };
  return `${sli.metric}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`;
}

function thresholds(rule: LinkedAlert): number[] {
  return (rule.alert.slo?.windows ?? []).map((w) => w.errorRatioThreshold);
}

/** Whether `rule` fires at `t` seconds for a constant error ratio: the condition holds from the first minute (two samples). */
function fires(rule: LinkedAlert, ratio: number, t: number): boolean {
  return thresholds(rule).some((th) => ratio > th) && t - MINUTE >= rule.alert.forSeconds;
}

export function sloScenarios(model: ResolvedModel, slo: ResolvedSlo, rules: readonly LinkedAlert[]): Scenario[] {
  if (rules.length === 0 || rules.some((r) => r.alert.tests.length > 0)) return [];
  const errors = simpleSli(slo.sli.errors);
  const total = simpleSli(slo.sli.total);
  if (!errors || !total) return [];
  const alertname = rules[0]?.alert.name ?? slo.alertName;
  const maxFor = Math.max(...rules.map((r) => r.alert.forSeconds));
  const allThresholds = rules.flatMap(thresholds);
  if (allThresholds.length === 0) return [];

  const scenario = (name: string, ratio: number, times: readonly number[]): Scenario => {
    const end = Math.max(...times);
    // Whole samples at a 1m interval, covering `end` even when a window's `for` is not whole minutes.
    const samples = Math.ceil(end / MINUTE) + 1;
    return {
      name: `${alertname}: ${name}`,
      interval: '1m',
      series: [
        { series: selector(model, total), values: `0+${PER_MINUTE}x${samples}` },
        { series: selector(model, errors), values: `0+${promNumber(PER_MINUTE * ratio)}x${samples}` },
      ],
      alertname,
      evals: [...new Set(times)]
        .sort((a, b) => a - b)
        .map((t) => ({
          at: formatDuration(t),
          firing: rules.filter((r) => fires(r, ratio, t)).map((r): FiringAlert => ({ alert: r, labels: {} })),
        })),
    };
  };
  const pct = (r: number) => `${promNumber(r * 100)}%`;
  const out: Scenario[] = [];
  const lowest = Math.min(...allThresholds);
  out.push(scenario(`error ratio ${pct(lowest * 0.9)}, just below every burn-rate threshold, fires nothing`, Number(promNumber(lowest * 0.9)), [maxFor + 2 * MINUTE]));
  for (const rule of rules) {
    const th = thresholds(rule);
    if (th.length === 0) continue;
    const above = Number(promNumber(Math.max(...th) * 1.1));
    const times = rules.filter((r) => fires(r, above, Number.MAX_SAFE_INTEGER)).flatMap((r) => [r.alert.forSeconds, r.alert.forSeconds + 2 * MINUTE]);
    out.push(scenario(`error ratio ${pct(above)}, just above every ${rule.alert.severity} threshold, fires ${rule.alert.severity} after ${rule.alert.for}`, above, times));
    const below = Number(promNumber(Math.min(...th) * 0.9));
    out.push(scenario(`error ratio ${pct(below)}, just below every ${rule.alert.severity} threshold, does not fire ${rule.alert.severity}`, below, [maxFor + 2 * MINUTE]));
  }
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = s.series.map((x) => x.values).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
