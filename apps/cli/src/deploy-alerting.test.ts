/**
 * `monspec plan`/`apply` of Grafana alerting (contact points, the service's notification policy
 * route, alert rule groups) through the provisioning API, against the Grafana double
 * (test-support/grafana-alerting-double.ts, written from Grafana's documented API; Grafana itself
 * cannot run here), through the compiled CLI. The demo spec with alerting engine `grafana` and a
 * Slack contact point whose webhook URL is a secret from the environment.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deployFixture, type DeployFixture } from './test-support/deploy-fixture.js';

const SECRET = 'https://hooks.slack.example.com/services/T0/B0/very-secret-webhook';
const ENV = { DEMO_SLACK_URL: SECRET };

let fixture: DeployFixture | undefined;
afterEach(async () => {
  await fixture?.grafana.close();
  fixture = undefined;
});

async function grafanaEngine(): Promise<DeployFixture> {
  const f = await deployFixture();
  fixture = f;
  f.editSpec('service.yaml', '    folder: Demo\n', '    folder: Demo\n  alerting:\n    engine: grafana\n');
  f.editSpec(
    'alerts.yaml',
    '  contactPoints:\n',
    '  contactPoints:\n    team-slack:\n      type: slack\n      description: The team channel.\n      channel: "#demo"\n      secret: { env: DEMO_SLACK_URL }\n',
  );
  f.editSpec('alerts.yaml', 'contactPoints: [demo-email]', 'contactPoints: [demo-email, team-slack]');
  return f;
}

async function applied(): Promise<DeployFixture> {
  const f = await grafanaEngine();
  const r = await f.runEnv(ENV, 'apply', '--yes');
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return f;
}

const writes = (f: DeployFixture) => f.grafana.requests.filter((q) => !q.startsWith('GET '));

describe('monspec plan/apply: Grafana alerting through the provisioning API', () => {
  it('plans contact points, the service route and the rule group at the spec level, without printing the secret', async () => {
    const f = await grafanaEngine();
    const r = await f.runEnv(ENV, 'plan');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\+ contact point "team-slack" \(monspec-demo-team-slack\): create/);
    expect(r.stdout).toMatch(/\+ contact point "demo-email" \(monspec-demo-demo-email\): create/);
    expect(r.stdout).toMatch(/\+ notification policy "service route" \(team="demo-team"\): create/);
    expect(r.stdout).toMatch(/\+ rule group "demo" \(monspec-demo\/demo\): create/);
    expect(r.stdout).toContain('alert "DemoHighErrorRate": created');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(writes(f)).toEqual([]);
  });

  it('first apply writes in dependency order, every write with X-Disable-Provenance, the secret resolved from the environment, and re-plans clean', async () => {
    const f = await grafanaEngine();
    const r = await f.runEnv(ENV, 'apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout).toContain('Re-plan: No changes.');
    const order = writes(f).map((w) => w.replace(/\/folder\/[^/]+\/rule-groups\/.*/, '/rule-groups').replace(/\/api\/dashboards\/db/, '/dashboards'));
    const first = (p: string) => order.findIndex((w) => w.includes(p));
    expect(first('POST /api/folders')).toBe(0);
    expect(first('/contact-points')).toBeLessThan(first('/policies'));
    expect(first('/policies')).toBeLessThan(first('/rule-groups'));
    const { alerting } = f.grafana;
    expect(alerting.provenanceHeaders.length).toBeGreaterThan(3);
    expect(alerting.provenanceHeaders.every((h) => h === 'true')).toBe(true);
    expect(alerting.contactPoints.get('monspec-demo-team-slack')?.settings.url).toBe(SECRET);
    expect([...alerting.contactPoints.values()].every((c) => c.provenance === '')).toBe(true);
    const rules = [...alerting.rules.values()];
    expect(rules.length).toBeGreaterThan(1);
    expect(rules.every((x) => x.folderUID === 'monspec-demo' && x.ruleGroup === 'demo' && x.provenance === '')).toBe(true);
    const high = rules.find((x) => x.title === 'DemoHighErrorRate');
    expect(high?.annotations).toMatchObject({ __dashboardUid__: 'demo-errors' });
    // A deeplink to every alert it created.
    expect(r.stdout).toContain(`alert "DemoHighErrorRate": ${f.grafana.url}/alerting/grafana/${String(high?.uid)}/view`);
  });

  it('a second apply and a plan report no changes and write nothing (Grafana\'s added fields and redacted secrets are no diff)', async () => {
    const f = await applied();
    const before = writes(f).length;
    const again = await f.runEnv(ENV, 'apply', '--yes');
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('No changes.');
    expect(writes(f).length).toBe(before);
    expect((await f.runEnv(ENV, 'plan')).code).toBe(0);
  });

  it('an edit in the alerting UI plans as a spec-level change (live → spec), and apply restores the spec', async () => {
    const f = await applied();
    const high = [...f.grafana.alerting.rules.values()].find((x) => x.title === 'DemoHighErrorRate');
    f.grafana.uiEditRule(String(high?.uid), (rule) => void (rule.for = '10m'));
    const plan = await f.runEnv(ENV, 'plan');
    expect(plan.code, plan.stdout).toBe(1);
    expect(plan.stdout).toMatch(/~ rule group "demo" \(monspec-demo\/demo\): update/);
    expect(plan.stdout).toContain('alert "DemoHighErrorRate": for "10m" → "5m"');
    const r = await f.runEnv(ENV, 'apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(f.grafana.alerting.rules.get(String(high?.uid))?.for).toBe('5m');
    expect((await f.runEnv(ENV, 'plan')).code).toBe(0);
  });

  it('a spec change shows as the alert\'s change: for 5m → 10m', async () => {
    const f = await applied();
    f.editSpec('alerts.yaml', '    for: 5m\n', '    for: 10m\n');
    const plan = await f.runEnv(ENV, 'plan');
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('alert "DemoHighErrorRate": for "5m" → "10m"');
    expect(plan.stdout).toMatch(/1 change\(s\): 0 to create, 1 to update/);
  });

  it('leaves sibling policy routes and the root\'s settings untouched, and replaces only the service\'s route', async () => {
    const f = await grafanaEngine();
    const sibling = { receiver: 'grafana-default-email', object_matchers: [['team', '=', 'payments']], group_wait: '1m' };
    f.grafana.alerting.policies.tree = { receiver: 'grafana-default-email', group_by: ['cluster'], repeat_interval: '12h', routes: [sibling] };
    expect((await f.runEnv(ENV, 'apply', '--yes')).code).toBe(0);
    const tree = f.grafana.alerting.policies.tree as { receiver: string; group_by: string[]; repeat_interval: string; routes: Array<Record<string, unknown>> };
    expect(tree.receiver).toBe('grafana-default-email');
    expect(tree.group_by).toEqual(['cluster']);
    expect(tree.repeat_interval).toBe('12h');
    expect(tree.routes[0]).toEqual(sibling);
    expect(tree.routes).toHaveLength(2);
    expect(tree.routes[1]).toMatchObject({ receiver: 'demo-email', object_matchers: [['team', '=', 'demo-team']] });
    // An edit of our route in the UI is a change of ours; a new sibling is not.
    (tree.routes[1] as { receiver: string }).receiver = 'grafana-default-email';
    tree.routes.push({ receiver: 'grafana-default-email', object_matchers: [['team', '=', 'search']] });
    const plan = await f.runEnv(ENV, 'plan');
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('receiver "grafana-default-email" → "demo-email"');
    expect((await f.runEnv(ENV, 'apply', '--yes')).code).toBe(0);
    const after = f.grafana.alerting.policies.tree as typeof tree;
    expect(after.routes.map((x) => x.object_matchers)).toEqual([[['team', '=', 'payments']], [['team', '=', 'demo-team']], [['team', '=', 'search']]]);
    expect(after.routes[1]?.receiver).toBe('demo-email');
  });

  it('skips contact points and rule groups owned by file provisioning, and a file-provisioned policy tree, writing none of them', async () => {
    const f = await grafanaEngine();
    f.grafana.folders.set('monspec-demo', { uid: 'monspec-demo', title: 'Demo', id: 99, version: 1 });
    f.grafana.provisionContactPoint({ uid: 'monspec-demo-demo-email', name: 'demo-email', type: 'email', settings: { addresses: 'ops@example.com' }, disableResolveMessage: false });
    f.grafana.provisionRuleGroup('monspec-demo', 'demo', [{ uid: 'from-a-file', title: 'FromAFile', condition: 'A', data: [], for: '1m' }]);
    f.grafana.alerting.policies.provenance = 'file';
    const plan = await f.runEnv(ENV, 'plan', '--prune');
    expect(plan.stdout).toContain('contact point "demo-email" (monspec-demo-demo-email): owned by file provisioning, skipped');
    expect(plan.stdout).toContain('rule group "demo" (monspec-demo/demo): owned by file provisioning, skipped');
    expect(plan.stdout).toContain('notification policy "service route" (team="demo-team"): owned by file provisioning, skipped');
    const r = await f.runEnv(ENV, 'apply', '--yes', '--prune');
    expect(r.code, r.stderr).toBe(0);
    expect(f.grafana.alerting.contactPoints.get('monspec-demo-demo-email')?.settings.addresses).toBe('ops@example.com');
    expect([...f.grafana.alerting.rules.keys()]).toEqual(['from-a-file']);
    expect(f.grafana.alerting.policies.tree.routes).toBeUndefined();
    expect(f.grafana.requests.filter((q) => !q.startsWith('GET ') && /demo-email|rule-groups|policies/.test(q))).toEqual([]);
  });

  it('--prune deletes only monspec-owned rule groups and contact points the spec no longer generates', async () => {
    const f = await applied();
    const { alerting } = f.grafana;
    // Another service's contact point, a hand-made one, and an old group of ours.
    alerting.contactPoints.set('monspec-other-pager', { uid: 'monspec-other-pager', name: 'pager', type: 'email', settings: {}, disableResolveMessage: false, provenance: '' });
    alerting.contactPoints.set('hand-made', { uid: 'hand-made', name: 'hand-made', type: 'email', settings: {}, disableResolveMessage: false, provenance: '' });
    const template = [...alerting.rules.values()][0] ?? {};
    alerting.rules.set('old-rule', { ...template, uid: 'old-rule', title: 'OldRule', ruleGroup: 'demo-old' });
    // The spec drops the Slack contact point.
    f.editSpec('alerts.yaml', 'contactPoints: [demo-email, team-slack]', 'contactPoints: [demo-email]');
    f.editSpec('alerts.yaml', '    team-slack:\n      type: slack\n      description: The team channel.\n      channel: "#demo"\n      secret: { env: DEMO_SLACK_URL }\n', '');
    const plan = await f.runEnv(ENV, 'plan');
    expect(plan.stdout).toContain('? contact point "team-slack" (monspec-demo-team-slack): not in the spec, kept');
    expect(plan.stdout).toContain('? rule group "demo-old" (monspec-demo/demo-old): not in the spec, kept');
    const r = await f.runEnv(ENV, 'apply', '--yes', '--prune');
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(alerting.contactPoints.has('monspec-demo-team-slack')).toBe(false);
    expect(alerting.rules.has('old-rule')).toBe(false);
    expect(alerting.contactPoints.has('monspec-other-pager')).toBe(true);
    expect(alerting.contactPoints.has('hand-made')).toBe(true);
    expect((await f.runEnv(ENV, 'plan', '--prune')).code).toBe(0);
  });

  it('a 5xx in the middle fails with exit 2 and a re-run converges', async () => {
    const f = await grafanaEngine();
    f.grafana.failRequest('PUT /api/v1/provisioning/policies', 1, 502);
    const r = await f.runEnv(ENV, 'apply', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Grafana answered HTTP 502 to PUT /api/v1/provisioning/policies');
    const again = await f.runEnv(ENV, 'apply', '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/notification policy "service route" \(team="demo-team"\): create/);
    expect(again.stdout).toMatch(/contact point "team-slack" \(monspec-demo-team-slack\): unchanged/);
    expect((await f.runEnv(ENV, 'plan')).code).toBe(0);
  });

  it('apply without the secret\'s variable is exit 2 naming it, with nothing written', async () => {
    const f = await grafanaEngine();
    const r = await f.runEnv({ DEMO_SLACK_URL: '' }, 'apply', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('contact point "team-slack": settings.url needs the environment variable DEMO_SLACK_URL');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(writes(f)).toEqual([]);
  });

  it('deploys only what the engine deploys: nothing of alerting with engine prometheus, rule groups only with engine both', async () => {
    const f = await deployFixture();
    fixture = f;
    const prometheus = await f.run('plan');
    expect(prometheus.stdout).not.toMatch(/contact point|notification policy|rule group/);
    expect(f.grafana.requests.filter((q) => q.includes('/api/v1/provisioning/'))).toEqual([]);
    f.editSpec('service.yaml', '    folder: Demo\n', '    folder: Demo\n  alerting:\n    engine: both\n    alertmanagerUrl: http://alertmanager:9093\n');
    const both = await f.run('plan');
    expect(both.stdout, both.stderr).toMatch(/\+ rule group "demo" \(monspec-demo\/demo\): create/);
    expect(both.stdout).not.toMatch(/contact point|notification policy/);
  });

  it('a changed secret in Grafana (readable, not redacted) shows as "(secret) differs", never its value', async () => {
    const f = await applied();
    const cp = f.grafana.alerting.contactPoints.get('monspec-demo-team-slack');
    if (!cp) throw new Error('no contact point');
    // A Grafana whose slack url is not secure (an older notifier): the value is readable.
    cp.type = 'slack-insecure';
    cp.settings.url = 'https://hooks.slack.example.com/services/other';
    const plan = await f.runEnv(ENV, 'plan');
    expect(plan.stdout).toContain('settings.url: (secret) differs from the spec\'s');
    expect(plan.stdout).not.toContain(SECRET);
    expect(plan.stdout).not.toContain('services/other');
  });
});
