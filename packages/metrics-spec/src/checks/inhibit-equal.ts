import type { Check } from './types.js';
import { inferLabels } from '../promql/analyze.js';
import { DEFAULT_BURN_RATE_WINDOWS } from '../conventions.js';
import type { Severity } from '../generated/spec-types.js';

/** Labels SLO burn-rate rules add to each branch (see resolve.ts). */
const SLO_BRANCH_LABELS = ['slo', 'long_window', 'short_window'];

/**
 * Alertmanager inhibits a target when a source fires and every `equal` label has the same value on
 * both; a label both lack counts as equal (https://prometheus.io/docs/alerting/latest/configuration/#inhibit_rule).
 * So an `equal` label the route matchers already fix (the common labels, severity), or one that no
 * source and no target alert carries, restricts nothing: every warning of the service is silenced by
 * any critical, whatever instance it is about.
 */
export const inhibitEqual: Check = {
  id: 'inhibit-equal',
  severity: 'error',
  description:
    "An inhibition's equal labels tell alerts apart: not a common label or severity (the matchers already fix those), and carried by some source or target alert; sourceAlerts/targetAlerts name alerts of the rule's severities.",
  examples: {
    valid: [{ title: 'equal on instance', yaml: 'notifications:\n  inhibitions:\n    - { source: critical, target: warning, equal: [instance] }\nalerts:\n  DemoDown:\n    severity: critical\n    expr: demo_errors_total > 0\n    summary: x\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoDown: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n' }],
    invalid: [
      {
        title: 'equal on a common label',
        yaml: 'environments:\n  prod:\n    description: x\n    default: true\n    overlay:\n      service:\n        alerting: { commonLabels: { service: demo } }\nnotifications:\n  inhibitions:\n    - { source: critical, target: warning, equal: [service] }\n',
        message: 'Unexpected equal label "service" in inhibition 1',
      },
      {
        title: 'equal on a label no alert carries',
        yaml: 'notifications:\n  inhibitions:\n    - { source: critical, target: warning, equal: [cluster] }\n',
        message: 'Unexpected equal label "cluster" in inhibition 1, which no source or target alert carries',
      },
      {
        title: 'a target alert of another severity',
        yaml: 'notifications:\n  inhibitions:\n    - { source: critical, target: info, targetAlerts: [DemoHighErrorRate], equal: [instance] }\n',
        message: 'Unexpected targetAlerts entry "DemoHighErrorRate" in inhibition 1',
      },
    ],
  },
  run({ spec, seriesLabels }, report) {
    const common = Object.keys(spec.service?.alerting?.commonLabels ?? {});
    // Alert name → severity and the labels its alerts carry (undefined when they cannot be inferred).
    const alerts = new Map<string, Array<{ severity: Severity; labels: ReadonlySet<string> | undefined }>>();
    const add = (name: string, severity: Severity, labels: ReadonlySet<string> | undefined) => alerts.set(name, [...(alerts.get(name) ?? []), { severity, labels }]);
    for (const [name, a] of Object.entries(spec.alerts ?? {})) {
      const inferred = a.datasource === 'loki' || !a.expr ? undefined : inferLabels(a.expr, seriesLabels).labels;
      add(name, a.severity ?? 'warning', inferred ? new Set([...inferred, ...Object.keys(a.labels ?? {})]) : undefined);
    }
    for (const slo of Object.values(spec.slos ?? {})) {
      if (!slo.alert?.name) continue;
      const inferred = slo.sli?.errors ? inferLabels(slo.sli.errors.replace(/\$window\b/g, '5m'), seriesLabels).labels : undefined;
      for (const w of slo.windows ?? DEFAULT_BURN_RATE_WINDOWS) {
        add(slo.alert.name, w.severity, inferred ? new Set([...inferred, ...SLO_BRANCH_LABELS, ...Object.keys(slo.alert.labels ?? {})]) : undefined);
      }
    }
    (spec.notifications?.inhibitions ?? []).forEach((rule, i) => {
      const at = `/notifications/inhibitions/${i}`;
      const side = (names: readonly string[] | undefined, severity: Severity, key: 'sourceAlerts' | 'targetAlerts') => {
        (names ?? []).forEach((n, j) => {
          if (!(alerts.get(n) ?? []).some((x) => x.severity === severity)) {
            report({ pointer: `${at}/${key}/${j}`, message: `Unexpected ${key} entry "${n}" in inhibition ${i + 1}, expected an alert of severity ${severity}` });
          }
        });
        const selected = [...alerts].filter(([n]) => !names || names.includes(n)).flatMap(([, xs]) => xs.filter((x) => x.severity === severity));
        return selected;
      };
      const sources = side(rule.sourceAlerts, rule.source, 'sourceAlerts');
      const targets = side(rule.targetAlerts, rule.target, 'targetAlerts');
      (rule.equal ?? []).forEach((label, j) => {
        if (label === 'severity' || common.includes(label)) {
          report({
            pointer: `${at}/equal/${j}`,
            message: `Unexpected equal label "${label}" in inhibition ${i + 1}: the route matchers already fix it, so any ${rule.source} alert inhibits every ${rule.target} alert; expected labels that tell alerts apart (instance, job)`,
          });
          return;
        }
        const all = [...sources, ...targets];
        if (all.length > 0 && all.every((x) => x.labels !== undefined && !x.labels.has(label))) {
          report({
            pointer: `${at}/equal/${j}`,
            message: `Unexpected equal label "${label}" in inhibition ${i + 1}, which no source or target alert carries (a label both lack counts as equal, so it restricts nothing), expected a label the alerts carry (instance, job)`,
          });
        }
      });
    });
  },
};
