/**
 * The generated rules and routing on a real stack: for each simulator scenario, the recording rules
 * produce the expected values, exactly the expected alerts go pending then firing, Alertmanager
 * delivers each to the receivers the spec's routing names with the runbook link, and everything
 * resolves when the simulator returns to healthy. With CI=true it never skips.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeAlerts, queryValue, ruleCount, type PromAlert } from './support/prom-api.js';
import { portIsFree, waitFor } from './support/processes.js';
import { CLI, findBinaries, removeStackDir, startStack, type Stack } from './support/stack.js';
import { EXPECTATIONS } from './scenarios.js';

const run = promisify(execFile);
const bins = findBinaries();
const missing = !bins ? 'prometheus and/or alertmanager (prometheus-alertmanager) not found' : !existsSync(CLI.replace(/bin\/monspec\.js$/, 'dist/main.js')) ? 'the CLI is not built (npx turbo build)' : undefined;
if (missing && process.env.CI) throw new Error(`e2e: ${missing}; with CI=true the e2e suite must run (bash scripts/install-tools.sh)`);
if (missing) console.warn(`e2e: skipped: ${missing}. Install with bash scripts/install-tools.sh, build with npx turbo build.`);

const put = (url: string, method = 'PUT') => fetch(url, { method, signal: AbortSignal.timeout(5000) }).then((r) => r.json());

describe.skipIf(missing !== undefined).sequential('tunnel simulator on real Prometheus and Alertmanager', () => {
  let stack: Stack;
  const scenarioUrl = (name: string) => `${stack.simulatorUrl}/api/tunnel/simulator/scenario/${name}`;

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
    await waitFor('the simulator scraped (up == 1) and the error ratio recorded', async () => ((await queryValue(stack.prometheusUrl, 'tunnel:request_errors:ratio_rate5m')) !== undefined && (await queryValue(stack.prometheusUrl, `up{job="${stack.model.service.job}"}`)) === 1 ? true : undefined), 30_000);
    await waitFor('no pending or firing alert', async () => ((await activeAlerts(stack.prometheusUrl)).length === 0 ? true : undefined), 30_000);
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
      const expected = new Set(Object.keys(expectation.alerts));
      const seen = new Map<string, Set<PromAlert['state']>>();
      const firingAlerts: PromAlert[] = [];
      const notedBefore = stack.receiver.notifications.length;
      await put(scenarioUrl(expectation.scenario));

      // Exactly the expected alerts go pending, then firing (every instance).
      await waitFor(`${[...expected].join(', ')} firing`, async () => {
        const alerts = await activeAlerts(stack.prometheusUrl);
        for (const a of alerts) {
          const name = a.labels.alertname ?? '';
          expect(expected.has(name), `unexpected alert ${name} (${a.state}) in ${expectation.scenario}`).toBe(true);
          const states = seen.get(name) ?? new Set();
          states.add(a.state);
          seen.set(name, states);
        }
        const done = Object.entries(expectation.alerts).every(([name, n]) => alerts.filter((a) => a.labels.alertname === name && a.state === 'firing').length === n);
        if (!done) return undefined;
        firingAlerts.push(...alerts);
        return true;
      }, 100_000);
      for (const name of expected) expect([...(seen.get(name) ?? [])].sort(), `${name} went pending, then firing`).toEqual(['firing', 'pending']);

      // The recording rules produce the scenario's values.
      for (const r of expectation.recorded) {
        const v = await queryValue(stack.prometheusUrl, r.expr);
        expect(v !== undefined && r.inScenario(v), `${r.expr}: ${r.what}, got ${v}`).toBe(true);
      }

      // Alertmanager delivers each alert to the receivers its severity routes to, with the runbook link.
      for (const name of expected) {
        const alert = firingAlerts.find((a) => a.labels.alertname === name);
        const severity = alert?.labels.severity ?? '';
        const runbook = alert?.annotations.runbook_url ?? '';
        expect(runbook.startsWith(stack.model.service.runbookBaseUrl ?? 'https://')).toBe(true);
        const route = stack.model.notifications.routes.find((r) => r.severity === severity);
        const receivers = [...(route?.contactPoints ?? [stack.model.notifications.defaultContactPoint ?? ''])].sort();
        const delivered = await waitFor(`${name} delivered to ${receivers.join(', ')}`, async () => {
          const got = stack.receiver.notifications.slice(notedBefore).filter((n) => n.status === 'firing' && n.alertnames.includes(name));
          return receivers.every((r) => got.some((n) => n.contactPoint === r)) ? got : undefined;
        }, 30_000);
        expect([...new Set(delivered.map((n) => n.contactPoint))].sort(), `${name} (${severity}) reached exactly its route's receivers`).toEqual(receivers);
        for (const n of delivered) expect(n.text, `${n.kind} payload for ${name} has the runbook link`).toContain(runbook);
      }

      // Back to healthy: everything resolves in Prometheus and the receivers hear it.
      await put(scenarioUrl('healthy'));
      await waitFor('no pending or firing alert after returning to healthy', async () => ((await activeAlerts(stack.prometheusUrl)).length === 0 ? true : undefined), 60_000);
      for (const r of expectation.recorded) {
        await waitFor(`${r.expr} back to healthy`, async () => {
          const v = await queryValue(stack.prometheusUrl, r.expr);
          return v !== undefined && r.whenHealthy(v) ? true : undefined;
        }, 30_000);
      }
      for (const name of expected) {
        const firedTo = new Set(stack.receiver.notifications.slice(notedBefore).filter((n) => n.status === 'firing' && n.alertnames.includes(name)).map((n) => n.contactPoint));
        await waitFor(`${name} resolved notifications`, async () => {
          const resolved = stack.receiver.notifications.slice(notedBefore).filter((n) => n.status === 'resolved' && n.alertnames.includes(name));
          return [...firedTo].every((cp) => resolved.some((n) => n.contactPoint === cp)) ? true : undefined;
        }, 30_000);
      }
    });
  }

  it('wrote structured error logs the Loki rules can parse', () => {
    const lines = readFileSync(stack.errorLog, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    const entry = JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'error', app: stack.model.service.name, msg: 'tunnel request failed' });
    expect(entry).toHaveProperty('code');
  });
});
