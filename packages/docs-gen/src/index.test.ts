import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { exploreUrl, indexModel, runbookUrl, type Artifact, type ResolvedModel } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { demoModel } from './__fixtures__/demo-spec.js';
import { checkLinks, DocsCheckError, generate, operationsDocs, verifyDocs } from './index.js';
import { embeddedModel } from './test-support/embedded.js';
import { TEMPLATES } from './templates/templates.generated.js';

const byPath = (artifacts: readonly Artifact[]) => new Map(artifacts.map((a) => [a.path, a.content]));
const get = (artifacts: readonly Artifact[], path: string): string => {
  const content = byPath(artifacts).get(path);
  if (content === undefined) throw new Error(`no artifact ${path}`);
  return content;
};
const alertNames = (model: ResolvedModel) => [...new Set(model.alerts.map((a) => a.name))].sort();

const models: ReadonlyArray<[string, () => ResolvedModel]> = [
  ['embedded production', () => embeddedModel('production')],
  ['embedded staging', () => embeddedModel('staging')],
  ['demo production', () => demoModel()],
  ['demo staging', () => demoModel('staging')],
];

const generated = new Map<string, { model: ResolvedModel; artifacts: Artifact[] }>();
for (const [name, load] of models) {
  const model = load();
  generated.set(name, { model, artifacts: await generate(model) });
}

