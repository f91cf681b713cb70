/**
 * The generated Alertmanager configuration on a real Alertmanager (loopback, temp storage, stopped by
 * PID): inhibitions silence only the warnings about the same thing, and with engine both the
 * Prometheus and Grafana copies of every alert are one alert. Alerts are posted to the v2 API with
 * the label sets the generated rule files give them; Alertmanager's own state is the judge.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_SPEC_DIR, type ResolvedModel } from '@monspec/metrics-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../index.js';
import { freePort, requireTools, toolPath, writeFiles } from '@monspec/test-kit';
import { compile } from '../test-support/fixtures.js';
import { ALERTMANAGER_PATH } from './config.js';
import { ALERT_RULES_PATH } from '../prometheus/alert-rules.js';
import { GRAFANA_RULES_PATH } from '../grafana/rules.js';

const tools = requireTools(['alertmanager']);
const AM = toolPath('alertmanager') ?? 'prometheus-alertmanager';

type Labels = Record<string, string>;
interface AmAlert {
  labels: Labels;
  status: { state: string; inhibitedBy: string[] };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

class Alertmanager {
  private child: ChildProcess | undefined;
  url = '';

  async start(configFile: string): Promise<void> {
    const port = await freePort();
    const storage = mkdtempSync(join(tmpdir(), 'monspec-am-'));
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(AM, [`--config.file=${configFile}`, `--storage.path=${storage}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='], { stdio: 'ignore' });
    await until('Alertmanager ready', async () => ((await fetch(`${this.url}/-/ready`)).ok ? true : undefined));
  }

  async post(alerts: readonly Labels[]): Promise<void> {
    const startsAt = new Date().toISOString();
    const res = await fetch(`${this.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts.map((labels) => ({ labels, annotations: {}, startsAt }))),
    });
    expect(res.ok, await res.text()).toBe(true);
  }

  async alerts(): Promise<AmAlert[]> {
    return (await (await fetch(`${this.url}/api/v2/alerts`)).json()) as AmAlert[];
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    await exited;
  }
}

interface Rule {
  alert?: string;
  labels?: Labels;
}

/** The labels of an alert as Prometheus sends it: the rule's labels, alertname, and the series labels. */
function prometheusCopy(dir: string, name: string, series: Labels = {}, where: (r: Rule) => boolean = () => true): Labels {
  const rules = (parse(readFileSync(join(dir, ALERT_RULES_PATH), 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups.flatMap((g) => g.rules);
  const rule = rules.find((r) => r.alert === name && where(r));
  if (!rule) throw new Error(`no rule ${name}`);
  return { ...series, ...rule.labels, alertname: name };
}

function withEnvironment(extra: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'monspec-spec-'));
  cpSync(EMBEDDED_SPEC_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'zz-test-environment.yaml'), extra);
  return dir;
}

describe.skipIf(tools.skip)(`inhibition on a real Alertmanager (production) ${tools.reason}`, () => {
  const am = new Alertmanager();
  let dir = '';
  let model: ResolvedModel;
  beforeAll(async () => {
    model = compile('production');
    dir = writeFiles(generate(model));
    await am.start(join(dir, ALERTMANAGER_PATH));
  });
  afterAll(() => am.stop());

  it('a critical silences the warnings about the same instance or the whole service, not another instance or another service', async () => {
    const job = { job: model.service.job };
    const breaker0 = prometheusCopy(dir, 'CircuitBreakerOpen', { instance: 'proxy-0:8080' });
    const pool0 = prometheusCopy(dir, 'ConnectionPoolExhaustion', { instance: 'proxy-0:8080' });
    const pool1 = prometheusCopy(dir, 'ConnectionPoolExhaustion', { instance: 'proxy-1:8080' });
    const allDown = prometheusCopy(dir, 'StreamingProxyAllTargetsDown', job);
    const down1 = prometheusCopy(dir, 'StreamingProxyTargetDown', { ...job, instance: 'proxy-1:8080' });
    const errors = prometheusCopy(dir, 'HighErrorRate');
    const otherService = { ...pool1, service: 'other-service', instance: 'other-0:8080' };
    await am.post([breaker0, pool0, pool1, allDown, down1, errors, otherService]);
    const key = (l: Labels) => `${l['alertname']}/${l['service']}/${l['instance'] ?? ''}`;
    const expected = new Map([
      [key(pool0), true], // same instance as the open breaker
      [key(down1), true], // every replica down silences each replica's target-down
      [key(errors), true], // service-wide: the all-targets-down page (no instance) silences it
      [key(pool1), false], // another instance: still delivered
      [key(otherService), false], // another service: still delivered
      [key(breaker0), false],
      [key(allDown), false],
    ]);
    const states = await until('inhibition settled', async () => {
      const all = await am.alerts();
      const got = new Map(all.map((a) => [key(a.labels), a.status.inhibitedBy.length > 0]));
      return [...expected].every(([k, v]) => got.get(k) === v) ? got : undefined;
    });
    expect(Object.fromEntries(states)).toEqual(Object.fromEntries(expected));
  });
});

