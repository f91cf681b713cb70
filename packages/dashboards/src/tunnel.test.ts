/**
 * The embedded tunnel spec (packages/metrics-spec/spec): one structural test per requirement of the
 * seed's dashboards (task 18.1–18.3) and of issue 3. Its output's bytes are pinned by generated/
 * (`monspec build --check`); the package's golden files use the demo spec (golden.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { metricsRead, UNITS, type ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { compiledModel } from '@monspec/test-kit';
import { deeplinks, generate, lintDashboards } from './index.js';
import { dashboardsOf, type DashboardJson, type PanelJson } from './test-support/dashboard-json.js';

const compile = (environment: string): ResolvedModel => compiledModel(compileSpecDir, undefined, environment);

const model = compile('production');
const artifacts = generate(model);
const dashboards = dashboardsOf(artifacts);

function dashboard(title: string): DashboardJson {
  const d = [...dashboards.values()].find((x) => x.title === title);
  if (!d) throw new Error(`no dashboard ${title}`);
  return d;
}
function panel(d: DashboardJson, title: string): PanelJson {
  const p = d.panels.find((x) => x.title === title);
  if (!p) throw new Error(`no panel ${title} on ${d.title}`);
  return p;
}
const steps = (p: PanelJson) => p.fieldConfig.defaults.thresholds.steps;

describe('the embedded tunnel spec (production)', () => {
  // Its bytes are pinned once, by generated/ and `monspec build --check`; the goldens use the demo spec.
  it('is byte-identical across runs and compilations', () => {
    expect(generate(compile('production'))).toEqual(artifacts);
  });
});

describe('Tunnel Health (seed 18.1)', () => {
  const d = dashboard('Tunnel Health');

  it('refreshes every 30 s, is tagged tunnel/monitoring/production, shows the last 6 hours', () => {
    expect(d.refresh).toBe('30s');
    expect(d.tags).toEqual(expect.arrayContaining(['tunnel', 'monitoring', 'production']));
    expect(d.time).toEqual({ from: 'now-6h', to: 'now' });
  });

  it('active connections gauge: green < 500, yellow < 1000, red above', () => {
    const p = panel(d, 'Active Connections');
    expect(p.type).toBe('gauge');
    expect(steps(p)).toEqual([
      { value: null, color: 'green' },
      { value: 500, color: 'yellow' },
      { value: 1000, color: 'red' },
    ]);
  });

  it('request success rate gauge: red < 95 %, yellow < 99 %, green above, as a ratio on a percent-unit panel', () => {
    const p = panel(d, 'Request Success Rate');
    expect(p.type).toBe('gauge');
    expect(p.fieldConfig.defaults.unit).toBe('percentunit');
    expect(steps(p)).toEqual([
      { value: null, color: 'red' },
      { value: 0.95, color: 'yellow' },
      { value: 0.99, color: 'green' },
    ]);
  });

  it('average latency and error rate time series, connection pool status table', () => {
    expect(panel(d, 'Average Latency').type).toBe('timeseries');
    expect(panel(d, 'Error Rate').type).toBe('timeseries');
    expect(panel(d, 'Connection Pool Status').type).toBe('table');
  });
});

describe('Performance Metrics (seed 18.2)', () => {
  const d = dashboard('Performance Metrics');

  it('P95 and P99 latency time series from histogram quantiles (recording rules where they exist)', () => {
    for (const title of ['P95 Latency', 'P99 Latency']) {
      const p = panel(d, title);
      expect(p.type).toBe('timeseries');
      for (const t of p.targets) {
        const rule = model.recordingRules.find((r) => t.expr.startsWith(r.name));
        expect(rule?.expr ?? t.expr).toContain('histogram_quantile(');
      }
    }
  });

  it('throughput in bytes/s and request rate in req/s', () => {
    expect(panel(d, 'Throughput').fieldConfig.defaults.unit).toBe(UNITS.bytes_per_second.grafana);
    expect(panel(d, 'Request Rate').fieldConfig.defaults.unit).toBe(UNITS.requests_per_second.grafana);
  });

  it('memory gauge at 256/512 MiB and CPU gauge at 50/80 %', () => {
    const memory = panel(d, 'Memory Usage');
    expect(memory.type).toBe('gauge');
    expect(steps(memory).map((s) => s.value)).toEqual([null, 256 * 1024 ** 2, 512 * 1024 ** 2]);
    const cpu = panel(d, 'CPU Usage');
    expect(cpu.type).toBe('gauge');
    expect(cpu.fieldConfig.defaults.unit).toBe('percentunit');
    expect(steps(cpu).map((s) => s.value)).toEqual([null, 0.5, 0.8]);
  });

  it('has a tier variable that filters every query whose series carry a tier label', () => {
    const tier = d.templating.list.find((v) => v.name === 'tier');
    expect(tier).toMatchObject({ type: 'query', includeAll: true, multi: true });
    expect(lintDashboards(model).filter((f) => f.ruleId === 'dashboard-variable-filter')).toEqual([]);
    const filtered = d.panels.filter((p) => p.targets.some((t) => t.expr.includes('$tier')));
    expect(filtered.map((p) => p.title)).toEqual(expect.arrayContaining(['P95 Latency', 'P99 Latency', 'Throughput', 'Request Rate']));
  });

  it('offers the time ranges 1h, 6h, 24h, 7d', () => {
    expect(d.timepicker.quick_ranges?.map((r) => r.from)).toEqual(['now-1h', 'now-6h', 'now-24h', 'now-7d']);
  });
});

describe('Error Tracking (seed 18.3)', () => {
  const d = dashboard('Error Tracking');

  it('error rate by category pie chart, error count over time, top 10 errors and error rate by user tables', () => {
    expect(panel(d, 'Error Rate by Category').type).toBe('piechart');
    expect(panel(d, 'Error Count over Time').type).toBe('timeseries');
    const top = panel(d, 'Top 10 Errors');
    expect(top.type).toBe('table');
    expect(top.targets[0]!.expr).toMatch(/^topk\(10,/);
    expect(panel(d, 'Error Rate by User').type).toBe('table');
  });

  it('a Loki logs panel with the error logs and a LogQL panel grouping error lines by pattern', () => {
    const logs = d.panels.find((p) => p.type === 'logs');
    expect(logs?.datasource).toEqual({ type: 'loki', uid: '${loki}' });
    const patterns = d.panels.filter((p) => p.type !== 'logs' && p.targets.some((t) => t.datasource.type === 'loki' && /\bby\s*\(/.test(t.expr)));
    expect(patterns.length).toBeGreaterThan(0);
  });

  it('drills down from the error panels to the logs', () => {
    const logs = d.panels.find((p) => p.type === 'logs')!;
    for (const title of ['Error Rate by Category', 'Error Count over Time', 'Top 10 Errors', 'Error Rate by User']) {
      const urls = (panel(d, title).links ?? []).map((l) => l.url);
      expect(urls).toContain(`/d/${d.uid}/error-tracking?viewPanel=${logs.id}&\${__url_time_range}`);
      expect(urls.some((u) => u.startsWith('/explore?'))).toBe(true);
    }
  });
});

describe('every dashboard (issue 3)', () => {
  it('the lint is clean: no errors and no warnings', () => {
    expect(lintDashboards(model)).toEqual([]);
  });

  it('every metric of the spec is on at least one panel (circuit breaker, rate limiter, queue included)', () => {
    const shown = new Set<string>();
    for (const d of dashboards.values()) for (const p of d.panels) for (const t of p.targets) if (t.datasource.type === 'prometheus') for (const m of metricsRead(model, t.expr)) shown.add(m);
    expect(model.metrics.map((m) => m.name).filter((n) => !shown.has(n))).toEqual([]);
    for (const group of ['tunnel_circuit_breaker_state', 'tunnel_rate_limit_violations_total', 'tunnel_queue_size', 'tunnel_queue_fill_percentage', 'tunnel_queue_dropped_total']) expect(shown).toContain(group);
  });

  it('every panel has a title, description, unit (logs aside), datasource variable, stable id and grid position', () => {
    for (const [uid, d] of dashboards) {
      const md = model.dashboards.find((x) => x.uid === uid)!;
      expect(d.panels.map((p) => p.id)).toEqual(md.panels.map((p) => p.id));
      for (const p of d.panels) {
        expect(p.title && p.description).toBeTruthy();
        if (p.type !== 'logs') expect(p.fieldConfig.defaults.unit).toBeTruthy();
        expect(p.datasource.uid).toMatch(/^\$\{(datasource|loki)\}$/);
        expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
      }
    }
  });

  it('links every dashboard to the others through one dropdown of the service tag, which every dashboard carries', () => {
    for (const d of dashboards.values()) {
      expect(d.tags).toContain(model.service.name);
      expect(d.links).toEqual([expect.objectContaining({ type: 'dashboards', tags: [model.service.name], asDropdown: true, keepTime: true, includeVars: true })]);
    }
  });

  it('provisions Prometheus and Loki with fixed uids and the dashboards into the service folder', () => {
    const ds = artifacts.find((a) => a.path === 'grafana/provisioning/datasources/monspec.yaml')!.content;
    expect(ds).toContain(`uid: ${model.service.datasources.prometheus.uid}`);
    expect(ds).toContain(`uid: ${model.service.datasources.loki.uid}`);
    const provider = artifacts.find((a) => a.path === 'grafana/provisioning/dashboards/monspec.yaml')!.content;
    expect(provider).toContain(`folder: ${model.service.grafana.folder}`);
  });

  it('follows the environment (staging: its folder and tags)', () => {
    const staging = compile('staging');
    const out = generate(staging);
    expect(out.find((a) => a.path.endsWith('dashboards/monspec.yaml'))!.content).toContain(`folder: ${staging.service.grafana.folder}`);
    expect(lintDashboards(staging)).toEqual([]);
  });
});

describe('deeplinks', () => {
  const links = deeplinks(model);

  it('one URL per dashboard on the environment\'s Grafana, with time range, refresh and variables', () => {
    expect(links.map((l) => l.uid)).toEqual(model.dashboards.map((d) => d.uid));
    for (const l of links) {
      expect(l.url.startsWith(`${model.service.grafana.url}/d/${l.uid}/`)).toBe(true);
      expect(l.url).toContain('from=now-6h');
      expect(l.url).toContain('refresh=30s');
    }
    expect(links.find((l) => l.title === 'Performance Metrics')!.url).toContain('var-tier=%24__all');
  });

  it('one URL per panel (viewPanel) and an Explore link per query, variables filled in', () => {
    const perf = links.find((l) => l.title === 'Performance Metrics')!;
    for (const p of perf.panels) {
      expect(p.url).toContain(`viewPanel=${p.id}`);
      for (const q of p.queries) {
        expect(q.exploreUrl.startsWith(`${model.service.grafana.url}/explore?`)).toBe(true);
        expect(decodeURIComponent(q.exploreUrl)).not.toContain('$tier');
      }
    }
    const p95 = perf.panels.find((p) => p.title === 'P95 Latency')!;
    expect(decodeURIComponent(p95.queries[0]!.exploreUrl)).toContain('tier=~\\".*\\"');
  });
});
