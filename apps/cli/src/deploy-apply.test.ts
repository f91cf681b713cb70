/**
 * `monspec apply` against the Grafana double (test-support/grafana-double.ts, written from Grafana's
 * documented API; Grafana itself cannot run here), through the compiled CLI: first apply, idempotent
 * second apply, UI drift, a concurrent edit (412), prune, a 5xx in the middle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deployFixture, type DeployFixture } from './test-support/deploy-fixture.js';

let fixture: DeployFixture | undefined;
afterEach(async () => {
  await fixture?.grafana.close();
  fixture = undefined;
});

async function applied(): Promise<DeployFixture> {
  fixture = await deployFixture();
  const first = await fixture.run('apply', '--yes');
  expect(first.code, first.stderr).toBe(0);
  return fixture;
}

type Panel = { id: number; title: string; fieldConfig?: { defaults?: { thresholds?: { steps?: Array<{ value: number | null }> } } } };

/** The demo dashboard panel whose threshold steps hold `value` (the connections threshold's warning level). */
function panelWithStep(f: DeployFixture, value: number): { uid: string; panel: Panel } {
  for (const [uid, d] of f.grafana.dashboards) {
    const panel = ((d.dashboard.panels ?? []) as Panel[]).find((p) => p.fieldConfig?.defaults?.thresholds?.steps?.some((s) => s.value === value));
    if (panel) return { uid, panel };
  }
  throw new Error(`no panel with a threshold step at ${value}`);
}

