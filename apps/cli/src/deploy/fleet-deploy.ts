/**
 * `monspec plan|apply --workspace [FILE] --env ENV --target NAME`: a fleet deployed to the targets the
 * workspace declares (`targets.<env>.<name>`). The fleet is built in memory exactly as `build
 * --workspace` builds it (same checks: a fleet that does not build is not deployed). Then every
 * service goes to the target's Grafana (its dashboards, contact points, policy route and rule groups,
 * in its team's org folder), its Prometheus (the service's own rule files) and its rulers (one
 * namespace per service). The one Alertmanager gets the org's merged config, never a service's.
 */
import { resolveDeployTargets, type ResolvedModel } from '@monspec/metrics-spec';
import { stringOpt, type Io, type Parsed } from '../command.js';
import { EXIT, UsageError, type ExitCode } from '../errors.js';
import { planFleet } from '../fleet/build-fleet.js';
import { teamFolder } from '../fleet/org-grafana.js';
import { compileForFleet } from '../fleet/build-service.js';
import { readSpec } from '../spec-source.js';
import { GrafanaClient } from './grafana-client.js';
import { clientsOf } from './load.js';
import { applyDaemonPlan } from './rules-apply.js';
import { daemonChangeCount, daemonPlanText, planDaemonFiles, type DaemonPlan, type Deployer } from './rules-plan.js';
import { applyService, planService, serviceChangeCount, servicePlanText, targetUrls, type DeployOptions, type ServicePlans, type ServiceTargets } from './service-deploy.js';
import type { DaemonTargets } from './daemons.js';

interface ServiceDeploy {
  readonly model: ResolvedModel;
  readonly targets: ServiceTargets;
  readonly plans: ServicePlans;
}

export interface FleetDeploy {
  readonly environment: string;
  readonly services: readonly ServiceDeploy[];
  /** The org's Alertmanager config, when the target has an Alertmanager. */
  readonly org: { readonly daemons: DaemonTargets; readonly deployer: Deployer; readonly plan: DaemonPlan } | undefined;
}

const changes = (d: FleetDeploy) => d.services.reduce((n, s) => n + serviceChangeCount(s.plans), 0) + (d.org ? daemonChangeCount(d.org.plan) : 0);

/** Builds the fleet and plans every service and the org's Alertmanager config; undefined when the fleet does not build (reported). */
async function planFleetDeploy(args: Parsed, io: Io, options: DeployOptions): Promise<FleetDeploy | undefined> {
  if (stringOpt(args, 'spec') !== undefined) throw new UsageError('Unexpected --spec with --workspace, expected one of them (the workspace file lists the service specs)');
  const targetName = stringOpt(args, 'target');
  if (targetName === undefined) throw new UsageError('Unexpected --workspace without --target, expected --target NAME naming one of the targets the workspace file declares under targets.<env>');
  // Every service generated again (nothing reused from a folder), in this process, as build --workspace --rebuild --jobs 1.
  const fleet = await planFleet({ file: args.positionals[0], out: '.', quiet: true, jobs: 1, check: false, only: undefined, mergeFrom: undefined, rebuild: true }, io);
  if (!fleet) return undefined;
  const { workspace } = fleet;
  const environment = stringOpt(args, 'env') ?? (fleet.environments[0] as string);
  if (!fleet.environments.includes(environment)) throw new UsageError(`Unexpected environment "${environment}", expected one of the workspace's environments (${fleet.environments.join(', ')}) in ${workspace.displayFile}`);
  const declared = workspace.workspace.targets?.[environment]?.[targetName];
  const where = `targets.${environment}.${targetName}`;
  if (!declared) {
    const names = Object.keys(workspace.workspace.targets?.[environment] ?? {});
    throw new UsageError(`Unexpected target "${targetName}", expected one declared under targets.${environment} in ${workspace.displayFile}: ${names.length ? names.join(', ') : '(none declared)'}`);
  }
  const resolved = resolveDeployTargets({ [targetName]: declared })[targetName];
  if (!resolved) throw new Error(`the target ${where} did not resolve`);
  const clients = clientsOf(resolved, where, options.env);
  const org = workspace.workspace.org;
  const services: ServiceDeploy[] = [];
  for (const dir of workspace.serviceDirs) {
    const { model } = compileForFleet(readSpec({ dir, displayDir: dir }), environment);
    // The fleet built, so each of its specs compiles.
    if (!model) throw new Error(`${dir} did not compile for ${environment}`);
    // Each service in its team's folder of the org, as the org's dashboard providers put it (org-grafana.ts), unless the target names one.
    const folder = teamFolder(org, model.service.team);
    const client = clients.client && folder !== undefined && clients.client.target.folder === undefined ? new GrafanaClient({ ...clients.client.target, folder }) : clients.client;
    const targets: ServiceTargets = { client, daemons: clients.daemons.prometheus ? { prometheus: clients.daemons.prometheus } : {}, rulers: clients.rulers };
    services.push({ model, targets, plans: await planService(model, targets, options) });
  }
  let orgPlan: FleetDeploy['org'];
  const am = clients.daemons.alertmanager;
  if (am) {
    // The org's config exactly as build --workspace writes it (found by role, never by path).
    const file = fleet.org.get(environment)?.find((a) => a.role === 'alertmanager-config');
    if (!file) throw new Error('the org Alertmanager config was not generated');
    const daemons: DaemonTargets = { alertmanager: am };
    const deployer: Deployer = { kind: 'workspace', name: org.name, environment, services: services.map((s) => s.model.service.name) };
    const plan = await planDaemonFiles([{ engine: 'alertmanager', target: am.configFile, artifactPath: file.path, content: file.content }], [], daemons, deployer, { adopt: options.adopt });
    orgPlan = { daemons, deployer, plan };
  }
  return { environment, services, org: orgPlan };
}

