import { describe, expect, it } from 'vitest';
import { compileSpec } from '../pipeline.js';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { compileSpecDir } from '../node.js';
import { sloDashboardUid, sloPanelKeys } from './slo-dashboard.js';

const TWO_SLOS = `slos:
  availability:
    description: Requests succeed.
    objective: 99.9%
    sli:
      errors: sum(rate(demo_errors_total[$window]))
      total: sum(rate(demo_requests_total[$window]))
    alert: { name: DemoAvailabilityBurn, summary: x, description: x, dashboard: demo-slos/availability_burn_rate }
  quality:
    description: Requests are not 5xx.
    objective: 95%
    window: 7d
    windows:
      - { severity: warning, longWindow: 1h, shortWindow: 5m, burnRate: 2 }
    sli:
      errors: sum(rate(demo_requests_total{code="5xx"}[$window]))
      total: sum(rate(demo_requests_total[$window]))
    alert: { name: DemoQualityBurn, summary: x, description: x, dashboard: demo-slos/quality_budget_remaining }
runbooks:
  DemoAvailabilityBurn:
    meaning: x
    impact: x
    diagnosis:
      - title: How fast the budget burns
        panel: demo-slos/availability_burn_rate
    mitigation: [x]
    escalation: [x]
  DemoQualityBurn:
    meaning: x
    impact: x
    diagnosis:
      - title: What is left of the budget
        panel: demo-slos/quality_budget_remaining
    mitigation: [x]
    escalation: [x]
`;

describe('the generated SLO dashboard', () => {
  it('any spec with SLOs: per SLO a budget-remaining gauge over the SLO window and a burn-rate graph per alert window; alerts and runbooks may point at them', () => {
    const result = compileSpec([...Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text })), { path: 'slos.yaml', text: TWO_SLOS }]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = result.model!;
    const d = model.dashboards.find((x) => x.uid === sloDashboardUid('demo'));
    expect(d?.title).toBe('Demo SLOs');
    for (const slo of model.slos) {
      const keys = sloPanelKeys(slo.name);
      const budget = d?.panels.find((p) => p.key === keys.budgetRemaining);
      const burn = d?.panels.find((p) => p.key === keys.burnRate);
      expect(budget?.title).toBe(`Error budget remaining: ${slo.name}`);
      expect(budget?.unit).toBe('ratio');
      expect(budget?.queries.map((q) => q.expr)).toEqual([`clamp_min(1 - ${slo.ratioRules[slo.window]} / ${slo.errorBudget}, 0)`]);
      // The ratio over the SLO window is a recording rule like the alert windows.
      expect(model.recordingRules.map((r) => r.name)).toContain(slo.ratioRules[slo.window]);
      expect(burn?.title).toBe(`Burn rate: ${slo.name}`);
      expect(burn?.unit).toBe('factor');
      const alertWindows = [...new Set(slo.windows.flatMap((w) => [w.shortWindow, w.longWindow]))];
      for (const w of alertWindows) expect(burn?.queries.map((q) => q.expr)).toContain(`${slo.ratioRules[w]} / ${slo.errorBudget}`);
    }
    expect(model.alerts.find((a) => a.name === 'DemoQualityBurn')?.dashboard).toEqual({ dashboard: 'demo-slos', panel: 'quality_budget_remaining' });
  });

  it('a spec without SLOs gets none; the embedded spec gets streaming-proxy-slos', () => {
    const base = compileSpec(Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text })));
    expect(base.model?.dashboards.map((d) => d.uid)).toEqual(['demo']);
    const { model } = compileSpecDir();
    expect(model?.dashboards.find((d) => d.uid === 'streaming-proxy-slos')?.panels.map((p) => p.key)).toEqual(['request_success_budget_remaining', 'request_success_burn_rate']);
  });

  it('a reference to a panel the SLO dashboard does not have is still an error', () => {
    const result = compileSpec([...Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text })), { path: 'slos.yaml', text: TWO_SLOS.replace('panel: demo-slos/quality_budget_remaining', 'panel: demo-slos/quality_budget') }]);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toContain('Unexpected panel "demo-slos/quality_budget"');
  });
});
