import { describe, expect, it } from 'vitest';
import { dashboardChanges } from './dashboard-diff.js';

const panel = (unit: string, level: number) => ({
  id: 3,
  title: 'P99 latency',
  type: 'timeseries',
  fieldConfig: { defaults: { unit, thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'orange', value: level }] } }, overrides: [] },
});
const dashboard = (unit: string, level: number, extra: Record<string, unknown> = {}) => ({ uid: 'd', title: 'Tunnel Health', tags: ['monspec', 'svc'], panels: [panel(unit, level)], ...extra });

describe('dashboardChanges', () => {
  it('says a threshold change in the panel\'s unit, live value first', () => {
    expect(dashboardChanges(dashboard('ms', 500), dashboard('ms', 400))).toEqual([{ panelId: 3, text: 'panel "P99 latency": threshold (orange) 500 ms → 400 ms' }]);
    expect(dashboardChanges(dashboard('percentunit', 0.95), dashboard('percentunit', 0.9))).toEqual([{ panelId: 3, text: 'panel "P99 latency": threshold (orange) 95 % → 90 %' }]);
    expect(dashboardChanges(dashboard('suffix:×', 14.4), dashboard('suffix:×', 6))).toEqual([{ panelId: 3, text: 'panel "P99 latency": threshold (orange) 14.4× → 6×' }]);
  });

  it('ignores what Grafana adds (id, version, tag order, UI defaults) and names other changes by path', () => {
    const live = dashboard('ms', 500, { id: 7, version: 12, tags: ['svc', 'monspec'], weekStart: '', liveNow: false, annotations: { list: [{ builtIn: 1, name: 'Annotations & Alerts' }] } });
    expect(dashboardChanges(live, dashboard('ms', 500, { annotations: {} }))).toEqual([]);
    expect(dashboardChanges(live, dashboard('ms', 500, { annotations: {}, refresh: '30s' }))).toEqual([{ text: 'refresh (none) → "30s"' }]);
    // A default the spec sets itself is compared, not dropped.
    expect(dashboardChanges(live, dashboard('ms', 500, { annotations: {}, liveNow: true }))).toEqual([{ text: 'liveNow false → true' }]);
  });

  it('shows two long texts around their first difference', () => {
    const text = (n: number) => `${'Connections open right now. '.repeat(4)}Bands: ok below ${n}; warning from ${n}.`;
    const [change] = dashboardChanges(dashboard('ms', 500, { description: text(500) }), dashboard('ms', 500, { description: text(400) }));
    expect(change?.text).toMatch(/^description ….*ok below 500; warning from 500\.".* → ….*ok below 400; warning from 400\."$/);
  });

  it('names added and removed panels', () => {
    const two = { ...dashboard('ms', 500), panels: [panel('ms', 500), { ...panel('ms', 1), id: 4, title: 'New' }] };
    expect(dashboardChanges(dashboard('ms', 500), two)).toEqual([{ panelId: 4, text: 'panel "New": added' }]);
    expect(dashboardChanges(two, dashboard('ms', 500))).toEqual([{ panelId: 4, text: 'panel "New": removed' }]);
  });
});
