/**
 * `monspec plan`/`apply` to the Mimir and Loki rulers (one namespace per service, X-Scope-OrgID,
 * credentials from the environment) against the ruler double (test-support/ruler-double.ts, written
 * from Mimir's and Loki's documented ruler API), through the compiled CLI.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SPEC, writeFiles } from '@monspec/test-kit';
import { startRulerDouble, type RulerDouble } from './test-support/ruler-double.js';
import { runCliAsync, tempDir, type CliRun } from './test-support/run-cli.js';

const MIMIR_TOKEN = 'mimir-secret-token-never-printed';
const LOKI_PASSWORD = 'loki-secret-password-never-printed';

interface Rulers {
  readonly spec: string;
  readonly mimir: RulerDouble;
  readonly loki: RulerDouble;
  run(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun>;
}

let rulers: Rulers | undefined;
afterEach(async () => {
  await rulers?.mimir.close();
  await rulers?.loki.close();
  rulers = undefined;
});

/** The demo spec, with `alerting` (YAML flow) as the production environment's service.alerting overlay. */
function demoWith(alerting?: string): Array<{ path: string; content: string }> {
  const overlay = alerting === undefined ? undefined : `  production:\n    description: Production.\n    default: true\n    overlay:\n      service:\n        alerting: ${alerting}\n`;
  const files = DEMO_SPEC.map((f) => ({ path: f.path, content: overlay ? f.text.replace('  production:\n    description: Production.\n    default: true\n', overlay) : f.text }));
  if (overlay) expect(files.map((f) => f.content)).not.toEqual(DEMO_SPEC.map((f) => f.text));
  return files;
}

async function start(alerting?: string): Promise<Rulers> {
  const spec = writeFiles(demoWith(alerting), tempDir('monspec-ruler-'));
  const mimir = await startRulerDouble({ authorization: `Bearer ${MIMIR_TOKEN}`, tenant: 'team-a' });
  const loki = await startRulerDouble({ authorization: `Basic ${Buffer.from(`loki-user:${LOKI_PASSWORD}`).toString('base64')}`, tenant: 'team-a' });
  const base = { GRAFANA_URL: '', MIMIR_URL: mimir.url, MIMIR_TENANT: 'team-a', MIMIR_TOKEN, LOKI_URL: loki.url, LOKI_TENANT: 'team-a', LOKI_USER: 'loki-user', LOKI_PASSWORD };
  rulers = { spec, mimir, loki, run: (env, ...args) => runCliAsync([...args, '--spec', spec], spec, { ...base, ...env }) };
  return rulers;
}

const ns = (d: RulerDouble) => d.groups.get('team-a')?.get('monspec-demo');
const posts = (d: RulerDouble) => d.requests.filter((q) => !q.startsWith('GET '));

async function applied(): Promise<Rulers> {
  const r = await start();
  const first = await r.run({}, 'apply', '--yes');
  expect(first.code, first.stderr + first.stdout).toBe(0);
  return r;
}

