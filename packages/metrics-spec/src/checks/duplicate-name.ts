import type { Check } from './types.js';
import { own } from '../own.js';
import { escapePointerSegment as p } from '../source-map.js';

export const duplicateName: Check = {
  id: 'duplicate-name',
  severity: 'error',
  description:
    'Each name is defined once: across files (reported while merging) and across collections (a recording rule named like a metric, an SLO alert named like an alert, two panels with one id).',
  examples: {
    valid: [{ title: 'distinct names', yaml: 'metrics:\n  demo_other_total: { type: counter, unit: count, help: x, meaning: x, group: g }\n' }],
    invalid: [
      {
        title: 'metric defined in two files',
        yaml: 'metrics:\n  demo_errors_total: { type: counter, unit: count, help: x, meaning: x, group: g }\n',
        message: 'second definition of metrics.demo_errors_total',
      },
      {
        title: 'recording rule named like a metric',
        yaml: 'recordingRules:\n  demo_errors_total: { expr: vector(1), description: x, unit: count }\n',
        message: 'recording rule "demo_errors_total"',
      },
    ],
  },
  run({ spec }, report) {
    for (const name of Object.keys(spec.recordingRules ?? {})) {
      if (own(spec.metrics, name)) {
        // Renaming fixes the clash and the naming convention at once: one error (recording-rule-name folds under it).
        report({ pointer: `/recordingRules/${p(name)}`, atKey: true, subject: `recordingRule:${name}`, message: `Unexpected recording rule "${name}" with the name of a metric, expected a distinct level:metric:operations name` });
      }
    }
    for (const [slo, def] of Object.entries(spec.slos ?? {})) {
      const name = def.alert?.name;
      if (name && own(spec.alerts, name)) {
        report({ pointer: `/slos/${p(slo)}/alert/name`, message: `Unexpected SLO alert name "${name}" that an alert already uses, expected a distinct name` });
      }
    }
    for (const [uid, dash] of Object.entries(spec.dashboards ?? {})) {
      const seen = new Map<number, string>();
      for (const [key, panel] of Object.entries(dash.panels ?? {})) {
        if (panel.id === undefined) continue;
        const first = seen.get(panel.id);
        if (first) report({ pointer: `/dashboards/${p(uid)}/panels/${p(key)}/id`, message: `Unexpected panel id ${panel.id} already used by panel "${first}", expected a unique id` });
        else seen.set(panel.id, key);
      }
    }
  },
};
