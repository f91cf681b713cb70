import type { Check } from './types.js';
import { parseQuantity } from '../quantity.js';
import { escapePointerSegment as p } from '../source-map.js';
import { ratioExpectation } from './ratio-hint.js';

const SLO = (objective: string) =>
  `slos:\n  requests:\n    description: x\n    objective: ${objective}\n    sli:\n      errors: sum(rate(demo_errors_total[$window]))\n      total: sum(rate(demo_requests_total[$window]))\n    alert:\n      name: DemoBudgetBurn\n      summary: x\n      dashboard: demo/errors\nrunbooks:\n  DemoBudgetBurn: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n`;

export const sloObjective: Check = {
  id: 'slo-objective',
  severity: 'error',
  description:
    'An SLO objective is a ratio strictly between 0 and 1 (99.9% or 0.999): `99` reads as 9900 %, and 100% leaves no error budget to burn.',
  examples: {
    valid: [
      { title: 'a percentage', yaml: SLO('99.9%') },
      { title: 'a ratio', yaml: SLO('0.995') },
    ],
    invalid: [
      { title: 'a percentage written as a plain number', yaml: SLO('99'), message: 'Unexpected objective 99 for SLO "requests" (9900 % when read as a ratio), expected a ratio between 0 and 1 such as 99% (0.99)' },
      { title: 'no error budget', yaml: SLO('100%'), message: 'Unexpected objective "100%" for SLO "requests", expected less than 100% so that there is an error budget' },
      { title: 'a quantity of another dimension', yaml: SLO('5m'), message: 'Unexpected objective "5m" for SLO "requests", expected a plain number or a ratio quantity for unit ratio' },
    ],
  },
  run({ spec }, report) {
    for (const [name, slo] of Object.entries(spec.slos ?? {})) {
      const raw = slo.objective;
      if (raw === undefined) continue;
      const pointer = `/slos/${p(name)}/objective`;
      const q = parseQuantity(raw, 'ratio');
      if (!q.ok) report({ pointer, message: `Unexpected objective ${JSON.stringify(raw)} for SLO "${name}", expected ${q.expected}` });
      else if (q.value > 1 || q.value <= 0) report({ pointer, message: `Unexpected objective ${JSON.stringify(raw)} for SLO "${name}" ${ratioExpectation(raw, q.value)}` });
      else if (q.value === 1) report({ pointer, message: `Unexpected objective ${JSON.stringify(raw)} for SLO "${name}", expected less than 100% so that there is an error budget` });
    }
  },
};
