/** What plan and apply both start from: the compiled spec of one environment and the targets (Grafana, Prometheus, Alertmanager, rulers). */
import { hasErrors, type ResolvedDeployTarget, type ResolvedModel } from '@monspec/metrics-spec';
import { stringOpt, type Io, type Parsed } from '../command.js';
import { UsageError } from '../errors.js';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { compileAt, locateSpec } from '../spec-source.js';
import { daemonTargetsFromEnv, daemonTargetsFromSpec, type DaemonTargets } from './daemons.js';
import { GrafanaClient, grafanaTargetFromSpec, targetFromEnv } from './grafana-client.js';
import { RulerClient, rulerTargetFromSpec, rulerTargetsFromEnv } from './ruler-client.js';

export interface Deploy {
  readonly model: ResolvedModel;
  readonly client: GrafanaClient | undefined;
  readonly daemons: DaemonTargets;
  readonly rulers: RulerClient[];
}

/** The targets `--target NAME` names in the built environment; only what it declares is planned. */
function declaredTargets(model: ResolvedModel, name: string, env: NodeJS.ProcessEnv): Omit<Deploy, 'model'> {
  const declared = model.targets?.[name];
  const where = `environments.${model.environment}.targets.${name}`;
  if (!declared) {
    const names = Object.keys(model.targets ?? {});
    throw new UsageError(`Unexpected target "${name}", expected one declared under environments.${model.environment}.targets: ${names.length ? names.join(', ') : '(none declared)'}`);
  }
  return clientsOf(declared, where, env);
}

/** The clients of a declared target (`where`: its place in the spec or workspace file, for messages). */
export function clientsOf(declared: ResolvedDeployTarget, where: string, env: NodeJS.ProcessEnv): Omit<Deploy, 'model'> {
  const rulers = [
    ...(declared.mimir ? [new RulerClient(rulerTargetFromSpec('Mimir', declared.mimir, env, `${where}.mimir`))] : []),
    ...(declared.loki ? [new RulerClient(rulerTargetFromSpec('Loki', declared.loki, env, `${where}.loki`))] : []),
  ];
  return { client: declared.grafana ? new GrafanaClient(grafanaTargetFromSpec(declared.grafana, env, `${where}.grafana`)) : undefined, daemons: daemonTargetsFromSpec(declared, where), rulers };
}

/** The model and targets, or undefined after printing why the spec is invalid (exit 1). */
export function loadDeploy(args: Parsed, io: Io, command: string): Deploy | undefined {
  const targetName = stringOpt(args, 'target');
  let fromEnv: Omit<Deploy, 'model'> | undefined;
  if (targetName === undefined) {
    // The targets first: a missing one is the cheaper mistake to report. Without GRAFANA_URL, only the
    // Prometheus/Alertmanager and ruler targets (when set) are planned; with none set, Grafana's error as before.
    const daemons = daemonTargetsFromEnv(io.env);
    const rulers = rulerTargetsFromEnv(io.env).map((t) => new RulerClient(t));
    const target = io.env.GRAFANA_URL || (!daemons.prometheus && !daemons.alertmanager && !rulers.length) ? targetFromEnv(io.env) : undefined;
    fromEnv = { client: target ? new GrafanaClient(target) : undefined, daemons, rulers };
  }
  const spec = locateSpec(stringOpt(args, 'spec'), io);
  const result = compileAt(spec, stringOpt(args, 'env'));
  if (hasErrors(result.diagnostics) || !result.model) {
    io.err(formatDiagnostics('text', result.diagnostics.filter((d) => d.severity === 'error'), spec.displayDir, io.errStyle));
    io.err(`monspec ${command}: ${spec.displayDir} is not a valid spec; fix it first (monspec validate --spec ${spec.displayDir})`);
    return undefined;
  }
  return { model: result.model, ...(fromEnv ?? declaredTargets(result.model, targetName ?? '', io.env)) };
}
