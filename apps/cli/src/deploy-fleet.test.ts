/**
 * `monspec plan/apply --workspace FILE --target NAME`: a fleet of two services deployed to the real
 * Prometheus and Alertmanager on loopback and the Grafana double. Each service's rule files land
 * beside the other's, the one Alertmanager gets the org's merged config (every service's alerts
 * reach that service's receivers: amtool), and a per-service apply can no longer replace it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEVERITIES } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { expectedReceivers, routeTestLabels } from '@monspec/alerts';
import { DEMO_SPEC, requireTools, toolPath, writeFiles } from '@monspec/test-kit';
import { loadedAlertmanagerConfig, loadedRuleGroups } from './deploy/daemons.js';
import { startDaemons, type Daemons } from './test-support/daemons.js';
import { startGrafanaDouble, type GrafanaDouble } from './test-support/grafana-double.js';
import { runCliAsync, tempDir } from './test-support/run-cli.js';

const tools = requireTools(['prometheus', 'alertmanager', 'promtool', 'amtool']);
const AM_START = 'route:\n  receiver: start\nreceivers:\n  - name: start\n';

/** The demo spec, and a second service made from it with its own names (its own SLO name, so no recording rule is shared). */
function writeFleet(root: string): void {
  writeFiles(DEMO_SPEC.map((f) => ({ path: f.path, content: f.text })), join(root, 'services', 'demo'));
  const other = (text: string) => text.replace(/demo/g, 'other').replace(/Demo/g, 'Other').replace(/^ {2}availability:$/m, '  other_availability:');
  writeFiles(DEMO_SPEC.map((f) => ({ path: f.path, content: other(f.text) })), join(root, 'services', 'other'));
}

