import type { Check } from './types.js';
import { own } from '../own.js';
import { escapePointerSegment as p } from '../source-map.js';

export const alertContent: Check = {
  id: 'alert-content',
  severity: 'error',
  description:
    'Every alert, including SLO burn-rate alerts, has a severity, a static summary (no Go templating), a description and runbook content; Prometheus threshold alerts declare promtool tests.',
  examples: {
    valid: [{ title: 'the base alert with its runbook', yaml: 'runbooks: {}\n' }],
    invalid: [
      {
        title: 'an alert without runbook content',
        yaml: "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/errors\n",
        message: 'Unexpected alert "DemoOther" without runbook content',
      },
      {
        title: 'a templated summary',
        yaml: "runbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\nalerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: 'Ratio is {{ $value }}'\n    description: x\n    dashboard: demo/errors\n",
        message: 'Unexpected Go template in the summary',
      },
    ],
  },
  run({ spec }, report) {
    const runbooks = spec.runbooks ?? {};
    for (const [name, alert] of Object.entries(spec.alerts ?? {})) {
      if (!own(runbooks, name)) {
        report({ pointer: `/alerts/${p(name)}`, atKey: true, message: `Unexpected alert "${name}" without runbook content, expected an entry runbooks.${name}` });
      }
      if (alert.summary?.includes('{{')) {
        report({ pointer: `/alerts/${p(name)}/summary`, message: `Unexpected Go template in the summary of "${name}", expected a static summary (put {{ $value }} in the description)` });
      }
      // promtool evaluates PromQL only; Loki alerts are proved by their LogQL parsing instead.
      if (alert.condition?.threshold && alert.datasource !== 'loki' && (alert.tests ?? []).length === 0) {
        report({
          pointer: `/alerts/${p(name)}`,
          atKey: true,
          severity: 'warning',
          message: `Unexpected threshold alert "${name}" without tests, expected promtool scenarios just below and above the threshold`,
        });
      }
    }
    for (const [slo, def] of Object.entries(spec.slos ?? {})) {
      const name = def.alert?.name;
      if (name && !own(runbooks, name)) {
        report({ pointer: `/slos/${p(slo)}/alert/name`, message: `Unexpected alert "${name}" without runbook content, expected an entry runbooks.${name}` });
      }
    }
  },
};
