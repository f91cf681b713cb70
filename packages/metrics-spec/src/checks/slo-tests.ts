import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { simpleSli } from '../simple-sli.js';

const SLO = (sli: string, tests = '') =>
  `slos:\n  requests:\n    description: x\n    objective: 99%\n    sli:\n${sli}    alert:\n      name: DemoBudgetBurn\n      summary: x\n      dashboard: demo/errors\n${tests}runbooks:\n  DemoBudgetBurn: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n`;

export const sloTests: Check = {
  id: 'slo-tests',
  severity: 'warning',
  description:
    'An SLO whose SLI is not of the simple shape sum(rate(metric{label="value"}[$window])) declares alert tests: monspec generates burn-rate scenarios only for the simple shape, so a custom SLI would otherwise ship untested.',
  examples: {
    valid: [
      { title: 'a simple SLI gets generated scenarios', yaml: SLO('      errors: sum(rate(demo_errors_total[$window]))\n      total: sum(rate(demo_requests_total[$window]))\n') },
      {
        title: 'a custom SLI with tests',
        yaml: SLO(
          '      errors: sum(rate(demo_requests_total{code="5xx"}[$window])) + sum(rate(demo_errors_total[$window]))\n      total: sum(rate(demo_requests_total[$window]))\n',
          "      tests:\n        - name: quiet\n          series: { 'demo_requests_total{code=\"2xx\"}': '0+100x60' }\n          expect: [{ at: 30m, firing: false }]\n",
        ),
      },
    ],
    invalid: [
      {
        title: 'a custom SLI without tests',
        yaml: SLO('      errors: sum(rate(demo_requests_total{code="5xx"}[$window])) + sum(rate(demo_errors_total[$window]))\n      total: sum(rate(demo_requests_total[$window]))\n'),
        message: 'Unexpected SLO "requests" with a custom SLI and no alert tests, expected slos.requests.alert.tests',
      },
    ],
  },
  run({ spec }, report) {
    for (const [name, slo] of Object.entries(spec.slos ?? {})) {
      if ((slo.alert?.tests ?? []).length > 0) continue;
      const custom = [slo.sli?.errors, slo.sli?.total].some((e) => typeof e === 'string' && simpleSli(e) === undefined);
      if (!custom) continue;
      report({
        pointer: `/slos/${p(name)}/sli`,
        atKey: true,
        message: `Unexpected SLO "${name}" with a custom SLI and no alert tests, expected slos.${name}.alert.tests (scenarios are generated only for SLIs shaped sum(rate(metric{label="value"}[$window])))`,
      });
    }
  },
};
