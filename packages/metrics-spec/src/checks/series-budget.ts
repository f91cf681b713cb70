import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import type { Check } from './types.js';
import { estimateSeries } from '../series-estimate.js';

export const seriesBudget: Check = {
  id: 'series-budget',
  severity: 'error',
  description:
    'The estimated active series (label cardinalities × histogram series × replicas) stay within service.seriesBudget. Without a budget the estimate is only reported.',
  examples: {
    valid: [{ title: 'within budget', yaml: 'metrics:\n  demo_small: { type: gauge, unit: count, help: x, meaning: x, group: g }\n' }],
    invalid: [
      {
        title: 'a per-user histogram over budget',
        yaml: 'metrics:\n  demo_user_latency_seconds:\n    type: histogram\n    unit: seconds\n    help: x\n    meaning: x\n    group: g\n    buckets: [0.1, 1]\n    labels:\n      user: { description: x, maxCardinality: 1000 }\n',
        message: 'Unexpected estimated 5003 active series, expected at most the budget of 1000 (largest: demo_user_latency_seconds 5000',
        file: 'base.yaml',
      },
    ],
  },
  run({ spec }, report) {
    const replicas = spec.service?.replicas ?? SCHEMA_DEFAULTS.service.replicas;
    const perMetric = Object.entries(spec.metrics ?? {}).map(([name, m]) => ({ name, series: estimateSeries(m, replicas) }));
    const total = perMetric.reduce((sum, m) => sum + m.series, 0);
    const budget = spec.service?.seriesBudget;
    if (budget === undefined) {
      if (spec.service) report({ pointer: '/service', atKey: true, severity: 'info', message: `Unexpected missing seriesBudget (estimate: ${total} active series), expected a budget to hold cardinality to` });
      return;
    }
    if (total > budget) {
      const largest = [...perMetric].sort((a, b) => b.series - a.series || (a.name < b.name ? -1 : 1)).slice(0, 3);
      report({
        pointer: '/service/seriesBudget',
        message: `Unexpected estimated ${total} active series, expected at most the budget of ${budget} (largest: ${largest.map((m) => `${m.name} ${m.series}`).join(', ')})`,
      });
    }
  },
};
