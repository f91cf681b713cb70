import { describe, expect, it } from 'vitest';
import { buildDashboard } from './dashboard.js';
import { dashboardRange, grafanaQuery, prometheusRequest, relativeMs, type DashboardJson } from './grafana-query.js';
import { demoModel } from './test-support/specs.js';

describe('grafanaQuery (shared by the e2e panel check and monspec preview)', () => {
  const model = demoModel();
  const json = buildDashboard(model, model.dashboards[0] ?? (() => { throw new Error('demo spec has dashboards'); })()) as unknown as DashboardJson;

  it('relative times: now, now-6h and -6h; anything else is an error naming it', () => {
    expect(relativeMs('now')).toBe(0);
    expect(relativeMs('now-6h')).toBe(6 * 3_600_000);
    expect(relativeMs('-15m')).toBe(15 * 60_000);
    expect(() => relativeMs('yesterday')).toThrow('Unexpected time "yesterday", expected now, now-<duration> or -<duration>');
  });

  it('expands every macro over the dashboard range, or over the range the caller gives', () => {
    const now = Date.UTC(2026, 0, 1);
    for (const p of json.panels) {
      for (const t of p.targets ?? []) {
        if (t.datasource.type !== 'prometheus') continue;
        const q = grafanaQuery(json, p, t, model.service.scrapeInterval, now);
        expect(q.expr, `${p.title}/${t.refId}`).not.toMatch(/\$__|\$\{__/);
        expect([q.fromMs, q.toMs]).toEqual([dashboardRange(json, now).fromMs, now]);
        const other = grafanaQuery(json, p, t, model.service.scrapeInterval, now, { fromMs: now - 60_000, toMs: now });
        expect(other.fromMs).toBe(now - 60_000);
        if (t.expr.includes('$__range')) expect(other.expr).toContain('[60s]');
      }
    }
  });
});

describe('prometheusRequest (the API call of a query, for monspec preview and the e2e panel check)', () => {
  it('runs an instant query at its end and a range query over its range with its step, in seconds', () => {
    const range = prometheusRequest({ expr: 'sum(up)', instant: false, fromMs: 1_000_000, toMs: 1_360_000, stepMs: 15_000 });
    expect(range.path).toBe('/api/v1/query_range');
    expect(Object.fromEntries(range.params)).toEqual({ query: 'sum(up)', start: '1000', end: '1360', step: '15' });
    const instant = prometheusRequest({ expr: 'up', instant: true, fromMs: 1_000_000, toMs: 1_360_000, stepMs: 15_000 });
    expect(instant.path).toBe('/api/v1/query');
    expect(Object.fromEntries(instant.params)).toEqual({ query: 'up', time: '1360' });
  });
});
