/**
 * The labels the docs promise on every alert: `team` (the service's owner) always, and
 * `environment` on the alerts of every non-default environment; authored commonLabels win.
 */
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../pipeline.js';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';

const ENVIRONMENTS = `environments:
  production: { description: x, default: true }
  staging:
    description: x
    overlay:
      thresholds:
        error_rate: { critical: 10% }
`;

function compile(environment: string | undefined, extra = ENVIRONMENTS) {
  const files = [...Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text })), { path: 'environments.yaml', text: extra }];
  const r = compileSpec(files, environment === undefined ? {} : { environment });
  if (!r.model) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.model;
}

describe('labels on every alert', () => {
  it('team on every alert, including SLO and default-environment alerts, with no commonLabels declared', () => {
    const model = compile('production');
    expect(model.alerts.length).toBeGreaterThan(0);
    for (const a of model.alerts) {
      expect(a.labels['team'], a.id).toBe(model.service.team);
      expect(a.labels['environment'], a.id).toBeUndefined();
    }
  });

  it('environment on every alert of a non-default environment', () => {
    const model = compile('staging');
    for (const a of model.alerts) expect(a.labels['environment'], a.id).toBe('staging');
  });

  it('authored commonLabels override the implied ones', () => {
    const model = compile('staging', `${ENVIRONMENTS}      service:\n        alerting:\n          commonLabels: { environment: stg, team: sre }\n`);
    for (const a of model.alerts) expect([a.labels['environment'], a.labels['team']]).toEqual(['stg', 'sre']);
  });
});
