import type { Check } from './types.js';
import { analyzePromql } from '../promql/analyze.js';
import { escapePointerSegment as p } from '../source-map.js';

/** Where a recording rule counts as read: alerts, panels, SLOs, runbook queries, dashboard variables and other recording rules. */
const READERS = /^(alert|panel|SLO|runbook|recording rule) /;

/**
 * A recording rule nothing reads costs an evaluation every interval and a series set in the TSDB,
 * and drifts unnoticed (nobody sees it wrong). A runbook query counts: on-call reads its history.
 */
export const recordingRuleUnused: Check = {
  id: 'recording-rule-unused',
  severity: 'warning',
  description: 'Every recording rule is read by an alert, a panel, an SLO, a runbook query, a dashboard variable or another recording rule; an unread rule is evaluated and stored for nobody.',
  examples: {
    valid: [{ title: 'the base spec: every rule read by an alert or a panel', yaml: 'runbooks: {}\n' }],
    invalid: [
      {
        title: 'a rule nothing reads',
        yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n',
        message: 'Unexpected recording rule "demo:errors:rate5m" that no alert, panel, SLO, runbook or recording rule reads',
      },
    ],
  },
  run({ spec, expressions }, report) {
    const read = new Set<string>();
    for (const site of expressions) {
      if (site.language !== 'promql' || !READERS.test(site.owner)) continue;
      const self = site.owner.startsWith('recording rule ') ? site.owner.slice('recording rule '.length) : undefined;
      for (const name of analyzePromql(site.expr).metricNames) if (name !== self) read.add(name);
    }
    for (const d of Object.values(spec.dashboards ?? {})) for (const v of Object.values(d.variables ?? {})) if (v.metric) read.add(v.metric);
    for (const name of Object.keys(spec.recordingRules ?? {})) {
      if (read.has(name)) continue;
      report({
        pointer: `/recordingRules/${p(name)}`,
        atKey: true,
        message: `Unexpected recording rule "${name}" that no alert, panel, SLO, runbook or recording rule reads, expected a reader or its removal`,
      });
    }
  },
};
