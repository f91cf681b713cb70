/**
 * `monspec plan`/`apply` against the real Prometheus (`--web.enable-lifecycle`) and Alertmanager (its
 * reload endpoint is always on) on loopback:
 * first apply confirmed loaded, a second one changes nothing, a threshold change planned and loaded,
 * a file the tools refuse never written, a reload failure rolled back. A rule file monspec did not
 * write sits in the rules directory throughout and must stay as it was; the Alertmanager config starts
 * hand-written and is replaced only with --adopt. A second service deploys beside the first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SPEC, freePort, requireTools, toolPath, writeFiles } from '@monspec/test-kit';
import { loadedAlertmanagerConfig, loadedRuleGroups, type DaemonTargets } from './deploy/daemons.js';
import { applyDaemonPlan } from './deploy/rules-apply.js';
import type { DaemonPlan } from './deploy/rules-plan.js';
import { runCliAsync, tempDir } from './test-support/run-cli.js';

const tools = requireTools(['prometheus', 'alertmanager', 'promtool', 'amtool']);

const FOREIGN = 'groups:\n  - name: someone-else\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n';
const AM_START = 'route:\n  receiver: start\nreceivers:\n  - name: start\n';

async function ready(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} not ready after 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(tools.skip)(`monspec plan/apply to Prometheus and Alertmanager ${tools.reason}`, () => {
  const root = tempDir('monspec-promdeploy-');
  const rulesDir = join(root, 'rules');
  const amFile = join(root, 'alertmanager.yml');
  const spec = writeFiles(DEMO_SPEC.map((f) => ({ path: f.path, content: f.text })), join(root, 'spec'));
  const children: ChildProcess[] = [];
  let targets: DaemonTargets = {};
  let env: NodeJS.ProcessEnv = {};
  const run = (...args: string[]) => runCliAsync([...args, '--spec', spec], spec, env);

  beforeAll(async () => {
    mkdirSync(rulesDir);
    writeFileSync(join(rulesDir, 'foreign.rules.yml'), FOREIGN);
    writeFileSync(amFile, AM_START);
    writeFileSync(join(root, 'prometheus.yml'), `rule_files:\n  - ${rulesDir}/*.yml\n`);
    const [promPort, amPort] = [await freePort(), await freePort()];
    const start = (bin: string, args: string[]) => children.push(spawn(bin, args, { stdio: 'ignore' }));
    start(toolPath('prometheus') ?? 'prometheus', [`--config.file=${join(root, 'prometheus.yml')}`, `--storage.tsdb.path=${join(root, 'prom-data')}`, `--web.listen-address=127.0.0.1:${promPort}`, '--web.enable-lifecycle', '--log.level=error']);
    start(toolPath('alertmanager') ?? 'alertmanager', [`--config.file=${amFile}`, `--storage.path=${join(root, 'am-data')}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address=', '--log.level=error']);
    targets = { prometheus: { url: `http://127.0.0.1:${promPort}`, rulesDir }, alertmanager: { url: `http://127.0.0.1:${amPort}`, configFile: amFile } };
    env = { GRAFANA_URL: '', PROMETHEUS_URL: targets.prometheus?.url, PROMETHEUS_RULES_DIR: rulesDir, ALERTMANAGER_URL: targets.alertmanager?.url, ALERTMANAGER_CONFIG: amFile };
    await Promise.all([ready(`http://127.0.0.1:${promPort}`), ready(`http://127.0.0.1:${amPort}`)]);
  }, 60_000);

  afterAll(() => {
    for (const c of children) if (c.pid !== undefined && c.exitCode === null) process.kill(c.pid, 'SIGTERM');
  });

  const prom = () => targets.prometheus ?? { url: '', rulesDir };
  const am = () => targets.alertmanager ?? { url: '', configFile: amFile };

  it('a hand-written Alertmanager config is refused without --adopt: plan says so, apply writes nothing (exit 2)', async () => {
    const plan = await run('plan');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toContain(`! file ${amFile}: refused`);
    expect(plan.stdout).toContain('pass --adopt');
    const r = await run('apply', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refused before writing anything:\n  ${amFile}: no monspec spec`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(amFile, 'utf8')).toBe(AM_START);
    expect(readdirSync(rulesDir)).toEqual(['foreign.rules.yml']);
  }, 60_000);

  it('applies the rule files and the config, confirms them loaded, and a second apply and a plan change nothing', async () => {
    const plan = await run('plan', '--adopt');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toContain(`+ file ${join(rulesDir, 'demo.alerts.rules.yml')}: create`);
    expect(plan.stdout).toContain(`~ file ${amFile}: update`);
    const first = await run('apply', '--yes', '--adopt');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Re-plan: no changes');
    // The files are the bytes monspec build writes (with its header), and Prometheus runs their groups from them.
    const alerts = readFileSync(join(rulesDir, 'demo.alerts.rules.yml'), 'utf8');
    expect(alerts).toMatch(/^# .*\n# Generated by monspec/);
    const groups = await loadedRuleGroups(prom());
    expect(groups.filter((g) => g.file === join(rulesDir, 'demo.alerts.rules.yml')).length).toBeGreaterThan(0);
    expect(groups.filter((g) => g.file === join(rulesDir, 'demo.recording.rules.yml')).length).toBeGreaterThan(0);
    expect(groups.some((g) => g.name === 'someone-else')).toBe(true);
    expect(readFileSync(join(rulesDir, 'foreign.rules.yml'), 'utf8')).toBe(FOREIGN);
    expect(await loadedAlertmanagerConfig(am())).not.toContain('name: start');
    const again = await run('apply', '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes to rule files or Alertmanager config.');
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  it('a changed threshold shows in plan as the changed rule, and apply loads the new expression', async () => {
    const path = join(spec, 'metrics.yaml');
    const text = readFileSync(path, 'utf8');
    // The error ratio's critical level is the demo alert's condition (> 0.05).
    expect(text).toContain('    critical: 5%\n');
    writeFileSync(path, text.replace('    critical: 5%\n', '    critical: 7%\n'));
    const plan = await run('plan');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toMatch(/~ file \S+alerts\.rules\.yml: update\n\s+group "[^"]+": rule \S+ changed/);
    expect((await loadedRuleGroups(prom())).some((g) => g.rules.some((r) => r.query.includes('demo:errors:ratio_rate5m > 0.07')))).toBe(false);
    const r = await run('apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect((await loadedRuleGroups(prom())).some((g) => g.rules.some((q) => q.query.includes('demo:errors:ratio_rate5m > 0.07')))).toBe(true);
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  /** A plan to write `content` over the applied file (a test-only path to content the generators never produce). */
  function planOver(engine: 'prometheus' | 'alertmanager', content: string): DaemonPlan {
    const target = engine === 'prometheus' ? join(rulesDir, 'demo.alerts.rules.yml') : amFile;
    const artifactPath = engine === 'prometheus' ? 'prometheus/rules/alerts.rules.yml' : 'alertmanager/alertmanager.yml';
    return { items: [{ file: { engine, target, artifactPath, content }, action: 'update', details: [], onDisk: readFileSync(target, 'utf8') }], staged: [] };
  }

  it('a rule file promtool refuses and a config amtool refuses are refused before writing: disk and running config unchanged', async () => {
    const rulesBefore = readFileSync(join(rulesDir, 'demo.alerts.rules.yml'), 'utf8');
    const groupsBefore = await loadedRuleGroups(prom());
    await expect(applyDaemonPlan(planOver('prometheus', 'groups:\n  - name: broken\n    rules:\n      - alert: Broken\n        expr: sum(\n'), targets)).rejects.toThrow(/refused before writing anything[\s\S]*promtool check rules/);
    expect(readFileSync(join(rulesDir, 'demo.alerts.rules.yml'), 'utf8')).toBe(rulesBefore);
    expect(await loadedRuleGroups(prom())).toEqual(groupsBefore);
    const amBefore = readFileSync(amFile, 'utf8');
    const amLoaded = await loadedAlertmanagerConfig(am());
    await expect(applyDaemonPlan(planOver('alertmanager', 'route:\n  receiver: nowhere\nreceivers:\n  - name: start\n'), targets)).rejects.toThrow(/refused before writing anything[\s\S]*amtool check-config/);
    expect(readFileSync(amFile, 'utf8')).toBe(amBefore);
    expect(await loadedAlertmanagerConfig(am())).toBe(amLoaded);
  }, 60_000);

  it('a reload that fails restores the previous file and reloads it (exit 2 message names the error)', async () => {
    const before = readFileSync(join(rulesDir, 'demo.alerts.rules.yml'), 'utf8');
    const groupsBefore = await loadedRuleGroups(prom());
    // Without validation the daemon itself refuses the file: POST /-/reload answers 500.
    const broken = 'groups:\n  - name: broken\n    rules:\n      - alert: Broken\n        expr: sum(\n';
    await expect(applyDaemonPlan(planOver('prometheus', broken), targets, { skipValidation: true })).rejects.toThrow(/-\/reload answered 500[\s\S]*restored the previous files .* and reloaded them/);
    expect(readFileSync(join(rulesDir, 'demo.alerts.rules.yml'), 'utf8')).toBe(before);
    expect((await loadedRuleGroups(prom())).map((g) => [g.name, g.file])).toEqual(groupsBefore.map((g) => [g.name, g.file]));
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  it('a rule file edited on disk but not reloaded is drift in plan, and apply writes and loads the spec\'s again', async () => {
    const path = join(rulesDir, 'demo.alerts.rules.yml');
    const applied = readFileSync(path, 'utf8');
    const first = /- name: (\S+)/.exec(applied)?.[1] ?? '';
    expect(first).not.toBe('');
    writeFileSync(path, applied.replace(`- name: ${first}`, '- name: edited-by-hand'));
    const plan = await run('plan');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toContain(`~ file ${path}: update (drift: on disk but not loaded by Prometheus`);
    expect(plan.stdout).toContain('group "edited-by-hand" removed');
    const r = await run('apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(applied);
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  it('an expression edited on disk but not reloaded (same group and rule names) is drift too', async () => {
    const path = join(rulesDir, 'demo.alerts.rules.yml');
    const applied = readFileSync(path, 'utf8');
    expect(applied).toContain('demo:errors:ratio_rate5m > 0.07');
    // Prometheus reports its last load in whole seconds: edit in a later second than the last apply's reload.
    await new Promise((r) => setTimeout(r, 1100));
    writeFileSync(path, applied.replace('demo:errors:ratio_rate5m > 0.07', 'demo:errors:ratio_rate5m > 0.08'));
    const plan = await run('plan');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toMatch(/~ file \S+alerts\.rules\.yml: update \(drift: on disk but not loaded by Prometheus[^\n]*\n\s+group "[^"]+": rule \S+ changed/);
    const r = await run('apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(applied);
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  it('an Alertmanager config edited on disk but not reloaded is drift (the loaded bytes differ), and apply loads the spec\'s again', async () => {
    const applied = readFileSync(amFile, 'utf8');
    // Same receivers and routes, other bytes: only the loaded config's hash tells them apart.
    writeFileSync(amFile, `${applied}# edited by hand\n`);
    const plan = await run('plan');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toContain(`~ file ${amFile}: update (drift: on disk but not loaded by Alertmanager`);
    const r = await run('apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(amFile, 'utf8')).toBe(applied);
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  it('a half-set target is a usage error naming the missing variable (exit 2, no stack trace)', async () => {
    const r = await runCliAsync(['plan', '--spec', spec], spec, { ...env, PROMETHEUS_RULES_DIR: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PROMETHEUS_RULES_DIR is unset: expected both PROMETHEUS_URL and PROMETHEUS_RULES_DIR');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a rules directory that does not exist is an error naming the file (exit 2, no stack trace), nothing left behind', async () => {
    const missing = join(root, 'no-such-dir');
    const r = await runCliAsync(['apply', '--yes', '--spec', spec], spec, { ...env, PROMETHEUS_RULES_DIR: missing });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`could not write ${join(missing, 'demo.alerts.rules.yml')}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  it('a second service sharing the rules directory deploys beside the first; the first one\'s Alertmanager config is refused (exit 2, nothing written)', async () => {
    const other = writeFiles(DEMO_SPEC.map((f) => ({ path: f.path, content: f.text.replace(/^  name: demo$/m, '  name: other') })), join(root, 'other-spec'));
    const demoRules = readFileSync(join(rulesDir, 'demo.alerts.rules.yml'), 'utf8');
    const promOnly = { ...env, ALERTMANAGER_URL: '', ALERTMANAGER_CONFIG: '' };
    const r = await runCliAsync(['apply', '--yes', '--spec', other], other, promOnly);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`created ${join(rulesDir, 'other.alerts.rules.yml')} (loaded)`);
    expect(readFileSync(join(rulesDir, 'demo.alerts.rules.yml'), 'utf8')).toBe(demoRules);
    const files = new Set((await loadedRuleGroups(prom())).map((g) => g.file));
    expect(files.has(join(rulesDir, 'demo.alerts.rules.yml')) && files.has(join(rulesDir, 'other.alerts.rules.yml'))).toBe(true);
    // One Alertmanager, two services: the second may not replace the first's config, even with --adopt.
    const amBefore = readFileSync(amFile, 'utf8');
    const plan = await runCliAsync(['plan', '--adopt', '--spec', other], other, env);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(new RegExp(`! file ${amFile}: refused\\n\\s+owned by the demo spec \\(\\S+\\), not replaced`));
    const refused = await runCliAsync(['apply', '--yes', '--adopt', '--spec', other], other, env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refused before writing anything');
    expect(readFileSync(amFile, 'utf8')).toBe(amBefore);
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  it('a rule file this service deployed under its old name is removed (and no longer loaded); another service\'s is left alone', async () => {
    const legacy = join(rulesDir, 'alerts.rules.yml');
    writeFileSync(legacy, readFileSync(join(rulesDir, 'demo.alerts.rules.yml'), 'utf8'));
    const othersLegacy = join(rulesDir, 'recording.rules.yml');
    writeFileSync(othersLegacy, readFileSync(join(rulesDir, 'other.recording.rules.yml'), 'utf8'));
    const plan = await run('plan');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toContain(`- file ${legacy}: remove\n      renamed to demo.alerts.rules.yml`);
    expect(plan.stdout).not.toContain(othersLegacy);
    const r = await run('apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`removed ${legacy} (no longer loaded)`);
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(othersLegacy)).toBe(true);
    expect((await loadedRuleGroups(prom())).some((g) => g.file === legacy)).toBe(false);
    expect((await run('plan')).code).toBe(0);
  }, 60_000);

  it('--target NAME plans against the Prometheus and Alertmanager the environment declares, not the variables', async () => {
    const path = join(spec, 'service.yaml');
    const text = readFileSync(path, 'utf8');
    const declared = `    default: true\n    targets:\n      local:\n        prometheus: { url: "${prom().url}", rulesDir: ${rulesDir} }\n        alertmanager: { url: "${am().url}", configFile: ${amFile} }\n`;
    writeFileSync(path, text.replace('    default: true\n', declared));
    try {
      // The variables point nowhere: --target must not read them.
      const elsewhere = { GRAFANA_URL: '', PROMETHEUS_URL: 'http://127.0.0.1:9', PROMETHEUS_RULES_DIR: join(root, 'nowhere'), ALERTMANAGER_URL: 'http://127.0.0.1:9', ALERTMANAGER_CONFIG: join(root, 'nowhere.yml') };
      const applied = await runCliAsync(['apply', '--yes', '--adopt', '--target', 'local', '--spec', spec], spec, elsewhere);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      const r = await runCliAsync(['plan', '--target', 'local', '--spec', spec], spec, elsewhere);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`Prometheus ${prom().url}:`);
      expect(r.stdout).toContain(`= file ${join(rulesDir, 'demo.alerts.rules.yml')}: unchanged`);
      expect(r.stdout).toContain(`= file ${amFile}: unchanged`);
    } finally {
      writeFileSync(path, text);
    }
  }, 60_000);
});
