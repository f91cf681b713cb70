/**
 * The generated rules and routing on a real stack: for each simulator scenario (and for stopped
 * replicas and lost targets), the recording rules produce the expected values, exactly the expected
 * alerts go pending then firing, Alertmanager delivers each to the receivers the spec's routing
 * names with the runbook link, and everything resolves. Twice a critical alert inhibits warnings of
 * the service: they are held suppressed, not delivered, and delivered once the critical resolves.
 * At the baseline and in every scenario, each Grafana-managed rule evaluated on the same Prometheus
 * (support/grafana-twins.ts) holds exactly where its Prometheus twin holds.
 * With CI=true it never skips.
 */
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proveAlerts } from './support/alerts.js';
import { activeAlerts, queryValue, ruleCount } from './support/prom-api.js';
import { portIsFree, waitFor } from './support/processes.js';
import { CLI, findBinaries, removeStackDir, startStack, type Stack } from './support/stack.js';
import { proveErrorStorm } from './flows/error-storm.js';
import { proveMcpWhileFiring } from './flows/mcp.js';
import { proveAllTargetsDown, proveMetricsAbsent, proveTargetDown } from './flows/targets.js';
import { EXPECTATIONS } from './scenarios.js';
import { proveGrafanaTwins } from './support/grafana-twins.js';

const run = promisify(execFile);
const bins = findBinaries();
const missing = !bins ? 'prometheus and/or alertmanager (prometheus-alertmanager) not found' : !existsSync(CLI.replace(/bin\/monspec\.js$/, 'dist/main.js')) ? 'the CLI is not built (npx turbo build)' : undefined;
if (missing && process.env.CI) throw new Error(`e2e: ${missing}; with CI=true the e2e suite must run (bash scripts/install-tools.sh)`);
if (missing) console.warn(`e2e: skipped: ${missing}. Install with bash scripts/install-tools.sh, build with npx turbo build.`);

const put = (url: string, method = 'PUT') => fetch(url, { method, signal: AbortSignal.timeout(5000) }).then((r) => r.json());