function printPlan(d: FleetDeploy, io: Io): void {
  for (const s of d.services) {
    io.out(`── ${s.model.service.name} (${d.environment}) ──`);
    for (const text of servicePlanText(s.plans, s.targets)) io.out(text);
  }
  if (d.org) {
    io.out(`── org (${d.environment}) ──`);
    io.out(daemonPlanText(d.org.plan, d.org.daemons));
  }
  const n = changes(d);
  io.out(n === 0 ? `No changes in ${d.services.length} service(s) and the org files.` : `${n} change(s) in ${d.services.length} service(s) and the org files.`);
}

export async function fleetPlan(args: Parsed, io: Io, options: DeployOptions): Promise<ExitCode> {
  const d = await planFleetDeploy(args, io, options);
  if (!d) return EXIT.findings;
  printPlan(d, io);
  return changes(d) === 0 ? EXIT.ok : EXIT.findings;
}

export async function fleetApply(args: Parsed, io: Io, options: DeployOptions, confirmed: (changes: number, where: readonly string[]) => Promise<boolean>): Promise<ExitCode> {
  const d = await planFleetDeploy(args, io, options);
  if (!d) return EXIT.findings;
  printPlan(d, io);
  const n = changes(d);
  if (n === 0) return EXIT.ok;
  const where = [...new Set([...d.services.flatMap((s) => targetUrls(s.targets)), ...(d.org?.daemons.alertmanager ? [d.org.daemons.alertmanager.url] : [])])];
  if (!(await confirmed(n, where))) return EXIT.findings;
  // The org's Alertmanager config first: it holds every service's receivers, so a service's alerts never reach a config without its route.
  let after = 0;
  if (d.org && daemonChangeCount(d.org.plan) > 0) {
    const done = await applyDaemonPlan(d.org.plan, d.org.daemons);
    io.out(['', `Applied the org's Alertmanager config:`, ...done.map((l) => `  ${l}`)].join('\n'));
  }
  let failed = 0;
  for (const s of d.services) {
    if (serviceChangeCount(s.plans) === 0) continue;
    io.out(`── ${s.model.service.name} (${d.environment}) ──`);
    const r = await applyService(s.model, s.targets, s.plans, options, io);
    failed += r.failed;
    after += r.after;
  }
  if (d.org) {
    const again = await planDaemonFiles(d.org.plan.items.map((i) => i.file), [], d.org.daemons, d.org.deployer, { adopt: options.adopt });
    after += daemonChangeCount(again);
    io.out(`Re-plan: ${daemonChangeCount(again) === 0 ? "no changes to the org's Alertmanager config." : daemonPlanText(again, d.org.daemons)}`);
  }
  if (failed > 0) {
    io.err(`monspec apply: ${failed} item(s) failed; run monspec apply --workspace again once fixed (it re-plans from what the targets hold)`);
    return EXIT.usage;
  }
  return after === 0 ? EXIT.ok : EXIT.findings;
}
