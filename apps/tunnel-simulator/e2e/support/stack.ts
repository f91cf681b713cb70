/**
 * The stack under test, all on 127.0.0.1 in one temp dir:
 * 1. the tunnel spec copied with e2e-environment.yaml added, built by `monspec build --env e2e`;
 * 2. the loopback receiver (HTTP for Slack/PagerDuty, SMTP for email);
 * 3. the tunnel simulator (a second instance is started on demand); 4. Alertmanager with the
 *    generated config; 5. Prometheus with the generated recording and alerting rules, scraping every
 *    second the simulators listed in a file_sd targets file, which the test rewrites to add or
 *    remove a replica (as service discovery would).
 * What the generated Alertmanager config has no spec field for is set here, and only here:
 * - secrets are files (`*_file`) under /etc/alertmanager/secrets: the directory is replaced by a
 *   temp dir holding SLACK_WEBHOOK_URL (the receiver's /slack URL) and PAGERDUTY_ROUTING_KEY;
 * - `global.smtp_smarthost` points at the receiver's SMTP port;
 * - each `pagerduty_configs` entry gets `url:` (the Events API endpoint) pointing at the receiver.
 */
import { execFileSync } from 'node:child_process';
import { freePort, toolPath } from '@monspec/test-kit';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type { ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { EMBEDDED_SPEC_DIR } from '@monspec/metrics-spec';
import { startDaemon, stopDaemon, waitFor, type Daemon } from './processes.js';
import { ready } from './prom-api.js';
import { Receiver } from './receiver.js';
import { SimulatorProcess } from './simulators.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../../..');
export const CLI = join(REPO, 'apps/cli/bin/monspec.js');
const SECRETS_PREFIX = '/etc/alertmanager/secrets/';

export interface Stack {
  readonly dir: string;
  readonly model: ResolvedModel;
  readonly receiver: Receiver;
  /** The primary simulator's URL (it keeps its port across restarts). */
  readonly simulatorUrl: string;
  /** The primary simulator, scraped from the start, and a second replica, started on demand. */
  readonly simulators: { readonly primary: SimulatorProcess; readonly secondary: SimulatorProcess };
  readonly prometheusUrl: string;
  readonly alertmanagerUrl: string;
  readonly errorLog: string;
  readonly ports: number[];
  /** Rewrites the file_sd targets file: Prometheus scrapes exactly these simulators (none: no target). */
  setScrapeTargets(simulators: readonly SimulatorProcess[]): void;
  /** Builds the stack's spec again into the same output (published with `build --atomic`). */
  rebuild(): void;
  /** Sends Prometheus SIGHUP: it reads its configuration and rule files again. */
  reloadPrometheus(): void;
  stop(): Promise<string[]>;
}

export interface Binaries {
  readonly prometheus: string;
  readonly alertmanager: string;
}

/** Prometheus and Alertmanager (`prometheus-alertmanager` on Debian); overridable with PROMETHEUS_BIN / ALERTMANAGER_BIN. */
export function findBinaries(): Binaries | undefined {
  const prometheus = toolPath('prometheus');
  const alertmanager = toolPath('alertmanager');
  return prometheus && alertmanager ? { prometheus, alertmanager } : undefined;
}

/**
 * The servers read the output as a deployment would: published with `build --atomic`, so every rule
 * file they load is a link through OUT/.monspec-current into the current snapshot.
 */
function build(dir: string): void {
  execFileSync(process.execPath, [CLI, 'build', '--spec', join(dir, 'spec'), '--env', 'e2e', '--out', join(dir, 'out'), '--atomic', '--quiet'], { stdio: 'pipe' });
}

function buildArtifacts(dir: string): { out: string; model: ResolvedModel } {
  const spec = join(dir, 'spec');
  cpSync(EMBEDDED_SPEC_DIR, spec, { recursive: true });
  copyFileSync(join(HERE, '..', 'e2e-environment.yaml'), join(spec, 'e2e-environment.yaml'));
  const out = join(dir, 'out');
  build(dir);
  const { model } = compileSpecDir(spec, { environment: 'e2e' });
  if (!model) throw new Error('the e2e spec does not compile');
  return { out: join(out, 'e2e'), model };
}

function alertmanagerConfig(generated: string, dir: string, receiver: Receiver): string {
  const secrets = join(dir, 'secrets');
  mkdirSync(secrets);
  const http = `http://127.0.0.1:${receiver.httpPort}`;
  const config = parse(readFileSync(generated, 'utf8')) as {
    global: Record<string, unknown>;
    receivers: { name: string; slack_configs?: Record<string, unknown>[]; pagerduty_configs?: Record<string, unknown>[] }[];
  };
  config.global.smtp_smarthost = `127.0.0.1:${receiver.smtpPort}`;
  for (const r of config.receivers) {
    for (const slack of r.slack_configs ?? []) {
      const file = String(slack.api_url_file ?? '');
      if (file.startsWith(SECRETS_PREFIX)) writeFileSync(join(secrets, file.slice(SECRETS_PREFIX.length)), `${http}/slack/${r.name}`);
      slack.api_url_file = file.replace(SECRETS_PREFIX, `${secrets}/`);
    }
    for (const pd of r.pagerduty_configs ?? []) {
      const file = String(pd.routing_key_file ?? '');
      if (file.startsWith(SECRETS_PREFIX)) writeFileSync(join(secrets, file.slice(SECRETS_PREFIX.length)), 'e2e0000000000000000000000000000000');
      pd.routing_key_file = file.replace(SECRETS_PREFIX, `${secrets}/`);
      pd.url = `${http}/pagerduty/${r.name}`;
    }
  }
  const path = join(dir, 'alertmanager.yml');
  writeFileSync(path, stringify(config));
  return path;
}