describe.each(models)('%s', (name) => {
  const { model, artifacts } = generated.get(name) ?? { model: embeddedModel('production'), artifacts: [] };

  it('writes the setup guide, the metrics catalogue, one runbook per alert name and the site', () => {
    const names = alertNames(model);
    const expected = [
      'docs/TUNNEL_MONITORING_SETUP.md',
      'docs/metrics.md',
      ...names.map((n) => `docs/runbooks/${n}.md`),
      'site/index.html',
      'site/metrics.html',
      ...names.map((n) => `site/runbooks/${n}.html`),
      'site/setup.html',
      'site/style.css',
    ].sort();
    expect(artifacts.map((a) => a.path)).toEqual(expected);
  });

  it('is deterministic (a copy of the model gives the same bytes)', async () => {
    const again = await generate(structuredClone(model) as ResolvedModel);
    expect(again).not.toBe(artifacts);
    expect(again).toEqual(artifacts);
  });

  it('is remark-lint clean, every link and anchor resolves, and every page is what remark renders from its Markdown', async () => {
    expect(await verifyDocs(artifacts)).toEqual({ lint: [], links: [], pages: [] });
  });

  it('titles the setup guide with the service title', () => {
    expect(get(artifacts, 'docs/TUNNEL_MONITORING_SETUP.md').startsWith(`# ${model.service.title} monitoring setup\n`)).toBe(true);
  });

  it('warns, where Grafana alerting is deployed, that policies.yaml replaces the whole notification policy tree', () => {
    const guide = get(artifacts, 'docs/TUNNEL_MONITORING_SETUP.md');
    if (model.service.alerting.engine === 'prometheus') expect(guide).not.toContain('policies.yaml');
    else expect(guide).toContain("replaces the organisation's whole notification policy tree");
  });

  it('lists every spec metric in the setup guide and the catalogue', () => {
    const setup = get(artifacts, 'docs/TUNNEL_MONITORING_SETUP.md');
    const catalogue = get(artifacts, 'docs/metrics.md');
    for (const m of model.metrics) {
      expect(setup, m.name).toContain(`| \`${m.name}\``);
      expect(catalogue, m.name).toContain(`### \`${m.name}\``);
    }
    for (const r of model.recordingRules) expect(catalogue, r.name).toContain(`| \`${r.name}\` |`);
  });

  it('lists every alert rule in the alerts table with its runbook, and every runbook holds every rule of its name', () => {
    const setup = get(artifacts, 'docs/TUNNEL_MONITORING_SETUP.md');
    const alertsSection = setup.slice(setup.indexOf('\n## Alerts\n'), setup.indexOf('\n## Loki queries\n'));
    for (const a of model.alerts) {
      expect(alertsSection, a.id).toContain(`| [${a.name}](runbooks/${a.name}.md) | ${a.severity} |`);
      const runbook = get(artifacts, `docs/runbooks/${a.name}.md`);
      expect(runbook.startsWith(`# ${a.name}\n`)).toBe(true);
      expect(runbook, a.id).toMatch(new RegExp(`^\\| ${a.severity} \\| `, 'm'));
      for (const section of ['Meaning', 'Impact', 'Diagnosis', 'Mitigation', 'Escalation']) expect(runbook).toContain(`\n## ${section}\n`);
    }
  });

  it('takes thresholds and durations from the spec', () => {
    for (const a of model.alerts) {
      const runbook = get(artifacts, `docs/runbooks/${a.name}.md`);
      expect(runbook, a.id).toContain(`${a.for} (`);
      if (a.condition?.threshold) expect(runbook, a.id).toContain(`${a.condition.op} ${a.condition.threshold.display} (\`${a.condition.threshold.name}.${a.condition.threshold.level}\`)`);
    }
  });

  it('gives every diagnosis query a Grafana Explore deeplink and every panel step a panel link', () => {
    const index = indexModel(model);
    for (const name of alertNames(model)) {
      const runbook = get(artifacts, `docs/runbooks/${name}.md`);
      const [first] = index.alerts(name);
      for (const step of first?.runbook.diagnosis ?? []) {
        if (step.query) {
          expect(runbook).toContain(step.query.expr);
          const url = exploreUrl(model, step.query.datasource, step.query.expr);
          const encoded = url.replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
          expect(runbook, step.title).toContain(`[Open in Grafana Explore](${encoded})`);
        }
        if (step.panel) expect(runbook, step.title).toContain(`viewPanel=${index.panel(step.panel)?.panel.id}`);
      }
    }
  });

  it("matches the alerts' runbook_url: <runbookBaseUrl>/<Alert>.md is docs/runbooks/<Alert>.md", () => {
    for (const name of alertNames(model)) {
      const url = runbookUrl(model, name);
      if (url === undefined) continue;
      const relative = url.slice((model.service.runbookBaseUrl ?? '').length + 1);
      expect(byPath(artifacts).has(`docs/runbooks/${relative}`), url).toBe(true);
    }
  });

  it('builds a site with navigation, heading anchors, phone viewport and no remote assets', () => {
    for (const a of artifacts.filter((x) => x.path.endsWith('.html'))) {
      expect(a.content).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(a.content).toMatch(/<nav aria-label="Site">/);
      expect(a.content).not.toMatch(/<script|<img|<iframe|@import|src="/);
      expect(a.content).toMatch(/<link rel="stylesheet" href="(\.\.\/)?style\.css">/);
      expect(a.content).toMatch(/<h1 id="[^"]+">/);
    }
    const setup = get(artifacts, 'site/setup.html');
    expect(setup).toContain('<pre><code class="language-mermaid">flowchart LR');
    expect(setup).toMatch(/<h2 id="alerts">Alerts<a class="anchor" aria-hidden="true" tabindex="-1" href="#alerts">#<\/a><\/h2>/);
    expect(setup).toContain(`href="runbooks/${alertNames(model)[0]}.html"`);
    expect(get(artifacts, `site/runbooks/${alertNames(model)[0]}.html`)).toContain('href="../setup.html#alerts"');
    expect(get(artifacts, 'site/style.css')).not.toMatch(/url\(|@import/);
  });
});

describe('operationsDocs', () => {
  it('is the production setup guide and runbooks, byte-identical, relative to docs/OPERATIONS/', async () => {
    const model = embeddedModel('production');
    const all = byPath(await generate(model));
    const ops = await operationsDocs(model);
    expect(ops.map((a) => a.path)).toEqual(['TUNNEL_MONITORING_SETUP.md', ...alertNames(model).map((n) => `runbooks/${n}.md`)].sort());
    for (const a of ops) expect(a.content).toBe(all.get(`docs/${a.path}`));
    expect(await checkLinks(ops)).toEqual([]);
  });

  it('refuses a non-production model when the spec has production', async () => {
    await expect(operationsDocs(embeddedModel('staging'))).rejects.toThrow(/expected "production"/);
  });
});

describe('environment overlays reach the docs', () => {
  it('staging thresholds and Grafana host differ from production', async () => {
    const prod = byPath(await generate(demoModel()));
    const staging = byPath(await generate(demoModel('staging')));
    expect(prod.get('docs/runbooks/DemoHighErrorRate.md')).toContain('> 5 % (`error_rate.critical`)');
    expect(staging.get('docs/runbooks/DemoHighErrorRate.md')).toContain('> 10 % (`error_rate.critical`)');
    expect(staging.get('docs/TUNNEL_MONITORING_SETUP.md')).toContain('https://grafana-staging.shop.example/d/demo/demo-overview');
    expect(staging.get('docs/TUNNEL_MONITORING_SETUP.md')).not.toContain('https://grafana.shop.example/d/');
  });
});

describe('checkLinks', () => {
  it('reports missing files and anchors in Markdown and HTML, and ignores external links', async () => {
    const broken = await checkLinks([
      { path: 'docs/a.md', content: '# A\n\n## Two words\n\n[ok](#two-words) [ok](b.md#b) [bad](#nope) [bad](c.md) [ext](https://x.example/y)\n' },
      { path: 'docs/b.md', content: '# B\n\n[bad](a.md#missing)\n' },
      { path: 'site/x.html', content: '<h1 id="x">X</h1><a href="#x">ok</a><a href="y.html">bad</a><a href="../docs/a.md#two-words">ok</a>' },
    ]);
    expect(broken).toEqual([
      { from: 'docs/a.md', href: '#nope', reason: 'no anchor #nope in docs/a.md' },
      { from: 'docs/a.md', href: 'c.md', reason: 'no artifact docs/c.md' },
      { from: 'docs/b.md', href: 'a.md#missing', reason: 'no anchor #missing in docs/a.md' },
      { from: 'site/x.html', href: 'y.html', reason: 'no artifact site/y.html' },
    ]);
  });

  it('generate throws with the findings when verification fails', () => {
    const error = new DocsCheckError([{ path: 'docs/a.md', line: 3, column: 1, rule: 'no-literal-urls', message: 'Unexpected' }], [{ from: 'docs/a.md', href: 'x.md', reason: 'no artifact docs/x.md' }]);
    expect(error.message).toContain('docs/a.md:3:1 no-literal-urls: Unexpected');
    expect(error.message).toContain('docs/a.md: x.md: no artifact docs/x.md');
  });
});

describe('templates', () => {
  it('the embedded module is fresh (node scripts/embed-templates.mjs)', async () => {
    const script = fileURLToPath(new URL('../scripts/embed-templates.mjs', import.meta.url));
    const { render } = (await import(script)) as { render: () => string };
    const current = readFileSync(fileURLToPath(new URL('./templates/templates.generated.ts', import.meta.url)), 'utf8');
    expect(current).toBe(render());
  });

  it('hold no logic beyond each/if/with', () => {
    for (const [name, source] of Object.entries(TEMPLATES)) {
      const blocks = [...source.matchAll(/\{\{[#^]\s*(\w+)/g)].map((m) => m[1]);
      for (const b of blocks) expect(['each', 'if', 'with'], `${name}: ${b}`).toContain(b);
    }
  });
});

describe('synthetic benchmark spec (bench/synthetic-spec.mjs)', () => {
  it('is remark-lint clean, every link resolves, and every page is what remark renders from its Markdown', async () => {
    type WriteSyntheticSpec = (dir: string, n: number) => void;
    const modulePath = new URL('../../../bench/synthetic-spec.mjs', import.meta.url).href;
    const { writeSyntheticSpec } = (await import(modulePath)) as { writeSyntheticSpec: WriteSyntheticSpec };
    const dir = mkdtempSync(join(tmpdir(), 'monspec-synthetic-docs-'));
    try {
      writeSyntheticSpec(dir, 5);
      const { model, diagnostics } = compileSpecDir(dir);
      if (!model) throw new Error(diagnostics.map((d) => d.message).join('\n'));
      expect(await verifyDocs(await generate(model))).toEqual({ lint: [], links: [], pages: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