describe('monspec plan/apply: Mimir and Loki rulers', () => {
  it('plans every generated group as created in the service\'s namespace, per ruler, and writes nothing', async () => {
    const r = await start();
    const plan = await r.run({}, 'plan');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toContain('Mimir ruler ' + r.mimir.url + ' (tenant team-a): namespace monspec-demo');
    expect(plan.stdout).toContain('Loki ruler ' + r.loki.url + ' (tenant team-a): namespace monspec-demo');
    expect(plan.stdout).toMatch(/\+ rule group "demo\.logs\.recording": create/);
    expect(plan.stdout).toMatch(/\+ rule group "[^"]+": create/);
    const json = JSON.parse((await r.run({}, 'plan', '--format', 'json')).stdout) as { changes: number; rulers: Array<{ ruler: string; namespace: string; action: string }> };
    expect(json.rulers.length).toBeGreaterThan(2);
    expect(json.changes).toBe(json.rulers.length);
    expect(new Set(json.rulers.map((i) => i.ruler))).toEqual(new Set(['Mimir', 'Loki']));
    expect([...posts(r.mimir), ...posts(r.loki)]).toEqual([]);
  });

  it("with service.alerting.ruler mimir, Mimir gets the mimir file's groups in its namespace; with another ruler a Mimir target is refused (exit 2) before anything is written", async () => {
    const r = await start('{ ruler: { type: mimir, namespace: team-tunnel } }');
    const apply = await r.run({}, 'apply', '--yes');
    expect(apply.code, apply.stderr + apply.stdout).toBe(0);
    expect(apply.stdout).toContain('namespace team-tunnel');
    const groups = r.mimir.groups.get('team-a')?.get('team-tunnel');
    expect([...(groups?.keys() ?? [])].length).toBeGreaterThan(1);
    expect(JSON.stringify([...(groups?.values() ?? [])])).toContain('"alert":"DemoHighErrorRate"');
    expect(r.mimir.groups.get('team-a')?.get('monspec-demo')).toBeUndefined();
    await r.mimir.close();
    await r.loki.close();

    const thanos = await start('{ ruler: { type: thanos } }');
    const refused = await thanos.run({}, 'apply', '--yes');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Unexpected a Mimir target with service.alerting.ruler type thanos (environment production)');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect([...posts(thanos.mimir), ...posts(thanos.loki)]).toEqual([]);
  });

  it('first apply posts each group to its ruler and tenant; a second apply and a plan report no changes and write nothing', async () => {
    const r = await applied();
    const mimirGroups = [...(ns(r.mimir)?.keys() ?? [])];
    expect(mimirGroups.length).toBeGreaterThan(1);
    // Mimir gets the Prometheus rules (recording and alerting), Loki the LogQL ones.
    expect(mimirGroups.some((g) => JSON.stringify(ns(r.mimir)?.get(g)).includes('"alert":"DemoHighErrorRate"'))).toBe(true);
    expect([...(ns(r.loki)?.keys() ?? [])]).toContain('demo.logs.recording');
    const before = posts(r.mimir).length + posts(r.loki).length;
    const again = await r.run({}, 'apply', '--yes');
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('Rulers: no changes.');
    expect(posts(r.mimir).length + posts(r.loki).length).toBe(before);
    expect((await r.run({}, 'plan')).code).toBe(0);
  });

  it('a group changed in the ruler (e.g. with mimirtool) plans as the rule\'s change, and apply restores it', async () => {
    const r = await applied();
    const [name, group] = [...(ns(r.mimir)?.entries() ?? [])].find(([, g]) => JSON.stringify(g).includes('DemoHighErrorRate')) ?? [];
    const rule = (group?.rules as Array<Record<string, unknown>>).find((x) => x.alert === 'DemoHighErrorRate');
    if (!rule) throw new Error('no DemoHighErrorRate');
    const spec = rule.for;
    rule.for = '15m';
    const plan = await r.run({}, 'plan');
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(`~ rule group ${JSON.stringify(name)}: update`);
    expect(plan.stdout).toContain(`rule "DemoHighErrorRate": for "15m" → ${JSON.stringify(spec)}`);
    expect((await r.run({}, 'apply', '--yes')).code).toBe(0);
    expect((await r.run({}, 'plan')).code).toBe(0);
  });

  it('--prune deletes only groups of the service\'s namespace that the spec no longer generates', async () => {
    const r = await applied();
    ns(r.mimir)?.set('old-group', { name: 'old-group', rules: [{ record: 'x:y', expr: '1' }] });
    r.mimir.groups.get('team-a')?.set('other-service', new Map([['theirs', { name: 'theirs', rules: [{ record: 'a:b', expr: '1' }] }]]));
    const plan = await r.run({}, 'plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('? rule group "old-group": not in the spec, kept');
    expect(plan.stdout).not.toContain('theirs');
    const apply = await r.run({}, 'apply', '--yes', '--prune');
    expect(apply.code, apply.stderr).toBe(0);
    expect(ns(r.mimir)?.has('old-group')).toBe(false);
    expect(r.mimir.groups.get('team-a')?.get('other-service')?.has('theirs')).toBe(true);
  });

  it('a 5xx in the middle fails with exit 2 and a re-run converges', async () => {
    const r = await start();
    r.mimir.failRequest('POST /prometheus/config/v1/rules/', 2, 500);
    const first = await r.run({}, 'apply', '--yes');
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('Mimir answered HTTP 500 to POST /prometheus/config/v1/rules/monspec-demo');
    const again = await r.run({}, 'apply', '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Rulers: 1 change\(s\)\./);
    expect((await r.run({}, 'plan')).code).toBe(0);
  });

  it('bad credentials, a missing tenant and half-set basic auth are exit 2 and never print the secret', async () => {
    const r = await start();
    const bad = await r.run({ MIMIR_TOKEN: 'wrong-token-also-secret' }, 'plan');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`Mimir at ${r.mimir.url} refused the request (HTTP 401 on GET /prometheus/config/v1/rules/monspec-demo): expected valid credentials in MIMIR_TOKEN or MIMIR_USER/MIMIR_PASSWORD`);
    const noTenant = await r.run({ MIMIR_TENANT: '' }, 'plan');
    expect(noTenant.code).toBe(2);
    expect(noTenant.stderr).toContain('a tenant (MIMIR_TENANT or the target\'s tenant)');
    const half = await r.run({ LOKI_PASSWORD: '' }, 'plan');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('LOKI_PASSWORD is unset: expected both LOKI_USER and LOKI_PASSWORD');
    for (const x of [bad, noTenant, half]) {
      expect(x.stdout + x.stderr).not.toContain(MIMIR_TOKEN);
      expect(x.stdout + x.stderr).not.toContain('wrong-token-also-secret');
      expect(x.stdout + x.stderr).not.toContain(LOKI_PASSWORD);
      expect(x.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
