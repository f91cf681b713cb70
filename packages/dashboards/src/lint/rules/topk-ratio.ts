import { rankedRatios } from '@monspec/metrics-spec';
import type { LintRule } from '../types.js';
import { panelName, targetsOf } from '../types.js';

export const topkRatio: LintRule = {
  id: 'dashboard-topk-ratio',
  severity: 'error',
  description:
    'topk()/bottomk() never rank a ratio directly: one failed request out of one (100 %) would top the list. Rank by the volume (topk(n, errors)) and show the ratio of those series, e.g. `errors / requests and on (user) topk(n, errors)`.',
  run({ dashboards }, report) {
    for (const { dashboard, panel, target, expr } of targetsOf(dashboards, 'promql')) {
      for (const fn of rankedRatios(expr)) {
        report({ dashboard, panel, message: `Unexpected ${fn}() over a ratio in target ${target.refId ?? '?'} of ${panelName(panel)}, expected ${fn}() over a count or rate (the ratio filtered by it with \`and on (…)\`)` });
      }
    }
  },
};
