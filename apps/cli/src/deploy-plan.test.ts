/**
 * `monspec plan` against the Grafana double (test-support/grafana-double.ts: Grafana's documented
 * API behaviour; Grafana itself cannot run here), through the compiled CLI.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deployFixture, type DeployFixture } from './test-support/deploy-fixture.js';
import { runCliAsync, tempDir } from './test-support/run-cli.js';

let fixture: DeployFixture | undefined;
afterEach(async () => {
  await fixture?.grafana.close();
  fixture = undefined;
});

async function fresh(): Promise<DeployFixture> {
  fixture = await deployFixture();
  return fixture;
}

describe('monspec plan', () => {
  it('plans the folder and every dashboard as created on an empty Grafana, exit 1, and writes nothing', async () => {
    const f = await fresh();
    const r = await f.run('plan');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\+ folder "Demo" \(monspec-demo\): create/);
    expect(r.stdout).toMatch(/\+ dashboard "[^"]+" \(demo-[a-z-]+\): create/);
    expect(r.stdout).toMatch(/change\(s\): \d+ to create, 0 to update/);
    expect(f.grafana.requests.filter((q) => !q.startsWith('GET '))).toEqual([]);
  });

  it('prints a stable JSON plan with --format json and Markdown with --format markdown', async () => {
    const f = await fresh();
    const json = await f.run('plan', '--format', 'json');
    expect(json.code).toBe(1);
    const plan = JSON.parse(json.stdout) as { schemaVersion: number; service: string; changes: number; summary: Record<string, number>; items: Array<{ kind: string; uid: string; action: string; details: string[] }> };
    expect(plan.schemaVersion).toBe(1);
    expect(plan.service).toBe('demo');
    expect(plan.items[0]).toEqual({ kind: 'folder', uid: 'monspec-demo', title: 'Demo', action: 'create', details: [] });
    expect(plan.changes).toBe(plan.items.length);
    expect(plan.summary.create).toBe(plan.items.length);
    const md = await f.run('plan', '--format', 'markdown');
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^## monspec plan: Grafana http:\/\/127\.0\.0\.1:\d+: service demo \(production\)/);
    expect(md.stdout).toMatch(/^- `\+` folder \*\*Demo\*\* \(`monspec-demo`\): create$/m);
  });

  it('refuses a bad token with exit 2 and never prints the token', async () => {
    const f = await fresh();
    const secret = 'glsa_wrong_token_that_must_not_leak';
    const r = await runCliAsync(['plan', '--spec', f.spec], f.spec, { GRAFANA_URL: f.grafana.url, GRAFANA_TOKEN: secret });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refused the token \(HTTP 401/);
    expect(r.stderr + r.stdout).not.toContain(secret);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a 5xx while reading and an unreachable Grafana are exit 2 with the cause, no stack trace', async () => {
    const f = await fresh();
    f.grafana.failRequest('GET /api/dashboards/uid/', 1, 503);
    const r = await f.run('plan');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Grafana answered HTTP 503 to GET \/api\/dashboards\/uid\//);
    const url = f.grafana.url;
    await f.grafana.close();
    fixture = undefined;
    const down = await runCliAsync(['plan', '--spec', f.spec], f.spec, { GRAFANA_URL: url, GRAFANA_TOKEN: 'x' });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain(`Grafana at ${url} did not answer GET /api/folders/monspec-demo: ECONNREFUSED`);
    expect(down.stderr + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses credentials in GRAFANA_URL without printing them (exit 2)', async () => {
    const f = await fresh();
    const r = await runCliAsync(['plan', '--spec', f.spec], f.spec, { GRAFANA_URL: f.grafana.url.replace('http://', 'http://admin:hunter2-secret@'), GRAFANA_TOKEN: f.grafana.token });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unexpected credentials in GRAFANA_URL');
    expect(r.stderr + r.stdout).not.toContain('hunter2-secret');
  });

  it('reads GRAFANA_SERVICE_ACCOUNT_TOKEN too, and without GRAFANA_URL says what to set (exit 2)', async () => {
    const f = await fresh();
    const sa = await runCliAsync(['plan', '--spec', f.spec], f.spec, { GRAFANA_URL: f.grafana.url, GRAFANA_TOKEN: '', GRAFANA_SERVICE_ACCOUNT_TOKEN: f.grafana.token });
    expect(sa.code, sa.stderr).toBe(1);
    const none = await runCliAsync(['plan', '--spec', f.spec], tempDir(), { GRAFANA_URL: '', GRAFANA_TOKEN: '' });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('expected GRAFANA_URL');
  });

  it('skips a dashboard owned by file provisioning and one without the monspec tag, naming the owner', async () => {
    const f = await fresh();
    expect((await f.run('apply', '--yes')).code).toBe(0);
    const [provisionedUid, untaggedUid] = [...f.grafana.dashboards.keys()];
    const provisioned = structuredClone(f.grafana.dashboards.get(provisionedUid as string)?.dashboard ?? {});
    f.grafana.provision({ ...provisioned, title: 'From a file' }, 'monspec-demo', '/etc/grafana/dashboards/demo.json');
    f.grafana.uiEdit(untaggedUid as string, (d) => void (d.tags = ['hand-made']));
    const r = await f.run('plan');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`(${provisionedUid}): owned by file provisioning (/etc/grafana/dashboards/demo.json), skipped`);
    expect(r.stdout).toContain(`(${untaggedUid}): owned by another manager (no "monspec" tag), skipped`);
    const before = f.grafana.dashboards.get(provisionedUid as string)?.dashboard.version;
    const apply = await f.run('apply', '--yes', '--prune');
    expect(apply.code).toBe(0);
    expect(f.grafana.dashboards.get(provisionedUid as string)?.dashboard.version).toBe(before);
    expect(f.grafana.dashboards.get(provisionedUid as string)?.dashboard.title).toBe('From a file');
    expect(f.grafana.dashboards.get(untaggedUid as string)?.dashboard.tags).toEqual(['hand-made']);
  });
});
