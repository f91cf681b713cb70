import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALERTMANAGER_SECRET_FILES, exploreUrl, indexModel, runbookUrl, type Artifact, type ResolvedModel } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { demoModel, syntheticModel } from './test-support/specs.js';
import { checkLinks, DocsCheckError, generate, operationsDocs, sitePage, verifyDocs } from './index.js';
import { embeddedModel } from './test-support/embedded.js';
import { generateWithOutputs, otherOutputs } from './test-support/outputs.js';
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
  generated.set(name, { model, artifacts: await generateWithOutputs(model) });
}

describe.each(models)('%s', (name) => {
  const { model, artifacts } = generated.get(name) ?? { model: embeddedModel('production'), artifacts: [] };

  it('writes the setup guide, the metrics catalogue, one runbook per alert name and the site, with a page per dashboard', () => {
    const names = alertNames(model);
    const uids = model.dashboards.map((d) => d.uid);
    const expected = [
      `docs/${model.service.setupGuide}`,
      'docs/architecture.svg',
      'docs/metrics.md',
      ...names.map((n) => `docs/runbooks/${n}.md`),
      'site/architecture.svg',
      'site/index.html',
      'site/metrics.html',
      ...names.map((n) => `site/runbooks/${n}.html`),
      `site/${sitePage(model.service.setupGuide)}`,
      'site/style.css',
      // Each dashboard's page and its preview (the previews generator's, found by role).
      ...uids.flatMap((uid) => [`site/dashboards/${uid}.html`, `site/dashboards/${uid}.svg`]),
    ].sort();
    expect(artifacts.map((a) => a.path)).toEqual(expected);
  });

  it('is deterministic (a copy of the model gives the same bytes)', async () => {
    const again = await generateWithOutputs(structuredClone(model) as ResolvedModel);
    expect(again).not.toBe(artifacts);
    expect(again).toEqual(artifacts);
  });

  it('is remark-lint clean, every link and anchor resolves, and every page is what remark renders from its Markdown', async () => {
    expect(await verifyDocs(artifacts)).toEqual({ lint: [], links: [], pages: [] });
  });

  it('titles the setup guide with the service title', () => {
    expect(get(artifacts, `docs/${model.service.setupGuide}`).startsWith(`# ${model.service.title} monitoring setup\n`)).toBe(true);
  });

  it('warns, where Grafana alerting is deployed, that policies.yaml replaces the whole notification policy tree', () => {
    const guide = get(artifacts, `docs/${model.service.setupGuide}`);
    if (model.service.alerting.engine === 'prometheus') expect(guide).not.toContain('policies.yaml');
    else expect(guide).toContain("replaces the organisation's whole notification policy tree");
  });

  it('lists every spec metric in the setup guide and the catalogue', () => {
    const setup = get(artifacts, `docs/${model.service.setupGuide}`);
    const catalogue = get(artifacts, 'docs/metrics.md');
    for (const m of model.metrics) {
      expect(setup, m.name).toContain(`| \`${m.name}\``);
      expect(catalogue, m.name).toContain(`### \`${m.name}\``);
    }
    for (const r of model.recordingRules) expect(catalogue, r.name).toContain(`| \`${r.name}\` |`);
  });

  it('lists every alert rule in the alerts table with its runbook, and every runbook holds every rule of its name', () => {
    const setup = get(artifacts, `docs/${model.service.setupGuide}`);
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

  it("matches the alerts' runbook_url: <runbookBaseUrl>/<Alert>.html is the published site/runbooks/<Alert>.html", () => {
    for (const name of alertNames(model)) {
      const url = runbookUrl(model, name);
      if (url === undefined) continue;
      const relative = url.slice((model.service.runbookBaseUrl ?? '').length + 1);
      expect(byPath(artifacts).has(`site/runbooks/${relative}`), url).toBe(true);
    }
  });

  it('builds a site with navigation, heading anchors, phone viewport and no remote assets', () => {
    for (const a of artifacts.filter((x) => x.path.endsWith('.html'))) {
      expect(a.content).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(a.content).toMatch(/<nav aria-label="Site">/);
      // The images are the architecture picture and a dashboard page's preview, files of the site itself.
      expect(a.content.replace(/<img src="architecture\.svg" alt="[^"]*">/, '').replace(/<img src="[\w-]+\.svg" alt="[^"]*dashboard preview \(sample data\)">/, '')).not.toMatch(/<script|<img|<iframe|@import|src="/);
      expect(a.content).toMatch(/<link rel="stylesheet" href="(\.\.\/)?style\.css">/);
      expect(a.content).toMatch(/<h1 id="[^"]+">/);
    }
    const setup = get(artifacts, `site/${sitePage(model.service.setupGuide)}`);
    expect(setup).toContain(`<p><img src="architecture.svg" alt="Monitoring architecture of ${model.service.name}"></p>`);
    expect(setup).not.toContain('language-mermaid');
    expect(setup).toMatch(/<h2 id="alerts">Alerts<a class="anchor" aria-hidden="true" tabindex="-1" href="#alerts">#<\/a><\/h2>/);
    expect(setup).toContain(`href="runbooks/${alertNames(model)[0]}.html"`);
    expect(get(artifacts, `site/runbooks/${alertNames(model)[0]}.html`)).toContain(`href="../${sitePage(model.service.setupGuide)}#alerts"`);
    expect(get(artifacts, 'site/style.css')).not.toMatch(/url\(|@import/);
    // Each dashboard's page shows its preview (sample data, said so), its Grafana link and every panel with its queries.
    for (const d of model.dashboards) {
      const page = get(artifacts, `site/dashboards/${d.uid}.html`);
      expect(page).toContain(`<img src="${d.uid}.svg" alt="${d.title.replace(/&/g, '&#x26;')} dashboard preview (sample data)">`);
      expect(get(artifacts, `site/dashboards/${d.uid}.svg`)).toContain('data-role="sample-data"');
      expect(page).toContain(`/d/${d.uid}/`);
      for (const p of d.panels) expect(page).toMatch(new RegExp(`<h3 id="[^"]+">${p.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&#x26;')}<a`));
      expect(page.match(/<pre><code class="language-(promql|logql)">/g)?.length).toBe(d.panels.flatMap((p) => p.queries).length);
    }
    expect(get(artifacts, 'site/index.html')).toContain('<a href="dashboards/');
  });
});

describe('the setup guide is named after the service', () => {
  it('defaults to the service name in capitals; the tunnel keeps the seed\'s TUNNEL_MONITORING_SETUP.md through its spec', async () => {
    const demo = await generateWithOutputs(demoModel());
    expect(demo.map((a) => a.path)).toContain('docs/DEMO_MONITORING_SETUP.md');
    expect(demo.map((a) => a.path)).toContain('site/DEMO_MONITORING_SETUP.html');
    expect(demo.some((a) => a.path.includes('TUNNEL'))).toBe(false);
    expect((await generateWithOutputs(embeddedModel('production'))).map((a) => a.path)).toContain('docs/TUNNEL_MONITORING_SETUP.md');
  });
});

/** The model with nothing that reads Loki: no log sources or patterns, no log alerts, no Loki panels. */
function withoutLoki(model: ResolvedModel): ResolvedModel {
  return {
    ...model,
    logs: { sources: [], patterns: [] },
    alerts: model.alerts.filter((a) => a.datasource !== 'loki'),
    dashboards: model.dashboards.map((d) => ({ ...d, panels: d.panels.filter((p) => p.queries.every((q) => q.datasource !== 'loki')) })),
  };
}

describe('the architecture picture', () => {
  it('draws every component and contact point of the model, and Loki only for a service with logs', async () => {
    const model = embeddedModel('production');
    const svg = get(await generateWithOutputs(model), 'docs/architecture.svg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script|href="(?!#)|xlink|on[a-z]+=/);
    const engine = model.service.alerting.engine;
    const engines = [...(engine !== 'grafana' ? ['Alertmanager'] : []), ...(engine !== 'prometheus' ? ['Grafana alerting'] : [])];
    for (const label of [`${model.service.name} (`, 'Prometheus (', 'Loki (', ...engines, ...model.notifications.contactPoints.map((c) => c.name)]) {
      expect(svg, label).toContain(label);
    }
    if (engine === 'prometheus') expect(svg).not.toContain('Grafana alerting');
    const both = { ...model, service: { ...model.service, alerting: { ...model.service.alerting, engine: 'both' as const } } };
    const bothSvg = get(await generateWithOutputs(both), 'docs/architecture.svg');
    for (const label of ['Alertmanager', 'Grafana alerting']) expect(bothSvg, label).toContain(label);
    const plain = get(await generateWithOutputs(withoutLoki(model)), 'docs/architecture.svg');
    expect(plain).not.toContain('Loki (');
    expect(plain).toContain('Prometheus (');
  });
});

describe('what the service must change, where files go, which versions', () => {
  it('lists every metric with a serviceChange with its type, labels and buckets from the spec', async () => {
    const model = embeddedModel('production');
    const guide = get(await generateWithOutputs(model), 'docs/TUNNEL_MONITORING_SETUP.md');
    const changed = model.metrics.filter((m) => m.serviceChange !== undefined);
    expect(changed.length).toBeGreaterThan(0);
    const section = guide.slice(guide.indexOf('## What the service must change'), guide.indexOf('## Deployment'));
    for (const m of changed) {
      const row = section.split('\n').find((l) => l.startsWith(`| \`${m.name}\` | ${m.type} |`));
      expect(row, m.name).toBeDefined();
      for (const b of m.buckets ?? []) expect(row, `${m.name} bucket ${b}`).toContain(String(b));
    }
    expect(section).toContain('summary');
  });
  it('says where each deployed file goes, and the Loki ruler layout only with log alerts', async () => {
    const model = embeddedModel('production');
    const guide = get(await generateWithOutputs(model), 'docs/TUNNEL_MONITORING_SETUP.md');
    expect(guide).toContain("a directory listed in Prometheus's `rule_files`");
    expect(guide).toContain("Alertmanager's `--config.file`");
    expect(guide).toContain('`<ruler.storage.local.directory>/<tenant>/logs.rules.yml`');
    const grafana = { ...model, service: { ...model.service, alerting: { ...model.service.alerting, engine: 'grafana' as const } } };
    expect(get(await generateWithOutputs(grafana), 'docs/TUNNEL_MONITORING_SETUP.md')).toContain('`policies.yaml` replaces the whole notification policy tree (see Prerequisites)');
    const plain = get(await generateWithOutputs(withoutLoki(model)), 'docs/TUNNEL_MONITORING_SETUP.md');
    expect(plain).not.toContain('ruler.storage.local.directory');
  });

  // The table and checklists list what each file's header says this environment deploys (the
  // descriptors' `deployed`): before, they followed rules of their own and disagreed with the headers.
  it('lists exactly the files whose headers say this environment deploys them', async () => {
    const model = embeddedModel('production');
    const engine = (e: 'grafana' | 'both') => ({ ...model, service: { ...model.service, alerting: { ...model.service.alerting, engine: e, alertmanagerUrl: 'http://alertmanager:9093' } } });
    const section = (guide: string, heading: string) => guide.slice(guide.indexOf(heading), guide.indexOf('\n#', guide.indexOf(heading) + heading.length));
    // Engine both: Grafana forwards to the shared Alertmanager, so its contact points and policies are
    // not deployed (their headers say "Deploy: no"); the Alertmanager data source is.
    const both = get(await generateWithOutputs(engine('both')), 'docs/TUNNEL_MONITORING_SETUP.md');
    expect(both).toContain('| `grafana/provisioning/alerting/rules.yaml` |');
    expect(both).not.toContain('`policies.yaml` replaces the whole notification policy tree');
    expect(both).toContain('`grafana/provisioning/datasources/alertmanager.yaml`');
    // Engine grafana: the recording rules still load into Prometheus (dashboards and SLOs read them).
    const grafana = get(await generateWithOutputs(engine('grafana')), 'docs/TUNNEL_MONITORING_SETUP.md');
    expect(section(grafana, '### Load recording and alerting rules')).toContain('`prometheus/rules/recording.rules.yml` loaded.');
    expect(section(grafana, '### Load recording and alerting rules')).not.toContain('`prometheus/rules/alerts.rules.yml`');
    // Log patterns without a log alert: the Loki ruler still records their line counts.
    const patternsOnly = { ...model, alerts: model.alerts.filter((a) => a.datasource !== 'loki') };
    expect(model.logs.patterns.length).toBeGreaterThan(0);
    expect(get(await generateWithOutputs(patternsOnly), 'docs/TUNNEL_MONITORING_SETUP.md')).toContain('`<ruler.storage.local.directory>/<tenant>/logs.rules.yml`');
  });

  it("sends the rule groups to the ruler service.alerting.ruler selects, not to rule_files as well, and the Loki rules to lokiTenant's folder", async () => {
    const model = embeddedModel('production');
    const alerting = (extra: object) => ({ ...model, service: { ...model.service, alerting: { ...model.service.alerting, ...extra } } });
    const destinations = (guide: string) => guide.slice(guide.indexOf('| Files |'), guide.indexOf('\n\n', guide.indexOf('| Files |')));
    const mimir = destinations(get(await generateWithOutputs(alerting({ ruler: { type: 'mimir', namespace: 'tunnel' } })), 'docs/TUNNEL_MONITORING_SETUP.md'));
    expect(mimir).toContain('| `rulers/mimir/tunnel.yaml` | the Mimir or Cortex ruler: `mimirtool rules load rulers/mimir/tunnel.yaml`');
    expect(mimir).not.toContain('prometheus/rules/');
    const operator = destinations(get(await generateWithOutputs(alerting({ ruler: { type: 'prometheus-operator', namespace: 'monitoring', labels: {} } })), 'docs/TUNNEL_MONITORING_SETUP.md'));
    expect(operator).toContain('`kubectl apply -f rulers/kubernetes/streaming-proxy.prometheusrule.yaml`');
    expect(operator).toContain('`kubectl apply -f rulers/kubernetes/streaming-proxy.alertmanagerconfig.yaml`');
    expect(operator).not.toContain('alertmanager/alertmanager.yml');
    const tenant = destinations(get(await generateWithOutputs(alerting({ lokiTenant: 'tunnel-team' })), 'docs/TUNNEL_MONITORING_SETUP.md'));
    expect(tenant).toContain('| `loki/rules/tunnel-team/logs.rules.yml` | the Loki ruler\'s storage, one folder per tenant: `<ruler.storage.local.directory>/tunnel-team/logs.rules.yml`');
  });

  it('names no generated file when the caller describes none', async () => {
    const guide = get(await generate(embeddedModel('production')), 'docs/TUNNEL_MONITORING_SETUP.md');
    expect(guide).not.toMatch(/grafana\/dashboards\/|prometheus\/rules\/|alertmanager\.yml|loki\/rules\//);
  });
  it('derives the minimum Alertmanager from the secret files the config reads', async () => {
    const model = embeddedModel('production');
    const versionRow = (guide: string) => guide.split('\n').find((l) => l.startsWith('| Alertmanager |')) ?? '';
    const row = versionRow(get(await generateWithOutputs(model), 'docs/TUNNEL_MONITORING_SETUP.md'));
    expect(row).toContain('| 0.25 or later |');
    for (const cp of model.notifications.contactPoints) if (cp.type !== 'email' && cp.secretEnv !== undefined) expect(row, cp.name).toContain(ALERTMANAGER_SECRET_FILES[cp.type].field);
    const webhook = { name: 'hook', type: 'webhook' as const, description: 'A webhook.', addresses: [], channel: undefined, url: undefined, secretEnv: 'HOOK_TOKEN', secretFile: undefined };
    const withWebhook = { ...model, notifications: { ...model.notifications, contactPoints: [...model.notifications.contactPoints, webhook] } };
    expect(versionRow(get(await generateWithOutputs(withWebhook), 'docs/TUNNEL_MONITORING_SETUP.md'))).toContain('`credentials_file`');
  });
});

describe('runbooks state routing and related alerts from the model', () => {
  it('lists who each severity notifies, the inhibition, and the other alerts over the same metrics', async () => {
    const model = embeddedModel('production');
    const runbook = get(await generateWithOutputs(model), 'docs/runbooks/HighErrorRate.md');
    const notifications = runbook.slice(runbook.indexOf('## Notifications'), runbook.indexOf('## Related'));
    const route = model.notifications.routes.find((r) => r.severity === 'warning');
    for (const cp of route?.contactPoints ?? []) expect(notifications).toContain(cp);
    expect(notifications).toContain(`again every ${route?.repeatInterval} while it fires`);
    expect(notifications).toContain('this warning alert is held back (Alertmanager inhibition)');
    expect(runbook).toMatch(/\[RequestSuccessBudgetBurn\]\(RequestSuccessBudgetBurn\.md\) \(critical, warning\) also reads `tunnel_errors_total`/);
  });
  it('a Grafana-only engine states no Alertmanager inhibition or repeat', async () => {
    const model = embeddedModel('production');
    const grafana = { ...model, service: { ...model.service, alerting: { ...model.service.alerting, engine: 'grafana' as const } } };
    const runbook = get(await generateWithOutputs(grafana), 'docs/runbooks/HighErrorRate.md');
    expect(runbook).not.toContain('Alertmanager inhibition');
    expect(runbook).not.toContain('again every');
  });
});

describe('the promtool test count', () => {
  it('is stated only as the count the caller passes (the alerts generator knows it), never the declared tests alone', async () => {
    const model = embeddedModel('production');
    const guide = (options: { promtoolTestCases?: number }) => generateWithOutputs(model, options).then((a) => get(a, 'docs/TUNNEL_MONITORING_SETUP.md'));
    expect(await guide({ promtoolTestCases: 69 })).toContain('fire (and stay quiet) as declared (69 test cases).');
    expect(await guide({})).toContain('fire (and stay quiet) as declared.');
  });
});

describe("Grafana's [smtp] section", () => {
  it('is a prerequisite where Grafana sends the email (from the spec\'s relay), and absent where Alertmanager does', async () => {
    const model = embeddedModel('production');
    if (!model.notifications.smtp) throw new Error('the embedded spec declares an SMTP relay');
    const guide = (engine: 'prometheus' | 'grafana') =>
      generateWithOutputs({ ...model, service: { ...model.service, alerting: { ...model.service.alerting, engine } } }).then((a) => get(a, 'docs/TUNNEL_MONITORING_SETUP.md'));
    const viaGrafana = await guide('grafana');
    expect(viaGrafana).toContain("Grafana's `grafana.ini` has an `[smtp]` section with `enabled = true`, ");
    expect(viaGrafana).toContain(`\`host = ${model.notifications.smtp.smarthost}\``);
    expect(await guide('prometheus')).not.toContain('[smtp]');
  });
});

describe('a pipe in a spec value', () => {
  it('never splits a table row: every value in a table is printed as a cell', async () => {
    const model = embeddedModel('production');
    const piped = { ...model, service: { ...model.service, job: 'stream|proxy', metricsPath: '/a|b' } };
    const artifacts = await generateWithOutputs(piped);
    expect(await verifyDocs(artifacts)).toEqual({ lint: [], links: [], pages: [] });
    const guide = get(artifacts, 'docs/TUNNEL_MONITORING_SETUP.md');
    const row = guide.split('\n').find((l) => l.startsWith('| Metrics endpoint |')) ?? '';
    expect(row).toContain('stream\\|proxy');
    expect(row.split(/(?<!\\)\|/).length).toBe(4);
  });
});

describe('empty sections are left out', () => {
  it('a service without health endpoints or log sources gets neither section, and the docs stay clean', async () => {
    const model = withoutLoki(embeddedModel('production'));
    const artifacts = await generateWithOutputs({ ...model, service: { ...model.service, healthEndpoints: [] } });
    const guide = get(artifacts, 'docs/TUNNEL_MONITORING_SETUP.md');
    expect(guide).not.toContain('Health endpoints');
    expect(guide).not.toContain('## Loki queries');
    expect(guide).not.toContain('declares no log sources');
    expect(await verifyDocs(artifacts)).toEqual({ lint: [], links: [], pages: [] });
  });
});

describe('operationsDocs', () => {
  it('is the production setup guide and runbooks, byte-identical, relative to docs/OPERATIONS/', async () => {
    const model = embeddedModel('production');
    const all = byPath(await generateWithOutputs(model));
    const ops = await operationsDocs(model, { artifacts: otherOutputs(model) });
    expect(ops.map((a) => a.path)).toEqual(['TUNNEL_MONITORING_SETUP.md', 'architecture.svg', ...alertNames(model).map((n) => `runbooks/${n}.md`)].sort());
    for (const a of ops) expect(a.content).toBe(all.get(`docs/${a.path}`));
    expect(await checkLinks(ops)).toEqual([]);
  });

  it('refuses a non-production model when the spec has production', async () => {
    await expect(operationsDocs(embeddedModel('staging'))).rejects.toThrow(/expected "production"/);
  });
});

describe('environment overlays reach the docs', () => {
  it('staging thresholds and Grafana host differ from production', async () => {
    const prod = byPath(await generateWithOutputs(demoModel()));
    const staging = byPath(await generateWithOutputs(demoModel('staging')));
    expect(prod.get('docs/runbooks/DemoHighErrorRate.md')).toContain('> 5 % (`error_rate.critical`)');
    expect(staging.get('docs/runbooks/DemoHighErrorRate.md')).toContain('> 10 % (`error_rate.critical`)');
    expect(staging.get('docs/DEMO_MONITORING_SETUP.md')).toContain('https://grafana-staging.example.com/d/demo-overview/demo-overview');
    expect(staging.get('docs/DEMO_MONITORING_SETUP.md')).not.toContain('https://grafana.example.com/d/');
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

describe('synthetic benchmark spec (the test kit\'s syntheticSpec)', () => {
  it('is remark-lint clean, every link resolves, and every page is what remark renders from its Markdown', async () => {
    expect(await verifyDocs(await generateWithOutputs(syntheticModel(5)))).toEqual({ lint: [], links: [], pages: [] });
  });
});