describe.skipIf(tools.skip)(`monspec plan/apply --workspace ${tools.reason}`, () => {
  const root = tempDir('monspec-fleetdeploy-');
  const rulesDir = join(root, 'rules');
  const amFile = join(root, 'alertmanager.yml');
  let daemons: Daemons | undefined;
  let grafana: GrafanaDouble | undefined;
  let env: NodeJS.ProcessEnv = {};
  const run = (...args: string[]) => runCliAsync(args, root, env);

  beforeAll(async () => {
    mkdirSync(rulesDir);
    writeFileSync(amFile, AM_START);
    writeFleet(root);
    daemons = await startDaemons(root, rulesDir, amFile);
    grafana = await startGrafanaDouble();
    const { prometheus, alertmanager } = daemons.targets;
    writeFileSync(
      join(root, 'monspec.workspace.yaml'),
      `services: [services/*]
org:
  name: Test Org
  receiver: { name: org-oncall, email: sre@example.com }
  grafana:
    folders: { other-team: Other Team }
targets:
  production:
    local:
      grafana: { url: "${grafana.url}", tokenEnv: FLEET_GRAFANA_TOKEN }
      prometheus: { url: "${prometheus.url}", rulesDir: ${rulesDir} }
      alertmanager: { url: "${alertmanager.url}", configFile: ${amFile} }
`,
    );
    // The variables of the one-service deploy point nowhere: the workspace's target is what counts.
    env = { GRAFANA_URL: 'http://127.0.0.1:9', GRAFANA_TOKEN: 'unused', FLEET_GRAFANA_TOKEN: grafana.token, PROMETHEUS_URL: '', ALERTMANAGER_URL: '' };
  }, 60_000);

  afterAll(async () => {
    daemons?.stop();
    await grafana?.close();
  });

  it('refuses to run without a target, with an unknown one, or with --spec (exit 2, no stack trace)', async () => {
    for (const [args, message] of [
      [['plan', '--workspace'], 'expected --target NAME'],
      [['plan', '--workspace', '--target', 'nope'], 'Unexpected target "nope", expected one declared under targets.production in monspec.workspace.yaml: local'],
      [['apply', '--workspace', '--target', 'local', '--spec', 'services/demo', '--yes'], 'Unexpected --spec with --workspace'],
      [['plan', '--workspace', '--target', 'local', '--env', 'staging'], 'Unexpected environment "staging"'],
    ] as const) {
      const r = await run(...args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('plans every service and the org config; a hand-written Alertmanager config is refused until --adopt, and nothing is written', async () => {
    const plan = await run('plan', '--workspace', '--target', 'local');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toContain('── demo (production) ──');
    expect(plan.stdout).toContain('── other (production) ──');
    expect(plan.stdout).toContain(`+ file ${join(rulesDir, 'demo.alerts.rules.yml')}: create`);
    expect(plan.stdout).toContain(`+ file ${join(rulesDir, 'other.alerts.rules.yml')}: create`);
    expect(plan.stdout).toMatch(new RegExp(`── org \\(production\\) ──\\nAlertmanager \\S+:\\n {2}! file ${amFile}: refused`));
    const refused = await run('apply', '--workspace', '--target', 'local', '--yes');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refused before writing anything');
    expect(readFileSync(amFile, 'utf8')).toBe(AM_START);
  }, 60_000);

  it("applies: both services' rule files loaded, their dashboards in their folders, the org config loaded and routing each service's alerts to its receivers", async () => {
    const r = await run('apply', '--workspace', '--target', 'local', '--yes', '--adopt');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readdirSync(rulesDir).sort()).toEqual(['demo.alerts.rules.yml', 'demo.recording.rules.yml', 'other.alerts.rules.yml', 'other.recording.rules.yml']);
    const { prometheus, alertmanager } = daemons?.targets ?? { prometheus: { url: '', rulesDir }, alertmanager: { url: '', configFile: amFile } };
    const files = new Set((await loadedRuleGroups(prometheus)).map((g) => g.file));
    expect([...files].sort()).toEqual(readdirSync(rulesDir).map((f) => join(rulesDir, f)).sort());
    const config = readFileSync(amFile, 'utf8');
    expect(config).toContain('Generated by monspec from the Test Org workspace (environment production)');
    expect(await loadedAlertmanagerConfig(alertmanager)).toContain('org-oncall');
    for (const service of ['demo', 'other']) {
      const model = compileSpecDir(join(root, 'services', service), { environment: 'production' }).model;
      if (!model) throw new Error(`${service} compiles`);
      const receivers = expectedReceivers(model);
      for (const severity of SEVERITIES) {
        const test = spawnSync(toolPath('amtool') ?? 'amtool', ['config', 'routes', 'test', `--config.file=${amFile}`, `--verify.receivers=${receivers[severity].join(',')}`, ...routeTestLabels(model, severity)], { encoding: 'utf8' });
        expect(test.status, `${service} ${severity}: ${test.stdout}${test.stderr}`).toBe(0);
      }
    }
    // The team with an org folder gets it; the other keeps its service's folder.
    const titles = new Map([...(grafana?.folders.values() ?? [])].map((f) => [f.uid, f.title]));
    const folderOf = (uid: string) => titles.get(grafana?.dashboards.get(uid)?.folderUid ?? '');
    expect(folderOf('demo-overview')).toBe('Demo');
    expect(folderOf('other-overview')).toBe('Other Team');
    const again = await run('plan', '--workspace', '--target', 'local');
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('No changes in 2 service(s) and the org files.');
  }, 120_000);

  it("a one-service apply can no longer replace the org's Alertmanager config (exit 2, nothing written)", async () => {
    const before = readFileSync(amFile, 'utf8');
    const { alertmanager } = daemons?.targets ?? { alertmanager: { url: '', configFile: amFile } };
    const r = await runCliAsync(['apply', '--yes', '--adopt', '--spec', join(root, 'services', 'demo')], root, { ...env, GRAFANA_URL: '', ALERTMANAGER_URL: alertmanager.url, ALERTMANAGER_CONFIG: amFile });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('owned by the Test Org workspace (production), not replaced (a shared Alertmanager takes the org config of monspec build --workspace');
    expect(readFileSync(amFile, 'utf8')).toBe(before);
  }, 60_000);
});
