import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { parseQuantity } from '../quantity.js';

const SLO = (objective: string) =>
  `slos:\n  avail:\n    description: x\n    objective: ${objective}\n    sli: { errors: 'sum(rate(demo_errors_total[$window]))', total: 'sum(rate(demo_requests_total[$window]))' }\n    alert: { name: DemoAvailBurn, summary: x, dashboard: demo/errors }\nrunbooks:\n  DemoAvailBurn: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n`;

export const sloObjective: Check = {
  id: 'slo-objective',
  severity: 'error',
  description:
    'An SLO objective lies strictly between 0 % and 100 %: at 100 % the error budget is zero and every burn-rate alert divides by it; at 0 % or below there is no objective.',
  examples: {
    valid: [{ title: 'a 99.9 % objective', yaml: SLO('99.9%') }],
    invalid: [
      { title: 'a 100 % objective', yaml: SLO('100%'), message: 'Unexpected objective 100 % of SLO "avail", expected more than 0 % and less than 100 %' },
      { title: 'a percentage written as a plain number', yaml: SLO('99'), message: 'Unexpected objective 9900 % of SLO "avail"' },
      { title: 'a zero objective', yaml: SLO('0%'), message: 'Unexpected objective 0 % of SLO "avail"' },
    ],
  },
  run({ spec }, report) {
    for (const [name, slo] of Object.entries(spec.slos ?? {})) {
      const q = parseQuantity(slo.objective, 'ratio');
      if (!q.ok) {
        report({ pointer: `/slos/${p(name)}/objective`, message: `Unexpected objective ${JSON.stringify(slo.objective)} of SLO "${name}", expected ${q.expected}` });
        continue;
      }
      if (!(q.value > 0 && q.value < 1)) {
        const percent = Number((q.value * 100).toPrecision(12));
        report({ pointer: `/slos/${p(name)}/objective`, message: `Unexpected objective ${percent} % of SLO "${name}", expected more than 0 % and less than 100 % (e.g. 99.9% or 0.999)` });
      }
    }
  },
};
