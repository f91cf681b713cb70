/** What plan and apply both start from: the compiled spec of one environment and the targets (Grafana, Prometheus, Alertmanager, rulers). */
import { hasErrors, type ResolvedModel } from '@monspec/metrics-spec';
import { stringOpt, type Io, type Parsed } from '../command.js';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { compileAt, locateSpec } from '../spec-source.js';
import { daemonTargetsFromEnv, type DaemonTargets } from './daemons.js';
import { GrafanaClient, targetFromEnv } from './grafana-client.js';
import { RulerClient, rulerTargetsFromEnv } from './ruler-client.js';

/** The model and client, or undefined after printing why the spec is invalid (exit 1). */
export function loadDeploy(args: Parsed, io: Io, command: string): { model: ResolvedModel; client: GrafanaClient | undefined; daemons: DaemonTargets; rulers: RulerClient[] } | undefined {
  // The targets first: a missing one is the cheaper mistake to report. Without GRAFANA_URL, only the
  // Prometheus/Alertmanager and ruler targets (when set) are planned; with none set, Grafana's error as before.
  const daemons = daemonTargetsFromEnv(io.env);
  const rulers = rulerTargetsFromEnv(io.env).map((t) => new RulerClient(t));
  const target = io.env.GRAFANA_URL || (!daemons.prometheus && !daemons.alertmanager && !rulers.length) ? targetFromEnv(io.env) : undefined;
  const spec = locateSpec(stringOpt(args, 'spec'), io);
  const result = compileAt(spec, stringOpt(args, 'env'));
  if (hasErrors(result.diagnostics) || !result.model) {
    io.err(formatDiagnostics('text', result.diagnostics.filter((d) => d.severity === 'error'), spec.displayDir, io.errStyle));
    io.err(`monspec ${command}: ${spec.displayDir} is not a valid spec; fix it first (monspec validate --spec ${spec.displayDir})`);
    return undefined;
  }
  return { model: result.model, client: target ? new GrafanaClient(target) : undefined, daemons, rulers };
}
