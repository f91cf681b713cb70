/**
 * One service's deploy, shared by `monspec plan/apply --spec` and `--workspace` (which runs it for
 * each service): the Grafana, Prometheus/Alertmanager and ruler plans, their text, and apply with
 * its re-plan. Printing goes through `io`; the caller decides about confirmation and exit codes.
 */
import type { ResolvedModel } from '@monspec/metrics-spec';
import type { Io } from '../command.js';
import { applyPlan } from './apply.js';
import type { DaemonTargets } from './daemons.js';
import type { GrafanaClient } from './grafana-client.js';
import { APPLY_MESSAGE, changeCount, makePlan, type Plan } from './plan.js';
import { planText, summary } from './render.js';
import type { RulerClient } from './ruler-client.js';
import { applyRulerPlan } from './ruler-apply.js';
import { makeRulerPlan, rulerChangeCount, rulerPlanText, type RulerPlan } from './ruler-plan.js';
import { applyDaemonPlan } from './rules-apply.js';
import { daemonChangeCount, daemonPlanText, makeDaemonPlan, type DaemonPlan } from './rules-plan.js';

export interface ServiceTargets {
  readonly client: GrafanaClient | undefined;
  readonly daemons: DaemonTargets;
  readonly rulers: readonly RulerClient[];
}

export interface ServicePlans {
  readonly grafana: Plan | undefined;
  readonly daemons: DaemonPlan | undefined;
  readonly rulers: RulerPlan | undefined;
}

export interface DeployOptions {
  readonly prune: boolean;
  readonly adopt: boolean;
  readonly env: NodeJS.ProcessEnv;
}

const hasDaemons = (t: DaemonTargets) => t.prometheus !== undefined || t.alertmanager !== undefined;

export async function planService(model: ResolvedModel, targets: ServiceTargets, options: DeployOptions): Promise<ServicePlans> {
  return {
    grafana: targets.client ? await makePlan(model, targets.client, { prune: options.prune, env: options.env }) : undefined,
    daemons: hasDaemons(targets.daemons) ? await makeDaemonPlan(model, targets.daemons, { adopt: options.adopt }) : undefined,
    rulers: targets.rulers.length ? await makeRulerPlan(model, targets.rulers, { prune: options.prune }) : undefined,
  };
}

export function serviceChangeCount(plans: ServicePlans): number {
  return (plans.grafana ? changeCount(plans.grafana) : 0) + (plans.daemons ? daemonChangeCount(plans.daemons) : 0) + (plans.rulers ? rulerChangeCount(plans.rulers) : 0);
}

/** The plan as text, one block per target kind. */
export function servicePlanText(plans: ServicePlans, targets: ServiceTargets): string[] {
  return [
    ...(plans.grafana ? [planText(plans.grafana)] : []),
    ...(plans.daemons ? [daemonPlanText(plans.daemons, targets.daemons)] : []),
    ...(plans.rulers ? [rulerPlanText(plans.rulers, targets.rulers)] : []),
  ];
}

/** Where apply writes, for the confirmation question. */
export function targetUrls(targets: ServiceTargets): string[] {
  return [targets.client?.target.url, targets.daemons.prometheus?.url, targets.daemons.alertmanager?.url, ...targets.rulers.map((r) => r.target.url)].filter((u): u is string => Boolean(u));
}

/**
 * Applies the plans, then re-plans from what the targets now hold. `failed`: items that could not be
 * written (reported); `after`: changes the re-plan still finds.
 */
export async function applyService(model: ResolvedModel, targets: ServiceTargets, plans: ServicePlans, options: DeployOptions, io: Io): Promise<{ failed: number; after: number }> {
  let failed = 0;
  let after = 0;
  if (plans.grafana && targets.client && changeCount(plans.grafana) > 0) {
    const result = await applyPlan(plans.grafana, model, targets.client, `${APPLY_MESSAGE} (${model.service.name}, ${model.environment})`, options.env);
    io.out(['', 'Applied:', ...result.done.map((l) => `  ${l}`)].join('\n'));
    for (const f of result.failed) io.err(`monspec apply: ${f}`);
    failed = result.failed.length;
  }
  if (plans.daemons && daemonChangeCount(plans.daemons) > 0) {
    const done = await applyDaemonPlan(plans.daemons, targets.daemons);
    io.out(['', 'Applied to Prometheus/Alertmanager:', ...done.map((l) => `  ${l}`)].join('\n'));
  }
  if (plans.rulers && rulerChangeCount(plans.rulers) > 0) {
    const result = await applyRulerPlan(plans.rulers, targets.rulers);
    io.out(['', 'Applied to the rulers:', ...result.done.map((l) => `  ${l}`)].join('\n'));
    for (const f of result.failed) io.err(`monspec apply: ${f}`);
    failed += result.failed.length;
  }
  // Re-plan: what the targets hold now against the spec; a clean apply leaves nothing to do.
  const again = await planService(model, targets, options);
  if (again.grafana) {
    io.out(`Re-plan: ${summary(again.grafana)}`);
    after += changeCount(again.grafana);
  }
  if (again.daemons) {
    after += daemonChangeCount(again.daemons);
    io.out(`Re-plan: ${daemonChangeCount(again.daemons) === 0 ? 'no changes to rule files or Alertmanager config.' : daemonPlanText(again.daemons, targets.daemons)}`);
  }
  if (again.rulers) {
    after += rulerChangeCount(again.rulers);
    io.out(`Re-plan: ${rulerChangeCount(again.rulers) === 0 ? 'no changes to the rulers.' : rulerPlanText(again.rulers, targets.rulers)}`);
  }
  return { failed, after };
}
