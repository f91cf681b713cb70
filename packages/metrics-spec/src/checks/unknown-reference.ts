import { sloPanelRefs } from '../resolve/slo-dashboard.js';
import type { Check, CheckReport } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import type { MonspecDocument } from '../generated/spec-types.js';
import { own } from '../own.js';
import { didYouMean } from '../did-you-mean.js';

/** "expected one of …" (or "a declared KIND" when there are many) with a did-you-mean when a candidate is close. */
export function expectedOneOf(kind: string, name: string, candidates: readonly string[]): string {
  const list = candidates.length > 0 && candidates.length <= 12 ? `expected one of: ${candidates.join(', ')}` : `expected a declared ${kind}`;
  return list + didYouMean(name, candidates);
}

function panelRefs(spec: MonspecDocument): string[] {
  const out: string[] = [];
  for (const [uid, dash] of Object.entries(spec.dashboards ?? {})) for (const key of Object.keys(dash.panels ?? {})) out.push(`${uid}/${key}`);
  // The SLO dashboard monspec generates (resolve/slo-dashboard.ts) can be pointed at too.
  out.push(...sloPanelRefs(spec));
  return out;
}

export const unknownReference: Check = {
  id: 'unknown-reference',
  severity: 'error',
  description:
    'Every reference names something declared: thresholds (and the level used), dashboard panels, metrics of panels, bands and variables, runbooks, contact points, log sources and deprecation replacements.',
  examples: {
    valid: [{ title: 'panel naming a declared threshold', yaml: 'runbooks: {}\n' }],
    invalid: [
      {
        title: 'alert on an undeclared threshold',
        yaml: "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', threshold: error_ratio.critical }\n    summary: x\n    description: x\n    dashboard: demo/errors\nrunbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n",
        message: 'Unexpected threshold "error_ratio", expected one of: error_rate; did you mean "error_rate"?',
      },
      {
        title: 'alert pointing at a missing panel',
        yaml: "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/latency\nrunbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n",
        message: 'Unexpected panel "demo/latency"',
      },
    ],
  },
  run({ spec, recordedNames }, report) {
    const thresholds = Object.keys(spec.thresholds ?? {});
    const panels = panelRefs(spec);
    const panelSet = new Set(panels);
    const metrics = Object.keys(spec.metrics ?? {});
    const checkThreshold = (pointer: string, name: string, subject = `threshold:${name}`) => {
      if (!own(spec.thresholds, name)) report({ pointer, subject, message: `Unexpected threshold "${name}", ${expectedOneOf('threshold', name, thresholds)}` });
    };
    const checkPanel = (pointer: string, ref: string | undefined) => {
      if (ref !== undefined && !panelSet.has(ref)) report({ pointer, message: `Unexpected panel "${ref}", ${expectedOneOf('dashboardUid/panelKey', ref, panels)}` });
    };
    const checkMetric = (pointer: string, name: string, alsoRecorded = false) => {
      if (own(spec.metrics, name) || (alsoRecorded && recordedNames.has(name))) return;
      report({ pointer, message: `Unexpected metric "${name}", ${expectedOneOf('metric', name, alsoRecorded ? [...metrics, ...recordedNames] : metrics)}` });
    };

    for (const [name, alert] of Object.entries(spec.alerts ?? {})) {
      const ref = alert.condition?.threshold;
      if (ref) {
        const [tName = '', level = ''] = ref.split('.');
        const pointer = `/alerts/${p(name)}/condition/threshold`;
        const t = own(spec.thresholds, tName);
        if (!t) checkThreshold(pointer, tName, `threshold:${ref}`);
        else if (t[level as 'warning' | 'critical'] === undefined) {
          const levels = (['warning', 'critical'] as const).filter((l) => t[l] !== undefined);
          report({ pointer, subject: `threshold:${ref}`, message: `Unexpected level "${level}" of threshold "${tName}", expected one of: ${levels.join(', ')}` });
        }
      }
      checkPanel(`/alerts/${p(name)}/dashboard`, alert.dashboard);
    }
    for (const [name, slo] of Object.entries(spec.slos ?? {})) checkPanel(`/slos/${p(name)}/alert/dashboard`, slo.alert?.dashboard);
    for (const [uid, dash] of Object.entries(spec.dashboards ?? {})) {
      for (const [key, panel] of Object.entries(dash.panels ?? {})) {
        const base = `/dashboards/${p(uid)}/panels/${p(key)}`;
        if (panel.threshold) checkThreshold(`${base}/threshold`, panel.threshold);
        (panel.metrics ?? []).forEach((m, i) => checkMetric(`${base}/metrics/${i}`, m, true));
      }
      for (const [v, variable] of Object.entries(dash.variables ?? {})) {
        if (variable.metric) checkMetric(`/dashboards/${p(uid)}/variables/${p(v)}/metric`, variable.metric);
      }
    }
    for (const [name, metric] of Object.entries(spec.metrics ?? {})) {
      if (metric.bands) checkThreshold(`/metrics/${p(name)}/bands`, metric.bands);
      const replacement = metric.deprecated?.replacement;
      if (replacement) checkMetric(`/metrics/${p(name)}/deprecated/replacement`, replacement, true);
    }
    const alertNames = [...Object.keys(spec.alerts ?? {}), ...Object.values(spec.slos ?? {}).map((s) => s.alert?.name ?? '')];
    const alertSet = new Set(alertNames);
    for (const [name, rb] of Object.entries(spec.runbooks ?? {})) {
      if (!alertSet.has(name)) report({ pointer: `/runbooks/${p(name)}`, atKey: true, message: `Unexpected runbook for "${name}", ${expectedOneOf('alert', name, alertNames)}` });
      (rb.diagnosis ?? []).forEach((step, i) => checkPanel(`/runbooks/${p(name)}/diagnosis/${i}/panel`, step.panel));
    }
    const contactPoints = Object.keys(spec.notifications?.contactPoints ?? {});
    const checkContact = (pointer: string, name: string) => {
      if (!contactPoints.includes(name)) report({ pointer, message: `Unexpected contact point "${name}", ${expectedOneOf('contact point', name, contactPoints)}` });
    };
    for (const [severity, route] of Object.entries(spec.notifications?.routes ?? {})) {
      (route?.contactPoints ?? []).forEach((c, i) => checkContact(`/notifications/routes/${severity}/contactPoints/${i}`, c));
    }
    if (spec.notifications?.defaultContactPoint) checkContact('/notifications/defaultContactPoint', spec.notifications.defaultContactPoint);
    const sources = Object.keys(spec.logs?.sources ?? {});
    for (const [name, pattern] of Object.entries(spec.logs?.patterns ?? {})) {
      if (!own(spec.logs?.sources, pattern.source)) {
        report({ pointer: `/logs/patterns/${p(name)}/source`, message: `Unexpected log source "${pattern.source}", ${expectedOneOf('log source', pattern.source, sources)}` } satisfies CheckReport);
      }
    }
  },
};
