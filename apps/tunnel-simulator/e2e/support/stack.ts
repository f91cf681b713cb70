/**
 * The stack under test, all on 127.0.0.1 in one temp dir:
 * 1. the tunnel spec copied with e2e-environment.yaml added, built by `monspec build --env e2e`;
 * 2. the loopback receiver (HTTP for Slack/PagerDuty, SMTP for email);
 * 3. the tunnel simulator; 4. Alertmanager with the generated config; 5. Prometheus with the
 *    generated recording and alerting rules, scraping the simulator every second.
 * What the generated Alertmanager config has no spec field for is set here, and only here:
 * - secrets are files (`*_file`) under /etc/alertmanager/secrets: the directory is replaced by a
 *   temp dir holding SLACK_WEBHOOK_URL (the receiver's /slack URL) and PAGERDUTY_ROUTING_KEY;
 * - `global.smtp_smarthost` points at the receiver's SMTP port;
 * - each `pagerduty_configs` entry gets `url:` (the Events API endpoint) pointing at the receiver.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type { ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { EMBEDDED_SPEC_DIR } from '@monspec/metrics-spec';
import { freePort, startDaemon, stopDaemon, waitFor, type Daemon } from './processes.js';
import { ready } from './prom-api.js';
import { Receiver } from './receiver.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../../../..');
export const CLI = join(REPO, 'apps/cli/bin/monspec.js');
const SIMULATOR_BIN = resolve(HERE, '../../bin/tunnel-simulator.js');
const SECRETS_PREFIX = '/etc/alertmanager/secrets/';

export interface Stack {
  readonly dir: string;
  readonly model: ResolvedModel;
  readonly receiver: Receiver;
  readonly simulatorUrl: string;
  readonly prometheusUrl: string;
  readonly alertmanagerUrl: string;
  readonly errorLog: string;
  readonly ports: number[];
  readonly processes: { name: string; pid: number | undefined }[];
  stop(): Promise<string[]>;
}

export interface Binaries {
  readonly prometheus: string;
  readonly alertmanager: string;
}

function which(names: readonly string[]): string | undefined {
  for (const name of names) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Prometheus and Alertmanager (`prometheus-alertmanager` on Debian); overridable with PROMETHEUS_BIN / ALERTMANAGER_BIN. */
export function findBinaries(): Binaries | undefined {
  const prometheus = process.env.PROMETHEUS_BIN ?? which(['prometheus']);
  const alertmanager = process.env.ALERTMANAGER_BIN ?? which(['prometheus-alertmanager', 'alertmanager']);
  return prometheus && alertmanager ? { prometheus, alertmanager } : undefined;
}

function buildArtifacts(dir: string): { out: string; model: ResolvedModel } {
  const spec = join(dir, 'spec');
  cpSync(EMBEDDED_SPEC_DIR, spec, { recursive: true });
  copyFileSync(join(HERE, '..', 'e2e-environment.yaml'), join(spec, 'e2e-environment.yaml'));
  const out = join(dir, 'out');
  execFileSync(process.execPath, [CLI, 'build', '--spec', spec, '--env', 'e2e', '--out', out, '--quiet'], { stdio: 'pipe' });
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

function prometheusConfig(model: ResolvedModel, rules: string, dir: string, simulatorPort: number, alertmanagerPort: number): string {
  const config = {
    global: { scrape_interval: model.service.scrapeInterval, evaluation_interval: model.service.alerting.evaluationInterval },
    rule_files: [join(rules, 'recording.rules.yml'), join(rules, 'alerts.rules.yml')],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${alertmanagerPort}`] }] }] },
    scrape_configs: [{ job_name: model.service.job, metrics_path: model.service.metricsPath, static_configs: [{ targets: [`127.0.0.1:${simulatorPort}`] }] }],
  };
  const path = join(dir, 'prometheus.yml');
  writeFileSync(path, stringify(config));
  return path;
}

async function startSimulator(dir: string, errorLog: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SIMULATOR_BIN, '--port', '0', '--log-file', errorLog], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.setEncoding('utf8');
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${out}`)), 10_000);
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      const m = /listening on (http:\/\/[0-9.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`simulator exited (${code}): ${out}`)));
  });
  writeFileSync(join(dir, 'simulator.url'), url);
  return { child, url };
}

export async function startStack(bins: Binaries): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'monspec-e2e-'));
  const daemons: Daemon[] = [];
  let simulator: ChildProcess | undefined;
  const { out, model } = buildArtifacts(dir);
  const emails = new Map(model.notifications.contactPoints.flatMap((cp) => cp.addresses.map((a) => [a.toLowerCase(), cp.name] as const)));
  const receiver = new Receiver(emails);
  const stop = async (): Promise<string[]> => {
    const results: string[] = [];
    for (const d of [...daemons].reverse()) results.push(`${d.name} (pid ${d.child.pid}): ${await stopDaemon(d)}`);
    if (simulator) results.push(`tunnel-simulator (pid ${simulator.pid}): ${await stopDaemon({ child: simulator })}`);
    await receiver.stop();
    return results;
  };
  try {
    await receiver.start();
    const errorLog = join(dir, 'simulator-errors.jsonl');
    const sim = await startSimulator(dir, errorLog);
    simulator = sim.child;
    const simulatorPort = Number(new URL(sim.url).port);
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
    const promConfig = prometheusConfig(model, join(out, 'prometheus/rules'), dir, simulatorPort, amPort);
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
      simulatorUrl: sim.url,
      prometheusUrl,
      alertmanagerUrl,
      errorLog,
      ports: [receiver.httpPort, receiver.smtpPort, simulatorPort, amPort, promPort],
      processes: [{ name: 'tunnel-simulator', pid: simulator.pid }, ...daemons.map((d) => ({ name: d.name, pid: d.child.pid }))],
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
