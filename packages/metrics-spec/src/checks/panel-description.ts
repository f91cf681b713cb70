import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { analyzePromql } from '../promql/analyze.js';

export const panelDescription: Check = {
  id: 'panel-description',
  severity: 'error',
  description:
    'Every panel can be described: by its own description, or by the meaning of a declared metric or recording rule it reads. Log panels and panels over expressions without declared series need a description.',
  examples: {
    valid: [{ title: 'panels over declared metrics borrow their meaning', yaml: 'runbooks: {}\n' }],
    invalid: [
      {
        title: 'a logs panel without a description',
        yaml: "dashboards:\n  logs:\n    title: Logs\n    description: Logs.\n    panels:\n      errors:\n        title: Error lines\n        type: logs\n        queries:\n          - expr: '{app=\"demo\"} |= \"error\"'\n",
        message: 'Unexpected panel "logs/errors" without a description',
      },
    ],
  },
  run({ spec, seriesOrigins, recordedNames }, report) {
    for (const [uid, dash] of Object.entries(spec.dashboards ?? {})) {
      for (const [key, panel] of Object.entries(dash.panels ?? {})) {
        if (panel.description) continue;
        if ((panel.metrics ?? []).length > 0) continue;
        const readsDeclared = (panel.queries ?? []).some(
          (q) => (q.datasource ?? (panel.type === 'logs' ? 'loki' : 'prometheus')) === 'prometheus' && analyzePromql(q.expr).metricNames.some((n) => seriesOrigins.has(n) || recordedNames.has(n)),
        );
        if (readsDeclared) continue;
        report({
          pointer: `/dashboards/${p(uid)}/panels/${p(key)}`,
          atKey: true,
          message: `Unexpected panel "${uid}/${key}" without a description, expected a description (its queries read no declared metric whose meaning could describe it)`,
        });
      }
    }
  },
};