function writeTargets(file: string, simulators: readonly SimulatorProcess[]): void {
  // Written beside and renamed over, so Prometheus never reads a half-written file.
  writeFileSync(`${file}.tmp`, JSON.stringify([{ targets: simulators.map((s) => s.target), labels: {} }]));
  renameSync(`${file}.tmp`, file);
}

function prometheusConfig(model: ResolvedModel, rules: string, dir: string, targetsFile: string, alertmanagerPort: number): string {
  const config = {
    global: { scrape_interval: model.service.scrapeInterval, evaluation_interval: model.service.alerting.evaluationInterval },
    rule_files: [join(rules, 'recording.rules.yml'), join(rules, 'alerts.rules.yml')],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${alertmanagerPort}`] }] }] },
    scrape_configs: [{ job_name: model.service.job, metrics_path: model.service.metricsPath, file_sd_configs: [{ files: [targetsFile], refresh_interval: '1s' }] }],
  };
  const path = join(dir, 'prometheus.yml');
  writeFileSync(path, stringify(config));
  return path;
}

export async function startStack(bins: Binaries): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'monspec-e2e-'));
  const daemons: Daemon[] = [];
  const { out, model } = buildArtifacts(dir);
  const emails = new Map(model.notifications.contactPoints.flatMap((cp) => cp.addresses.map((a) => [a.toLowerCase(), cp.name] as const)));
  const receiver = new Receiver(emails);
  const errorLog = join(dir, 'simulator-errors.jsonl');
  const simulators = {
    primary: new SimulatorProcess('tunnel-simulator', await freePort(), errorLog),
    secondary: new SimulatorProcess('tunnel-simulator-2', await freePort(), join(dir, 'simulator-2-errors.jsonl')),
  };
  const stop = async (): Promise<string[]> => {
    const results: string[] = [];
    for (const d of [...daemons].reverse()) results.push(`${d.name} (pid ${d.child.pid}): ${await stopDaemon(d)}`);
    for (const sim of [simulators.secondary, simulators.primary]) if (sim.pid !== undefined) results.push(await sim.stop());
    await receiver.stop();
    return results;
  };
  try {
    await receiver.start();
    await simulators.primary.start();
    const targetsFile = join(dir, 'streaming-proxy-targets.json');
    writeTargets(targetsFile, [simulators.primary]);
    const amPort = await freePort();
    const amConfig = alertmanagerConfig(join(out, 'alertmanager/alertmanager.yml'), dir, receiver);
    daemons.push(
      startDaemon('alertmanager', bins.alertmanager, [
        `--config.file=${amConfig}`,
        `--storage.path=${join(dir, 'alertmanager-data')}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ], join(dir, 'alertmanager.log')),
    );
    const alertmanagerUrl = `http://127.0.0.1:${amPort}`;
    await waitFor('Alertmanager ready', () => ready(alertmanagerUrl), 30_000);
    const promPort = await freePort();
    const promConfig = prometheusConfig(model, join(out, 'prometheus/rules'), dir, targetsFile, amPort);
    daemons.push(
      startDaemon('prometheus', bins.prometheus, [
        `--config.file=${promConfig}`,
        `--storage.tsdb.path=${join(dir, 'prometheus-data')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
        '--storage.tsdb.retention.time=1h',
        '--log.level=warn',
      ], join(dir, 'prometheus.log')),
    );
    const prometheusUrl = `http://127.0.0.1:${promPort}`;
    await waitFor('Prometheus ready', () => ready(prometheusUrl), 30_000);
    return {
      dir,
      model,
      receiver,
      simulatorUrl: simulators.primary.url,
      simulators,
      prometheusUrl,
      alertmanagerUrl,
      errorLog,
      ports: [receiver.httpPort, receiver.smtpPort, simulators.primary.port, simulators.secondary.port, amPort, promPort],
      setScrapeTargets: (sims) => writeTargets(targetsFile, sims),
      rebuild: () => build(dir),
      reloadPrometheus: () => {
        const prometheus = daemons.find((d) => d.name === 'prometheus');
        if (prometheus?.child.pid === undefined) throw new Error('Prometheus is not running');
        process.kill(prometheus.child.pid, 'SIGHUP');
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\nlogs in ${dir}`);
  }
}

export function removeStackDir(stack: Stack): void {
  rmSync(stack.dir, { recursive: true, force: true });
}
