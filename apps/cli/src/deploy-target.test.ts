/**
 * `monspec plan/apply --target NAME`: targets declared per environment in the spec
 * (`environments.<env>.targets`: URLs, org, tenant, folder, and the NAMES of the variables holding
 * credentials), against the Grafana and ruler doubles, through the compiled CLI.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deployFixture, type DeployFixture } from './test-support/deploy-fixture.js';
import { startRulerDouble, type RulerDouble } from './test-support/ruler-double.js';

const MIMIR_SECRET = 'mimir-declared-target-secret';

let fixture: DeployFixture | undefined;
let mimir: RulerDouble | undefined;
afterEach(async () => {
  await fixture?.grafana.close();
  await mimir?.close();
  fixture = undefined;
  mimir = undefined;
});

/** The demo spec whose production environment declares the target `cloud` (the doubles' URLs). */
async function declared(): Promise<{ f: DeployFixture; m: RulerDouble; env: NodeJS.ProcessEnv }> {
  const f = await deployFixture();
  fixture = f;
  const m = await startRulerDouble({ authorization: `Bearer ${MIMIR_SECRET}`, tenant: 'team-a' });
  mimir = m;
  f.editSpec(
    'service.yaml',
    '    default: true\n',
    `    default: true\n    targets:\n      cloud:\n        grafana: { url: "${f.grafana.url}", org: 3, folder: Demo Production, tokenEnv: CLOUD_GRAFANA_TOKEN }\n        mimir: { url: "${m.url}", tenant: team-a, tokenEnv: CLOUD_MIMIR_TOKEN }\n`,
  );
  // The variables of the environment-variable targets point elsewhere: --target must not read them.
  const env = { GRAFANA_URL: 'http://127.0.0.1:9', GRAFANA_TOKEN: 'unused', MIMIR_URL: 'http://127.0.0.1:9', CLOUD_GRAFANA_TOKEN: f.grafana.token, CLOUD_MIMIR_TOKEN: MIMIR_SECRET };
  return { f, m, env };
}

describe('monspec plan/apply --target NAME', () => {
  it('plans and applies to the declared Grafana (its org and folder title) and Mimir (its tenant), credentials from the variables it names', async () => {
    const { f, m, env } = await declared();
    const plan = await f.runEnv(env, 'plan', '--target', 'cloud');
    expect(plan.code, plan.stderr).toBe(1);
    expect(plan.stdout).toContain(`Grafana ${f.grafana.url}: service demo (production)`);
    expect(plan.stdout).toContain('+ folder "Demo Production" (monspec-demo): create');
    expect(plan.stdout).toContain(`Mimir ruler ${m.url} (tenant team-a): namespace monspec-demo`);
    const apply = await f.runEnv(env, 'apply', '--yes', '--target', 'cloud');
    expect(apply.code, apply.stderr).toBe(0);
    expect(f.grafana.folders.get('monspec-demo')?.title).toBe('Demo Production');
    expect(new Set(f.grafana.orgHeaders)).toEqual(new Set(['3']));
    expect(m.groups.get('team-a')?.get('monspec-demo')?.size).toBeGreaterThan(0);
    expect(apply.stdout + apply.stderr).not.toContain(MIMIR_SECRET);
    expect((await f.runEnv(env, 'plan', '--target', 'cloud')).code).toBe(0);
  });

  it('an unknown target, a target of another environment and an unset credential variable are exit 2, naming what was expected', async () => {
    const { f, env } = await declared();
    const unknown = await f.runEnv(env, 'plan', '--target', 'clod');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unexpected target "clod", expected one declared under environments.production.targets: cloud');
    const staging = await f.runEnv(env, 'plan', '--env', 'staging', '--target', 'cloud');
    expect(staging.code).toBe(2);
    expect(staging.stderr).toContain('expected one declared under environments.staging.targets: (none declared)');
    const unset = await f.runEnv({ ...env, CLOUD_MIMIR_TOKEN: '' }, 'plan', '--target', 'cloud');
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('environments.production.targets.cloud.mimir names the environment variable CLOUD_MIMIR_TOKEN, which is not set here');
    const refused = await f.runEnv({ ...env, CLOUD_GRAFANA_TOKEN: 'glsa_wrong_and_secret' }, 'plan', '--target', 'cloud');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('expected a service account token with the Editor role in CLOUD_GRAFANA_TOKEN');
    for (const r of [unknown, staging, unset, refused]) {
      expect(r.stdout + r.stderr).not.toContain('glsa_wrong_and_secret');
      expect(r.stdout + r.stderr).not.toContain(MIMIR_SECRET);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a token value where the spec expects a variable name (exit 1)', async () => {
    const { f, env } = await declared();
    f.editSpec('service.yaml', 'tokenEnv: CLOUD_GRAFANA_TOKEN', 'tokenEnv: glsa_pasted_token');
    const r = await f.runEnv(env, 'plan', '--target', 'cloud');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expected an UPPER_SNAKE_CASE environment variable name');
  });
});
