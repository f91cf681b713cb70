import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { renderText, renderValues } from '../placeholders.js';

export const placeholders: Check = {
  id: 'placeholders',
  severity: 'error',
  description:
    'Every ${...} in alert texts, runbooks and test series names something in scope: the alert\'s threshold, value and for, or thresholds.NAME.LEVEL, so thresholds are typed once and never twice.',
  examples: {
    valid: [{ title: 'the base alert uses ${threshold} and ${for}', yaml: 'runbooks: {}\n' }],
    invalid: [
      {
        title: 'a placeholder naming an unknown threshold',
        yaml: "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: 'Above ${thresholds.latency.critical}'\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n",
        message: 'Unexpected placeholder name "thresholds.latency.critical"',
      },
      {
        title: 'a misspelt threshold level',
        yaml: "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: 'Above ${thresholds.eror_rate.critical}'\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n",
        message: 'did you mean "thresholds.error_rate.critical"?',
      },
    ],
  },
  run(ctx, report) {
    const { spec } = ctx;
    // The threshold level an unknown name stands for, so the finding folds under a bad level's error.
    const cause = (alertName: string, unknownName: string | undefined): { cause?: string } => {
      if (unknownName === 'threshold') {
        const ref = spec.alerts?.[alertName]?.condition?.threshold;
        return ref ? { cause: `threshold:${ref}` } : {};
      }
      const m = /^thresholds\.(.+)$/.exec(unknownName ?? '');
      return m ? { cause: `threshold:${m[1]}` } : {};
    };
    for (const [name, alert] of Object.entries(spec.alerts ?? {})) {
      const scope = ctx.alertScope(name);
      const base = `/alerts/${p(name)}`;
      for (const field of ['summary', 'description'] as const) {
        const text = alert[field];
        if (text === undefined) continue;
        const r = renderText(text, scope);
        if (!r.ok) report({ pointer: `${base}/${field}`, ...cause(name, r.unknownName), message: `${r.problem} in the ${field} of ${name}` });
      }
      (alert.tests ?? []).forEach((test, i) => {
        for (const [series, values] of Object.entries(test.series ?? {})) {
          const r = renderValues(values, scope);
          if (!r.ok) report({ pointer: `${base}/tests/${i}/series/${p(series)}`, ...cause(name, r.unknownName), message: `${r.problem} in test "${test.name}" of ${name}` });
        }
      });
    }
    for (const [name, rb] of Object.entries(spec.runbooks ?? {})) {
      const scope = ctx.alertScope(name);
      const texts: Array<[string, string]> = [
        [`/runbooks/${p(name)}/meaning`, rb.meaning],
        [`/runbooks/${p(name)}/impact`, rb.impact],
        ...rb.mitigation.map((t, i): [string, string] => [`/runbooks/${p(name)}/mitigation/${i}`, t]),
        ...rb.escalation.map((t, i): [string, string] => [`/runbooks/${p(name)}/escalation/${i}`, t]),
        ...rb.diagnosis.flatMap((d, i): Array<[string, string]> => [
          [`/runbooks/${p(name)}/diagnosis/${i}/title`, d.title],
          ...(d.description ? [[`/runbooks/${p(name)}/diagnosis/${i}/description`, d.description] as [string, string]] : []),
        ]),
      ];
      for (const [pointer, text] of texts) {
        const r = renderText(text, scope);
        if (!r.ok) report({ pointer, ...cause(name, r.unknownName), message: `${r.problem} in the runbook of ${name}` });
      }
    }
  },
};
