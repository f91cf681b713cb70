import { compileSpec } from '@monspec/metrics-spec';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { describe, expect, it } from 'vitest';
import { fleetEntry } from '../entry.js';
import type { FleetService } from '../service.js';
import { FLEET_CHECKS, runFleetChecks } from './index.js';

const BASE = EXAMPLE_BASE_SPEC['base.yaml'] as string;
/** The demo spec as another service: every name of its own renamed, so the pair is clean. */
const OTHER = BASE.replace(/demo/g, 'other');
const WEBHOOK = (name: string) => `notifications:\n  contactPoints:\n    ${name}: { type: webhook, description: x, url: 'http://127.0.0.1:9/x' }\n  defaultContactPoint: ${name}\n`;

function service(dir: string, files: Record<string, string>): FleetService {
  const result = compileSpec(Object.entries(files).map(([path, text]) => ({ path, text })));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, dir).toEqual([]);
  const model = result.model!;
  return {
    entry: fleetEntry(model, [], 'production', dir, { generator: 'monspec test', build: 'test' }),
    displayDir: dir,
    locate: (p) => {
      const loc = result.locate(p);
      return loc ? { ...loc, file: `${dir}/${loc.file}` } : undefined;
    },
  };
}

function findings(other: Record<string, string>, demo: Record<string, string> = {}) {
  return runFleetChecks([service('svc/demo', { 'base.yaml': BASE, ...demo }), service('svc/other', { 'base.yaml': OTHER, ...other })]).map(
    (d) => `${d.ruleId} ${d.location?.file}:${d.location?.line} ${d.message}`,
  );
}

describe('cross-service checks', () => {
  it('find nothing in two services that share no names', () => {
    expect(findings({ 'n.yaml': WEBHOOK('other-hook') }, { 'n.yaml': WEBHOOK('demo-hook') })).toEqual([]);
  });

  it('every check has an id, a severity and a description', () => {
    for (const c of FLEET_CHECKS) expect([c.id.startsWith('fleet-'), c.severity, c.description.length > 20]).toEqual([true, 'error', true]);
  });

  it('fleet-dashboard-uid: one uid in two services, with both places', () => {
    expect(findings({ 'base.yaml': OTHER.replace('dashboards:\n  other:', 'dashboards:\n  demo:').replace('dashboard: other/errors', 'dashboard: demo/errors') })).toEqual([
      'fleet-dashboard-uid svc/other/base.yaml:59 Unexpected dashboard uid "demo" in other, already used by demo; expected a uid unique in the fleet (Grafana keeps one dashboard per uid) (demo: svc/demo/base.yaml:59:3)',
    ]);
  });

  it('fleet-alert-labels: one alert name with the same labels in two services', () => {
    // Neither spec sets common labels: the team is all that tells their alerts apart.
    const same = OTHER.replace('  team: other-team\n', '  team: demo-team\n');
    expect(findings({ 'base.yaml': same })).toEqual([
      'fleet-alert-labels svc/other/base.yaml:42 Unexpected alert "DemoHighErrorRate" in other with the same labels as demo\'s ({"alertname":"DemoHighErrorRate","severity":"warning","team":"demo-team"}), expected a label that tells them apart (e.g. service in service.alerting.commonLabels) (demo: svc/demo/base.yaml:42:3)',
    ]);
  });

  it('fleet-recording-rule-name: one rule name recorded by two services', () => {
    const extra = 'recordingRules:\n  code:demo_requests:rate5m:\n    expr: sum by (code) (rate(other_requests_total[5m]))\n    description: x\n    unit: requests_per_second\n';
    expect(findings({ 'extra.yaml': extra })).toEqual([
      'fleet-recording-rule-name svc/other/extra.yaml:2 Unexpected recording rule "code:demo_requests:rate5m" in other, already recorded by demo; expected one rule per name in the shared Prometheus (put the service in the name) (demo: svc/demo/base.yaml:33:3)',
    ]);
  });

  it('fleet-receiver-name: one contact point name in two services', () => {
    expect(findings({ 'n.yaml': WEBHOOK('hook') }, { 'n.yaml': WEBHOOK('hook') })).toEqual([
      'fleet-receiver-name svc/other/n.yaml:3 Unexpected receiver "hook" in other, already defined by demo; expected receiver names unique in the fleet (the merged Alertmanager config has one receiver per name) (demo: svc/demo/n.yaml:3:5)',
    ]);
  });

  it('fleet-metric-conflict: one metric with other labels in another service', () => {
    const extra = 'metrics:\n  demo_errors_total:\n    type: counter\n    unit: count\n    help: Errors.\n    meaning: Errors by kind.\n    group: error\n    labels:\n      kind: { description: x, values: [a, b] }\n';
    expect(findings({ 'extra.yaml': extra })).toEqual([
      'fleet-metric-conflict svc/other/extra.yaml:2 Unexpected metric "demo_errors_total" in other as a counter with labels {kind}, expected the counter with labels {} demo declares (one shape per metric name in the fleet) (demo: svc/demo/base.yaml:20:3)',
    ]);
  });
});