describe.skipIf(tools.skip)(`engine both: Prometheus and Grafana copies are one alert in Alertmanager ${tools.reason}`, () => {
  const am = new Alertmanager();
  let dir = '';
  let model: ResolvedModel;
  beforeAll(async () => {
    const spec = withEnvironment(
      'environments:\n  both-engines:\n    description: Both engines.\n    overlay:\n      service:\n        alerting:\n          engine: both\n          alertmanagerUrl: http://alertmanager:9093\n',
    );
    model = compile('both-engines', spec);
    dir = writeFiles(generate(model));
    await am.start(join(dir, ALERTMANAGER_PATH));
  });
  afterAll(() => am.stop());

  it('every Grafana rule sends the label set of its Prometheus twin (title as alertname, plus grafana_folder)', async () => {
    const grafana = (parse(readFileSync(join(dir, GRAFANA_RULES_PATH), 'utf8')) as { groups: Array<{ folder: string; rules: Array<{ title: string; labels: Labels }> }> }).groups;
    const prom = (parse(readFileSync(join(dir, ALERT_RULES_PATH), 'utf8')) as { groups: Array<{ rules: Array<{ alert: string; labels: Labels }> }> }).groups.flatMap((g) => g.rules);
    // Grafana adds alertname (the title) and grafana_folder to every alert it sends
    // (https://grafana.com/docs/grafana/latest/alerting/fundamentals/alert-rules/annotation-label/#grafana-reserved-labels).
    const grafanaCopies = grafana.flatMap((g) => g.rules.map((r) => ({ ...r.labels, alertname: r.title, grafana_folder: g.folder })));
    const promCopies = prom.map((r) => ({ ...r.labels, alertname: r.alert }));
    const canon = (l: Labels) => JSON.stringify(Object.entries(l).sort(([a], [b]) => (a < b ? -1 : 1)));
    const promAlerts = model.alerts.filter((a) => a.datasource === 'prometheus').length;
    expect(promCopies).toHaveLength(promAlerts);
    expect(new Set(promCopies.map(canon)).size).toBe(promAlerts);
    for (const p of promCopies) expect(grafanaCopies.map(canon), `Grafana twin of ${p['alertname']}`).toContain(canon(p));

    // Every Grafana copy of a Prometheus-datasource alert (Loki alerts have the Loki ruler as twin).
    await am.post([...promCopies, ...grafanaCopies.filter((g) => promCopies.some((p) => p['alertname'] === g['alertname']))]);
    const all = await until('every alert received', async () => {
      const got = await am.alerts();
      return got.length >= promAlerts ? got : undefined;
    });
    expect(all).toHaveLength(promAlerts);
  });

  it('Grafana notifies nobody itself: its alerts go to the external Alertmanager', () => {
    const ds = readFileSync(join(dir, 'grafana/provisioning/datasources/alertmanager.yaml'), 'utf8');
    expect(parse(ds)).toMatchObject({ datasources: [{ type: 'alertmanager', url: 'http://alertmanager:9093', jsonData: { handleGrafanaManagedAlerts: true } }] });
    expect(generate(model).find((a) => a.path === 'grafana/provisioning/alerting/policies.yaml')?.deploy).toMatch(/^Deploy: no \(alerting engine both/);
  });
});
