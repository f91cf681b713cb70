import type { Check } from './types.js';
import { analyzePromql, inferLabels } from '../promql/analyze.js';
import { didYouMean } from '../did-you-mean.js';

export const promqlUnknownLabel: Check = {
  id: 'promql-unknown-label',
  severity: 'error',
  description:
    'Labels used in matchers and in by/without/on/ignoring exist on the series they apply to (declared labels, target labels job and instance, le on histogram buckets, and the labels recording rules keep).',
  examples: {
    valid: [{ title: 'grouping by a declared label', yaml: 'recordingRules:\n  demo_code:requests:rate5m: { expr: "sum by (code) (rate(demo_requests_total[5m]))", description: x, unit: requests_per_second }\n' }],
    invalid: [
      {
        title: 'matcher on a label the metric does not have',
        yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_errors_total{tier=\\"free\\"}[5m]))", description: x, unit: requests_per_second }\n',
        message: 'Unexpected label "tier" on demo_errors_total',
      },
      {
        title: 'a misspelt label',
        yaml: 'recordingRules:\n  demo_code:requests:rate5m: { expr: "sum by (cdoe) (rate(demo_requests_total[5m]))", description: x, unit: requests_per_second }\n',
        message: 'Unexpected label "cdoe" in by (...) of recording rule demo_code:requests:rate5m, expected one of the operand\'s labels: code, instance, job; did you mean "code"?',
      },
      {
        title: 'grouping a recording rule by a label it dropped',
        yaml: 'recordingRules:\n  demo:errors:by_code: { expr: "sum by (code) (job:demo_errors:ratio_rate5m)", description: x, unit: ratio }\n',
        message: 'Unexpected label "code" in by (...)',
      },
    ],
  },
  run({ expressions, seriesLabels }, report) {
    for (const site of expressions) {
      if (site.language !== 'promql') continue;
      const analysis = analyzePromql(site.expr);
      if (analysis.syntaxErrors.length > 0) continue;
      for (const sel of analysis.selectors) {
        const labels = seriesLabels(sel.name);
        if (!labels) continue;
        for (const m of sel.matchers) {
          if (m.label === '__name__' || labels.has(m.label)) continue;
          report({ pointer: site.pointer, message: `Unexpected label "${m.label}" on ${sel.name} in ${site.owner}, expected one of: ${[...labels].sort().join(', ')}${didYouMean(m.label, [...labels].sort())}` });
        }
      }
      for (const use of inferLabels(site.expr, seriesLabels).uses) {
        if (!use.available || use.available.has(use.label)) continue;
        report({
          pointer: site.pointer,
          message: `Unexpected label "${use.label}" in ${use.clause} (...) of ${site.owner}, expected one of the operand's labels: ${[...use.available].sort().join(', ') || '(none)'}${didYouMean(use.label, [...use.available].sort())}`,
        });
      }
    }
  },
};
