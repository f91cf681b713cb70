import { describe, expect, it, vi } from 'vitest';
import type { ResolvedModel, ResolvedPanel } from '@monspec/metrics-spec';
import { renderDashboard, sampleData, type DashboardData } from './index.js';
import { demoModel, elements, panelSvg, tunnelModel } from './test-support/specs.js';

/** What each panel kind must draw: the element that carries its data. */
const DRAWS: Readonly<Record<ResolvedPanel['type'], string>> = {
  timeseries: 'series',
  stat: 'stat-value',
  gauge: 'gauge',
  bargauge: 'bar',
  table: 'cell',
  piechart: 'slice',
  logs: 'log-line',
};

const specs: ReadonlyArray<readonly [string, () => ResolvedModel]> = [
  ['demo spec', () => demoModel()],
  ['embedded tunnel spec', () => tunnelModel()],
];

describe.each(specs)('sample previews of the %s', (_name, load) => {
  const model = load();
  it.each(model.dashboards.map((d) => [d.uid, d] as const))('%s: every panel draws its kind with sample data, marked as sample data', (_uid, dashboard) => {
    const { svg, panels } = renderDashboard(dashboard, sampleData(model, dashboard));
    expect(elements(svg, 'sample-data')).toHaveLength(1);
    expect(svg).toContain('data-source="sample"');
    expect(panels.filter((p) => p.state !== 'ok')).toEqual([]);
    for (const panel of dashboard.panels) {
      const drawn = elements(svg, DRAWS[panel.type], panel.key);
      expect(drawn.length, `${dashboard.uid}/${panel.key} (${panel.type}) draws ${DRAWS[panel.type]}`).toBeGreaterThan(0);
      expect(elements(svg, 'title', panel.key), `${panel.key} has its title`).toHaveLength(1);
      if (panel.description !== '') expect(panelSvg(svg, panel.key)).toContain('data-role="description"');
    }
  });

  it('every panel kind of the schema is drawn by some dashboard of the two specs together', () => {
    const kinds = new Set([...demoModel().dashboards, ...tunnelModel().dashboards].flatMap((d) => d.panels.map((p) => p.type)));
    expect([...kinds].sort()).toEqual(Object.keys(DRAWS).sort());
  });
});

