import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UNITS } from '@monspec/metrics-spec';
import { demoModel } from './test-support/specs.js';
import { generate } from './index.js';
import { dashboardsOf, type PanelJson } from './test-support/dashboard-json.js';

const model = demoModel();
const artifacts = generate(model);
const dashboards = dashboardsOf(artifacts);
const overview = dashboards.get('demo-overview')!;
const panel = (title: string): PanelJson => overview.panels.find((p) => p.title === title)!;

describe('generate (demo fixture)', () => {
  it('writes one JSON file per dashboard and the two provisioning files, sorted by path', () => {
    expect(artifacts.map((a) => a.path)).toEqual([
      'grafana/dashboards/demo-errors.json',
      'grafana/dashboards/demo-overview.json',
      'grafana/dashboards/demo-second.json',
      'grafana/dashboards/demo-slos.json',
      'grafana/provisioning/dashboards/monspec.yaml',
      'grafana/provisioning/datasources/monspec.yaml',
    ]);
    for (const a of artifacts) expect(a.content.endsWith('\n')).toBe(true);
    expect(artifacts[0]!.content.startsWith('{\n  "')).toBe(true);
  });

  it('is byte-identical across runs and does not depend on key order', () => {
    expect(generate(demoModel())).toEqual(artifacts);
    const json = artifacts[0]!.content;
    const keys = [...json.matchAll(/^ {2}"(\w+)":/gm)].map((m) => m[1]);
    expect(keys).toEqual([...keys].sort());
  });

  it('maps every panel kind to its Grafana visualisation, with the spec\'s stable ids', () => {
    expect(overview.panels.map((p) => [p.id, p.type])).toEqual(
      model.dashboards[0]!.panels.map((p) => [p.id, p.type]),
    );
    expect(new Set(overview.panels.map((p) => p.type))).toEqual(new Set(['gauge', 'bargauge', 'stat', 'timeseries', 'piechart', 'table', 'logs']));
  });

  it('sets dashboard uid, tags, refresh, time options, read-only (provisioned)', () => {
    expect(overview).toMatchObject({ uid: 'demo-overview', title: 'Demo Overview', tags: ['demo'], refresh: '1m', editable: false, schemaVersion: 42 });
    expect(overview.timepicker.quick_ranges).toEqual([
      { display: 'Last 1 hour', from: 'now-1h', to: 'now' },
      { display: 'Last 24 hours', from: 'now-24h', to: 'now' },
    ]);
  });

  it('references datasources only through datasource variables defaulting to the fixed uids', () => {
    const vars = overview.templating.list;
    expect(vars.filter((v) => v.type === 'datasource').map((v) => [v.name, v.query, v.current?.value])).toEqual([
      ['datasource', 'prometheus', 'monspec-prometheus'],
      ['loki', 'loki', 'monspec-loki'],
    ]);
    for (const p of overview.panels) {
      expect(['${datasource}', '${loki}']).toContain(p.datasource.uid);
      for (const t of p.targets) expect(t.datasource.uid).toBe(p.datasource.uid);
    }
    expect(panel('Error logs').datasource).toEqual({ type: 'loki', uid: '${loki}' });
    // A dashboard without Loki queries gets no Loki variable; one without PromQL no Prometheus one.
    expect(dashboards.get('demo-second')!.templating.list.map((v) => v.name)).toEqual(['loki']);
  });

  it('turns a metric variable into a label_values query with All = .*', () => {
    const tier = overview.templating.list.find((v) => v.name === 'tier')!;
    expect(tier).toMatchObject({ type: 'query', query: 'label_values(demo_requests_total, tier)', multi: true, includeAll: true, allValue: '.*' });
  });

  it('sets units, thresholds and descriptions from the spec', () => {
    for (const p of overview.panels) if (p.type !== 'logs') expect(p.fieldConfig.defaults.unit).toBeTruthy();
    expect(panel('Success rate').fieldConfig.defaults.unit).toBe(UNITS.ratio.grafana);
    expect(panel('Success rate').fieldConfig.defaults.thresholds.steps).toEqual([
      { value: null, color: 'red' },
      { value: 0.95, color: 'yellow' },
      { value: 0.99, color: 'green' },
    ]);
    // A ratio threshold on a percent panel is converted to percent.
    expect(panel('Queue fill').fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 75, 90]);
    // A seconds threshold on a milliseconds panel.
    expect(panel('Latency p95').fieldConfig.defaults.thresholds.steps.map((s) => s.value)).toEqual([null, 500]);
    expect(panel('Connections').description).toContain('Bands: ok below 500; warning from 500; critical from 1000.');
  });

  it('gives gauges a scale that shows every band', () => {
    expect(panel('Connections').fieldConfig.defaults).toMatchObject({ min: 0, max: 1250 });
    expect(panel('Success rate').fieldConfig.defaults).toMatchObject({ min: 0, max: 1 });
    expect(panel('Queue fill').fieldConfig.defaults).toMatchObject({ min: 0, max: 100 });
  });

  it('maps value mappings and shows legends', () => {
    expect(panel('Breaker').fieldConfig.defaults.mappings).toEqual([
      { type: 'value', options: { '0': { text: 'closed', color: 'green', index: 0 }, '1': { text: 'open', color: 'red', index: 1 } } },
    ]);
    for (const p of overview.panels) if (p.type === 'timeseries' || p.type === 'piechart') expect(p.options.legend?.showLegend).toBe(true);
  });

  it('merges multi-query tables into one row per series and names the value columns', () => {
    expect(panel('Top tiers').transformations).toEqual([
      { id: 'merge', options: {} },
      { id: 'organize', options: { excludeByName: { Time: true }, indexByName: {}, renameByName: { 'Value #B': 'errors' } } },
      { id: 'limit', options: { limitField: 5 } },
    ]);
  });

  it('places panels on the 24-column grid without overlap', () => {
    for (const d of dashboards.values()) {
      for (const [i, a] of d.panels.entries()) {
        expect(a.gridPos.x + a.gridPos.w).toBeLessThanOrEqual(24);
        for (const b of d.panels.slice(0, i)) {
          const overlap = a.gridPos.x < b.gridPos.x + b.gridPos.w && b.gridPos.x < a.gridPos.x + a.gridPos.w && a.gridPos.y < b.gridPos.y + b.gridPos.h && b.gridPos.y < a.gridPos.y + a.gridPos.h;
          expect(overlap).toBe(false);
        }
      }
    }
  });

  it('links the dashboards to each other and error panels to the logs', () => {
    // One dropdown of every dashboard tagged with the service: each file stays the same size however many dashboards there are.
    for (const d of [overview, dashboards.get('demo-second')!]) {
      expect(d.links).toEqual([expect.objectContaining({ title: 'Demo dashboards', type: 'dashboards', tags: ['demo'], asDropdown: true })]);
    }
    const links = panel('Errors by tier').links!;
    expect(links.map((l) => l.title)).toEqual(['Error logs (Demo Overview)', 'Error logs in Explore']);
    expect(links[0]!.url).toBe(`/d/demo-overview/demo-overview?viewPanel=${panel('Error logs').id}&\${__url_time_range}`);
    expect(decodeURIComponent(links[1]!.url)).toContain('"expr":"{app=\\"demo\\"} |= \\"error\\""');
    // Explore opens the dashboard's current range on the datasource its variable selects, once Grafana interpolates the link.
    expect(links[1]!.url).toContain('%22range%22%3A%7B%22from%22%3A%22${__from}%22%2C%22to%22%3A%22${__to}%22%7D');
    expect(links[1]!.url).toContain('%22uid%22%3A%22${loki:percentencode}%22');
    expect(links[1]!.url).not.toContain('monspec-loki');
    expect(links[1]!.url).not.toContain('now-');
    // The SDK's placement: inControlsMenu is dropped.
    expect(JSON.stringify(overview)).not.toContain('inControlsMenu');
  });

  it('provisions the dashboards folder and both datasources with fixed uids', () => {
    const provider = parse(artifacts.find((a) => a.path === 'grafana/provisioning/dashboards/monspec.yaml')!.content) as {
      apiVersion: number;
      providers: Array<{ folder: string; type: string; options: { path: string } }>;
    };
    expect(provider.apiVersion).toBe(1);
    expect(provider.providers).toMatchObject([{ folder: 'Demo', type: 'file', options: { path: '/var/lib/grafana/dashboards/demo' } }]);
    const ds = parse(artifacts.find((a) => a.path === 'grafana/provisioning/datasources/monspec.yaml')!.content) as {
      apiVersion: number;
      datasources: Array<{ type: string; uid: string; url: string }>;
    };
    expect(ds.apiVersion).toBe(1);
    expect(ds.datasources.map((d) => [d.type, d.uid])).toEqual([
      ['prometheus', 'monspec-prometheus'],
      ['loki', 'monspec-loki'],
    ]);
    const mounted = generate(model, { dashboardsMountPath: '/etc/dashboards' }).find((a) => a.path.includes('provisioning/dashboards'))!;
    expect(mounted.content).toContain('path: /etc/dashboards');
  });

  it("provisions datasources under monspec's own names, never as the org default (Grafana matches by name)", () => {
    const ds = parse(artifacts.find((a) => a.path === 'grafana/provisioning/datasources/monspec.yaml')!.content) as { datasources: Array<{ name: string; isDefault: boolean }> };
    expect(ds.datasources.map((d) => d.name)).toEqual(['monspec-prometheus', 'monspec-loki']);
    expect(ds.datasources.every((d) => !d.isDefault)).toBe(true);
  });

  it('references an existing datasource by uid without provisioning it (provision: false)', () => {
    const existing = { ...model, service: { ...model.service, datasources: { ...model.service.datasources, prometheus: { uid: 'prom-main', name: 'Prometheus', url: 'http://x:9090', provision: false } } } };
    const out = generate(existing);
    const ds = parse(out.find((a) => a.path === 'grafana/provisioning/datasources/monspec.yaml')!.content) as { datasources: Array<{ uid: string }> };
    expect(ds.datasources.map((d) => d.uid)).toEqual(['monspec-loki']);
    // The dashboards still pick it through the datasource variable, defaulting to its uid.
    expect(dashboardsOf(out).get('demo-overview')!.templating.list.find((v) => v.name === 'datasource')?.current?.value).toBe('prom-main');
  });
});
