/**
 * Every panel of the generated dashboards has data on a real Prometheus scraping the simulator:
 * each PromQL target, with Grafana's macros and the dashboard's variables expanded as Grafana expands
 * them (`expandMacros` of @monspec/dashboards), returns series right after a healthy start, with
 * finite values that fit the panel's unit; and each scenario makes the panel its alerts link to worse
 * (higher, or lower where the panel's threshold says lower is worse).
 * Loki targets cannot run (no Loki here): their macros are checked to be ones Loki expands and the
 * expanded LogQL to parse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsupportedMacros } from '@monspec/dashboards';
import { analyzeLogql } from '@monspec/metrics-spec';
import { queryValue } from './support/prom-api.js';
import { portIsFree, waitFor } from './support/processes.js';
import { findBinaries, removeStackDir, startStack, type Stack } from './support/stack.js';
import { grafanaQuery, panelValue, readDashboards, runQuery, unitRange, type DashboardJson, type PanelJson, type QueryResult } from './support/panels.js';
import { EXPECTATIONS } from './scenarios.js';
import { drawn, previewFromStack } from './support/previews.js';

const bins = findBinaries();
if (!bins && process.env.CI) throw new Error('e2e: prometheus and/or alertmanager not found; with CI=true the e2e suite must run (bash scripts/install-tools.sh)');

const put = (url: string) => fetch(url, { method: 'PUT', signal: AbortSignal.timeout(5000) }).then((r) => r.json());

describe.skipIf(!bins).sequential('every dashboard panel has data on real Prometheus', () => {
  let stack: Stack;
  let dashboards: DashboardJson[];

  /** Every Prometheus target of a panel, run now. */
  const runPanel = async (d: DashboardJson, p: PanelJson): Promise<Array<{ refId: string; expr: string; result: QueryResult }>> => {
    const out = [];
    for (const t of p.targets ?? []) {
      if (t.datasource.type !== 'prometheus') continue;
      const q = grafanaQuery(d, p, t, stack.model.service.scrapeInterval, Date.now());
      out.push({ refId: t.refId, expr: q.expr, result: await runQuery(stack.prometheusUrl, q) });
    }
    return out;
  };

  beforeAll(async () => {
    if (!bins) return;
    stack = await startStack(bins);
    dashboards = readDashboards(join(stack.dir, 'out', 'e2e'));
    await waitFor('the simulator scraped and the rules evaluated', async () => ((await queryValue(stack.prometheusUrl, 'job:tunnel_request_errors:ratio_rate5m')) !== undefined ? true : undefined), 30_000);
  });

  afterAll(async () => {
    if (!stack) return;
    await stack.stop();
    for (const port of stack.ports) expect(await portIsFree(port), `port ${port} is free`).toBe(true);
    removeStackDir(stack);
  });

  it('a healthy service right after start: every Prometheus target returns finite values that fit the panel unit', async () => {
    const problems = new Map<string, string>();
    // The first seconds of data may not yet hold two samples in every window: each target gets 30 s.
    await waitFor(
      'every target to have data',
      async () => {
        problems.clear();
        for (const d of dashboards) {
          for (const p of d.panels) {
            const results = await runPanel(d, p);
            const range = unitRange(p.fieldConfig?.defaults?.unit);
            for (const { refId, expr, result } of results) {
              const where = `${d.title} / ${p.title} / ${refId}: ${expr}`;
              const values = result.series.flatMap((s) => s.values);
              const finite = values.filter((v) => Number.isFinite(v));
              if (result.series.length === 0) problems.set(where, 'No data (no series)');
              else if (finite.length === 0) problems.set(where, `no finite value (${values.slice(0, 3).join(', ')})`);
              else if (range && finite.some((v) => v < range[0] || v > range[1])) problems.set(where, `a value outside [${range.join(', ')}] for unit ${p.fieldConfig?.defaults?.unit}: ${finite.find((v) => v < range[0] || v > range[1])}`);
            }
          }
        }
        return problems.size === 0 ? true : undefined;
      },
      30_000,
      2_000,
    ).catch(() => undefined);
    expect([...problems].map(([where, what]) => `${where} → ${what}`)).toEqual([]);
  });

  it('from the first scrape, every declared label combination of counters and histograms is a series (at 0 until used), so no panel waits for a first error', async () => {
    const enumerated = stack.model.metrics.filter((m) => m.origin === 'service' && (m.type === 'counter' || m.type === 'histogram') && m.labels.length > 0 && m.labels.every((l) => l.values && l.values.length > 0));
    expect(enumerated.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const m of enumerated) {
      const series = m.type === 'histogram' ? `${m.name}_count` : m.name;
      const expected = m.labels.reduce((n, l) => n * (l.values?.length ?? 0), 1);
      const count = await queryValue(stack.prometheusUrl, `count(${series}{job="${stack.model.service.job}"})`);
      if (count !== expected) missing.push(`${series}: ${count ?? 0} series, expected ${expected}`);
    }
    expect(missing).toEqual([]);
  });

  it('Loki targets use only macros Loki expands, and parse as LogQL once expanded', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const d of dashboards) {
      for (const p of d.panels) {
        for (const t of p.targets ?? []) {
          if (t.datasource.type !== 'loki') continue;
          checked++;
          const unsupported = unsupportedMacros(t.expr, 'loki');
          if (unsupported.length > 0) problems.push(`${d.title} / ${p.title}: Loki does not expand ${unsupported.map((m) => `$${m}`).join(', ')}`);
          const q = grafanaQuery(d, p, t, stack.model.service.scrapeInterval, Date.now());
          for (const e of analyzeLogql(q.expr).syntaxErrors) problems.push(`${d.title} / ${p.title}: ${e.message} in ${q.expr}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  for (const expectation of EXPECTATIONS) {
    it(`${expectation.scenario}: the panels its alerts link to move`, async () => {
      const panels = stack.model.alerts
        .filter((a) => a.name in expectation.alerts)
        .map((a) => {
          const d = dashboards.find((x) => x.uid === a.dashboard.dashboard);
          const mp = stack.model.dashboards.find((x) => x.uid === a.dashboard.dashboard)?.panels.find((x) => x.key === a.dashboard.panel);
          const p = d?.panels.find((x) => x.id === mp?.id);
          if (!d || !p || !mp) throw new Error(`alert ${a.id} links to ${a.dashboard.dashboard}/${a.dashboard.panel}, which is not a generated panel`);
          // Worse is up unless the panel's threshold says lower is worse (a success rate).
          return { d, p, sign: mp.threshold?.direction === 'lower_is_worse' ? -1 : 1 };
        });
      expect(panels.length).toBeGreaterThan(0);
      // Measured just before the scenario: the previous scenario's windows may still be draining.
      const before = new Map<PanelJson, number | undefined>();
      for (const { d, p } of panels) before.set(p, panelValue((await runPanel(d, p)).map((r) => r.result)));
      const state = (await put(`${stack.simulatorUrl}/api/tunnel/simulator/scenario/${expectation.scenario}`)) as { scenario?: string };
      expect(state.scenario).toBe(expectation.scenario);
      try {
        for (const { d, p, sign } of panels) {
          const base = before.get(p);
          expect(base, `${p.title} had a value before ${expectation.scenario}`).toBeDefined();
          const from = base ?? 0;
          await waitFor(
            `${d.title} / ${p.title} to get worse than ${from} in ${expectation.scenario}`,
            async () => {
              const now = panelValue((await runPanel(d, p)).map((r) => r.result));
              return now !== undefined && sign * (now - from) > Math.max(0.02 * Math.abs(from), 1e-9) ? true : undefined;
            },
            45_000,
            1_000,
          );
        }
      } finally {
        await put(`${stack.simulatorUrl}/api/tunnel/simulator/scenario/healthy`);
      }
    });
  }

  it('monspec preview --prometheus shows the failure: Error Rate red above its threshold in error-spike, the circuit breaker open in circuit-breaker-open (read from the rendered SVG)', async () => {
    const critical = stack.model.thresholds.find((t) => t.name === 'error_rate')?.critical ?? Number.NaN;
    try {
      await put(`${stack.simulatorUrl}/api/tunnel/simulator/scenario/error-spike`);
      await waitFor('the error ratio above its critical level', async () => ((await queryValue(stack.prometheusUrl, 'job:tunnel_request_errors:ratio_rate5m')) ?? 0) > critical || undefined, 60_000);
      const spike = await previewFromStack(stack, join(stack.dir, 'previews-error-spike'));
      expect(spike.code, `${spike.stdout}${spike.stderr}`).toBe(0);
      const all = drawn(join(stack.dir, 'previews-error-spike', 'tunnel-health.svg'), 'error_rate', 'last-value');
      const line = drawn(join(stack.dir, 'previews-error-spike', 'tunnel-health.svg'), 'error_rate', 'series').map((s) => s['data-series']);
      expect(line).toContain('all tiers');
      // The "all tiers" series is the first one drawn (query A); its last point is in the critical band, drawn red.
      expect(all[0]).toMatchObject({ 'data-band': 'critical', 'data-colour': '#F2495C', fill: '#F2495C' });
      expect(Number(all[0]?.['data-value'])).toBeGreaterThan(critical);

      await put(`${stack.simulatorUrl}/api/tunnel/simulator/scenario/circuit-breaker-open`);
      await waitFor('the breaker open', async () => (await queryValue(stack.prometheusUrl, 'max(tunnel_circuit_breaker_state)')) === 1 || undefined, 60_000);
      const open = await previewFromStack(stack, join(stack.dir, 'previews-breaker-open'));
      expect(open.code, `${open.stdout}${open.stderr}`).toBe(0);
      const states = drawn(join(stack.dir, 'previews-breaker-open', 'tunnel-internals.svg'), 'circuit_breaker_state', 'stat-value');
      expect(states.length).toBeGreaterThan(0);
      expect(states.some((s) => s['data-text'] === 'open' && s['data-colour'] === '#F2495C')).toBe(true);
      const svg = readFileSync(join(stack.dir, 'previews-breaker-open', 'tunnel-internals.svg'), 'utf8');
      expect(svg).toContain('data-source="prometheus"');
      expect(svg).not.toContain('data-role="sample-data"');
    } finally {
      await put(`${stack.simulatorUrl}/api/tunnel/simulator/scenario/healthy`);
    }
  }, 180_000);
});