describe('rendering', () => {
  const model = tunnelModel();
  const health = model.dashboards.find((d) => d.uid === 'tunnel-health');
  const internals = model.dashboards.find((d) => d.uid === 'tunnel-internals');
  if (!health || !internals) throw new Error('the tunnel spec has its dashboards');
  const at = Date.UTC(2026, 0, 1);
  const data = (panels: DashboardData['panels']): DashboardData => ({ source: 'prometheus', fromMs: at - 3_600_000, toMs: at, panels });
  const instant = (value: number, labels: Record<string, string> = {}) => ({ labels, points: [[at, value]] as Array<[number, number]> });

  it('is deterministic: the same input gives the same bytes, whatever the clock says', () => {
    const first = renderDashboard(internals, sampleData(model, internals)).svg;
    vi.useFakeTimers({ now: Date.UTC(2031, 5, 6) });
    try {
      expect(renderDashboard(internals, sampleData(model, internals)).svg).toBe(first);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a panel whose queries return nothing is drawn as "No data" and reported', () => {
    const { svg, panels } = renderDashboard(health, data({ error_rate: { kind: 'series', queries: [{ refId: 'A', series: [] }, { refId: 'B', series: [] }] } }));
    expect(panels.find((p) => p.key === 'error_rate')).toEqual({ key: 'error_rate', title: 'Error Rate', state: 'no-data' });
    expect(elements(svg, 'no-data', 'error_rate')).toHaveLength(1);
    expect(panelSvg(svg, 'error_rate')).toContain('>No data<');
    // Panels without data in the input are not queried, not "No data".
    expect(panels.find((p) => p.key === 'active_connections')?.state).toBe('unavailable');
    expect(svg).not.toContain('data-role="sample-data"');
  });

  it('stat and gauge values are coloured by the spec\'s bands and direction (lower is worse: a low success rate is red)', () => {
    const rendered = (v: number) => elements(renderDashboard(health, data({ request_success_rate: { kind: 'series', queries: [{ refId: 'A', series: [instant(v)] }] } })).svg, 'gauge', 'request_success_rate')[0];
    const threshold = health.panels.find((p) => p.key === 'request_success_rate')?.threshold;
    expect(threshold?.direction).toBe('lower_is_worse');
    const critical = threshold?.critical ?? 0;
    const warning = threshold?.warning ?? 0;
    expect(rendered(critical - 0.01)).toMatchObject({ 'data-band': 'critical', 'data-colour': '#F2495C' });
    expect(rendered((critical + warning) / 2)).toMatchObject({ 'data-band': 'warning', 'data-colour': '#FADE2A' });
    expect(rendered(1)).toMatchObject({ 'data-band': 'ok', 'data-colour': '#73BF69' });
  });

  it('value mappings give the stat its text and colour: circuit breaker 1 is "open" in red', () => {
    const svg = renderDashboard(internals, data({ circuit_breaker_state: { kind: 'series', queries: [{ refId: 'A', series: [instant(1, { instance: 'a:1' }), instant(0, { instance: 'b:1' })] }] } })).svg;
    const stats = elements(svg, 'stat-value', 'circuit_breaker_state');
    expect(stats.map((s) => [s['data-series'], s['data-text'], s['data-colour']])).toEqual([
      ['a:1', 'open', '#F2495C'],
      ['b:1', 'closed', '#73BF69'],
    ]);
  });

  it('time series: legend format names the series, threshold lines in their colours, the last value in its band (higher is worse)', () => {
    const series = (tier: string, last: number) => ({ labels: { tier }, points: [[at - 3_600_000, 0.001], [at, last]] as Array<[number, number]> });
    const svg = renderDashboard(health, data({ error_rate: { kind: 'series', queries: [{ refId: 'A', series: [{ labels: {}, points: [[at, 0.2]] }] }, { refId: 'B', series: [series('free', 0.003), series('premium', 0.02)] }] } })).svg;
    expect(elements(svg, 'legend', 'error_rate').length).toBe(3);
    expect(elements(svg, 'series', 'error_rate').map((s) => s['data-series'])).toEqual(['all tiers', 'free', 'premium']);
    expect(elements(svg, 'last-value', 'error_rate').map((s) => s['data-band'])).toEqual(['critical', 'ok', 'warning']);
    expect(elements(svg, 'threshold', 'error_rate').map((t) => [t['data-value'], t['data-colour']])).toEqual([
      ['0.01', 'yellow'],
      ['0.05', 'red'],
    ]);
  });

  it('tables: one row per label set, the value columns named as generated, top-N sorted and cut to the limit', () => {
    const pool = renderDashboard(health, data({ connection_pool_status: { kind: 'series', queries: ['A', 'B', 'C'].map((refId, i) => ({ refId, series: [instant(i + 1, { instance: 'x:1' }), instant(i + 5, { instance: 'y:1' })] })) } })).svg;
    expect(elements(pool, 'column', 'connection_pool_status').length).toBe(4);
    expect(panelSvg(pool, 'connection_pool_status')).toMatch(/>instance<.*>in use<.*>capacity<.*>pending</);
    expect(elements(pool, 'row', 'connection_pool_status')).toHaveLength(2);
    const users = Array.from({ length: 15 }, (_, i) => instant(i, { user: `u${i}` }));
    const top = renderDashboard(internals, data({ user_requests: { kind: 'series', queries: [{ refId: 'A', series: users }] } })).svg;
    const cells = elements(top, 'cell', 'user_requests').map((c) => Number(c['data-value']));
    expect(cells.length).toBeLessThanOrEqual(10);
    expect(cells[0]).toBe(14);
    expect([...cells].sort((a, b) => b - a)).toEqual(cells);
  });
});