describe('monspec apply', () => {
  it('creates the folder and every dashboard, marked as monspec\'s, prints deeplinks, and re-plans clean', async () => {
    fixture = await deployFixture();
    const r = await fixture.run('apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(fixture.grafana.folders.get('monspec-demo')?.title).toBe('Demo');
    expect(fixture.grafana.dashboards.size).toBeGreaterThan(1);
    for (const [uid, d] of fixture.grafana.dashboards) {
      expect(d.folderUid).toBe('monspec-demo');
      expect(d.dashboard.tags).toEqual(expect.arrayContaining(['monspec', 'demo']));
      expect(r.stdout).toContain(`${fixture.grafana.url}/d/${uid}/`);
      // A link to every panel it created, by the panel's title.
      for (const p of (d.dashboard.panels ?? []) as Panel[]) expect(r.stdout).toMatch(new RegExp(`${p.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S+/d/${uid}/\\S+viewPanel=${p.id}\\b`));
    }
    expect(r.stdout).toContain('Re-plan: No changes.');
  });

  it('a second apply and a plan report no changes and write nothing (no perpetual diff)', async () => {
    const f = await applied();
    const writes = () => f.grafana.requests.filter((q) => !q.startsWith('GET ')).length;
    const before = writes();
    const again = await f.run('apply', '--yes');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
    expect(writes()).toBe(before);
    expect((await f.run('plan')).code).toBe(0);
  });

  it('a UI save that only adds Grafana\'s frontend defaults is no change', async () => {
    const f = await applied();
    for (const uid of f.grafana.dashboards.keys()) f.grafana.uiEdit(uid, () => undefined);
    const first = [...f.grafana.dashboards.values()][0];
    expect(first?.dashboard.weekStart).toBe('');
    expect(first?.dashboard.version).toBe(2);
    const r = await f.run('plan');
    expect(r.code, r.stdout).toBe(0);
  });

  it('shows a live edit made in the UI as drift, and apply restores the spec', async () => {
    const f = await applied();
    const { uid, panel } = panelWithStep(f, 500);
    f.grafana.uiEdit(uid, (d) => {
      const p = (d.panels as Panel[]).find((x) => x.id === panel.id);
      const step = p?.fieldConfig?.defaults?.thresholds?.steps?.find((s) => s.value === 500);
      if (step) step.value = 750;
    });
    const plan = await f.run('plan');
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(new RegExp(`~ dashboard "[^"]+" \\(${uid}\\): update \\(drift: edited in Grafana by admin since monspec applied it\\)\\n\\s+panel ${JSON.stringify(panel.title)}: threshold \\([^)]+\\) 750 → 500$`, 'm'));
    const r = await f.run('apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(panelWithStep(f, 500).uid).toBe(uid);
    expect(r.stdout).toContain('Re-plan: No changes.');
  });

  it('plans a spec edit as a panel-level change and links the changed panel', async () => {
    const f = await applied();
    const { uid, panel } = panelWithStep(f, 500);
    f.editSpec('metrics.yaml', '    warning: 500\n', '    warning: 400\n');
    const plan = await f.run('plan', '--format', 'json');
    expect(plan.code).toBe(1);
    const items = (JSON.parse(plan.stdout) as { items: Array<{ uid: string; action: string; details: string[] }> }).items;
    const item = items.find((i) => i.uid === uid);
    expect(item?.action).toBe('update');
    // A spec edit is not drift: the live version is the one monspec wrote.
    expect(item).not.toHaveProperty('drift');
    expect(item?.details).toContainEqual(expect.stringMatching(new RegExp(`^panel ${JSON.stringify(panel.title)}: threshold \\([^)]+\\) 500 → 400$`)));
    const r = await f.run('apply', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`viewPanel=${panel.id}`);
    expect(r.stdout).toContain('Re-plan: No changes.');
  });

  it('never overwrites a concurrent edit: 412 version-mismatch is reported, exit 2, and the edit stays', async () => {
    const f = await applied();
    const { uid, panel } = panelWithStep(f, 500);
    f.editSpec('metrics.yaml', '    warning: 500\n', '    warning: 400\n');
    f.grafana.beforeNextSave(() => f.grafana.uiEdit(uid, (d) => void (d.description = 'edited by a person meanwhile')));
    const r = await f.run('apply', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`(${uid}): changed in Grafana since it was planned (412 version-mismatch); not overwritten`);
    expect(f.grafana.dashboards.get(uid)?.dashboard.description).toBe('edited by a person meanwhile');
    expect(panelWithStep(f, 500).panel.id).toBe(panel.id);
  });

  it('reports a title taken in the folder by another dashboard as 412 name-exists, exit 2, and leaves that one alone', async () => {
    fixture = await deployFixture();
    const f = fixture;
    expect((await f.run('apply', '--yes')).code).toBe(0);
    const [uid, stored] = [...f.grafana.dashboards.entries()][0] ?? [];
    f.grafana.dashboards.delete(uid as string);
    f.grafana.dashboards.set('hand-made', { dashboard: { title: stored?.dashboard.title, uid: 'hand-made', tags: [], version: 4 }, folderUid: 'monspec-demo' });
    const r = await f.run('apply', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`(${uid}): another dashboard in the folder has the title ${JSON.stringify(stored?.dashboard.title)} (412 name-exists)`);
    expect(f.grafana.dashboards.get('hand-made')?.dashboard.version).toBe(4);
    expect(f.grafana.dashboards.has(uid as string)).toBe(false);
  });

  it('keeps a monspec dashboard the spec dropped unless --prune, and prunes only this service\'s', async () => {
    const f = await applied();
    const template = structuredClone([...f.grafana.dashboards.values()][0]?.dashboard ?? {});
    // An old dashboard of this service, one of another service, both tagged monspec.
    for (const [uid, tags] of [
      ['demo-old', ['monspec', 'demo']],
      ['other-service', ['monspec', 'other']],
    ] as const) {
      f.grafana.dashboards.set(uid, { dashboard: { ...template, uid, title: uid, tags: [...tags], version: 1 }, folderUid: 'monspec-demo' });
    }
    const plan = await f.run('plan');
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.stdout).toContain('? dashboard "demo-old" (demo-old): not in the spec, kept');
    const prunePlan = await f.run('plan', '--prune');
    expect(prunePlan.code).toBe(1);
    expect(prunePlan.stdout).toContain('- dashboard "demo-old" (demo-old): delete');
    expect(prunePlan.stdout).not.toContain('other-service');
    const r = await f.run('apply', '--yes', '--prune');
    expect(r.code, r.stderr).toBe(0);
    expect(f.grafana.dashboards.has('demo-old')).toBe(false);
    expect(f.grafana.dashboards.has('other-service')).toBe(true);
  });

  it('a 5xx in the middle fails with exit 2 and a re-run converges', async () => {
    fixture = await deployFixture();
    const f = fixture;
    f.grafana.failRequest('POST /api/dashboards/db', 2, 502);
    const r = await f.run('apply', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Grafana answered HTTP 502 to POST /api/dashboards/db');
    expect(r.stdout).toMatch(/Re-plan: 1 change\(s\): 1 to create/);
    const again = await f.run('apply', '--yes');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/1 change\(s\): 1 to create/);
    expect((await f.run('plan')).code).toBe(0);
  });

  it('refuses to apply without --yes when there is no terminal to confirm on (exit 2, nothing written)', async () => {
    fixture = await deployFixture();
    const r = await fixture.run('apply');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --yes');
    expect(fixture.grafana.requests.filter((q) => !q.startsWith('GET '))).toEqual([]);
  });
});