describe.skipIf(missing !== undefined).sequential('tunnel simulator on real Prometheus and Alertmanager', () => {
  let stack: Stack;
  const setScenario = async (name: string): Promise<void> => {
    const state = (await put(`${stack.simulatorUrl}/api/tunnel/simulator/scenario/${name}`)) as { scenario?: string };
    expect(state.scenario, `the simulator switched to ${name}`).toBe(name);
  };

  beforeAll(async () => {
    if (!bins) return;
    stack = await startStack(bins);
  });

  afterAll(async () => {
    if (!stack) return;
    const stopped = await stack.stop();
    console.log(`e2e: stopped ${stopped.join('; ')}`);
    for (const port of stack.ports) expect(await portIsFree(port), `port ${port} is free`).toBe(true);
    removeStackDir(stack);
  });

  it('loads every generated rule and reaches a quiet healthy baseline', async () => {
    const counts = await ruleCount(stack.prometheusUrl);
    const promAlerts = stack.model.alerts.filter((a) => a.datasource === 'prometheus').length;
    expect(counts).toEqual({ recording: stack.model.recordingRules.length, alerting: promAlerts });
    await waitFor('the simulator scraped (up == 1) and the error ratio recorded', async () => ((await queryValue(stack.prometheusUrl, 'job:tunnel_request_errors:ratio_rate5m')) !== undefined && (await queryValue(stack.prometheusUrl, `up{job="${stack.model.service.job}"}`)) === 1 ? true : undefined), 30_000);
    // Quiet in both engines at the same probe: no Prometheus alert pending or firing, and no
    // Grafana-managed twin's condition holding (each twin agreeing with its Prometheus rule at every
    // probe). Waited for: right after the first scrapes a condition can hold for a moment (a start-up
    // CPU burst on a loaded machine), and the alert list is empty before the first evaluation.
    let holding: string[] = [];
    await waitFor('a quiet baseline in both engines', async () => {
      const active = (await activeAlerts(stack.prometheusUrl)).map((a) => `Prometheus ${a.labels['alertname'] ?? '?'} ${a.state}`);
      const twins = (await proveGrafanaTwins(stack, [])).filter((t) => t.grafana.length > 0).map((t) => `Grafana ${t.alert}: ${t.grafana.join(' ')}`);
      const now = [...active, ...twins];
      // Logged when it changes, so a slow baseline says what kept it from being quiet.
      if (now.join() !== holding.join() && now.length > 0) console.log(`e2e: baseline not quiet yet: ${now.join('; ')}`);
      holding = now;
      return holding.length === 0 ? true : undefined;
    }, 60_000).catch((err: unknown) => {
      throw new Error(`${String(err)}; still holding: ${holding.join('; ')}`);
    });
  });

  it('monspec check-endpoint passes against the simulator and fails when it renames a metric', async () => {
    const metrics = `${stack.simulatorUrl}${stack.model.service.metricsPath}`;
    const ok = await run(process.execPath, [CLI, 'check-endpoint', metrics]);
    expect(ok.stderr).toMatch(/0 error\(s\), 0 warning\(s\)/);
    await put(`${stack.simulatorUrl}/api/tunnel/simulator/drift/rename-metric`);
    try {
      const failed = await run(process.execPath, [CLI, 'check-endpoint', metrics]).then(
        () => ({ code: 0, stdout: '' }),
        (err: { code: number; stdout: string }) => err,
      );
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain('Unexpected missing metric tunnel_active_connections');
    } finally {
      await put(`${stack.simulatorUrl}/api/tunnel/simulator/drift/rename-metric`, 'DELETE');
    }
    const health = await fetch(`${stack.simulatorUrl}/api/tunnel/health`);
    expect(health.status).toBe(200);
  });

  for (const expectation of EXPECTATIONS) {
    it(`${expectation.scenario}: records, fires ${Object.keys(expectation.alerts).join(' + ')}, routes, resolves`, async () => {
      await proveAlerts(stack, {
        alerts: expectation.alerts,
        recorded: expectation.recorded,
        trigger: () => setScenario(expectation.scenario),
        recover: () => setScenario('healthy'),
        // While Prometheus fires them, every Grafana-managed rule's condition (its query on this
        // Prometheus through Grafana's expression chain) holds exactly where its twin's does.
        whileFiring: async () => {
          await proveGrafanaTwins(stack, Object.keys(expectation.alerts));
        },
      });
    });
  }

  it('monspec mcp: alert_status and query answer from this Prometheus and Alertmanager while error-spike fires HighErrorRate', async () => {
    const spike = EXPECTATIONS.find((e) => e.scenario === 'error-spike');
    if (!spike) throw new Error('no error-spike expectation');
    await proveAlerts(stack, { alerts: spike.alerts, recorded: [], trigger: () => setScenario('error-spike'), recover: () => setScenario('healthy'), whileFiring: () => proveMcpWhileFiring(stack) });
  });

  it('error-storm: the SLO pages; its ticket is inhibited until the page resolves, then delivered', async () => {
    await proveErrorStorm(stack, setScenario);
  });

  it('a replica stops: StreamingProxyTargetDown for that instance, routed, resolved when it is back', async () => {
    await proveTargetDown(stack);
  });

  it('every replica stops: StreamingProxyAllTargetsDown pages and inhibits TargetDown until a replica is back', async () => {
    await proveAllTargetsDown(stack);
  });

  it('service discovery loses the job: StreamingProxyMetricsAbsent fires, routes, resolves', async () => {
    await proveMetricsAbsent(stack);
  });

  it('a rebuild published with --atomic while Prometheus runs: its rule files are links, and a reload loads the new snapshot', async () => {
    const rulesFile = join(stack.dir, 'out', 'e2e', 'prometheus', 'rules', 'alerts.rules.yml');
    expect(lstatSync(rulesFile).isSymbolicLink()).toBe(true);
    const highErrorRate = async () => {
      const body = (await (await fetch(`${stack.prometheusUrl}/api/v1/rules?type=alert`)).json()) as { data: { groups: { rules: { name: string; query: string }[] }[] } };
      return body.data.groups.flatMap((g) => g.rules).find((r) => r.name === 'HighErrorRate')?.query;
    };
    const before = await highErrorRate();
    expect(before).toMatch(/> 0\.0\d+/);
    const thresholds = join(stack.dir, 'spec', 'thresholds.yaml');
    const original = readFileSync(thresholds, 'utf8');
    try {
      writeFileSync(thresholds, original.replace(/(error_rate:[\s\S]*?critical: )\d+%/, (_, head: string) => `${head}37%`));
      stack.rebuild();
      stack.reloadPrometheus();
      await waitFor('Prometheus loaded the rebuilt HighErrorRate', async () => ((await highErrorRate())?.includes('> 0.37') ? true : undefined), 30_000);
    } finally {
      writeFileSync(thresholds, original);
      stack.rebuild();
      stack.reloadPrometheus();
    }
    await waitFor('Prometheus loaded the original HighErrorRate again', async () => ((await highErrorRate()) === before ? true : undefined), 30_000);
  });

  it('wrote structured error logs the Loki rules can parse', () => {
    const lines = readFileSync(stack.errorLog, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    const entry = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'error', app: stack.model.service.name, msg: 'tunnel request failed' });
    expect(entry).toHaveProperty('code');
  });
});
