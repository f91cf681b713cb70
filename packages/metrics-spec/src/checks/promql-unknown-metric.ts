import type { Check } from './types.js';
import { analyzePromql } from '../promql/analyze.js';
import { BUILTIN_SERIES } from '../conventions.js';
import { expectedOneOf } from './unknown-reference.js';

export const promqlUnknownMetric: Check = {
  id: 'promql-unknown-metric',
  severity: 'error',
  description: 'PromQL names only declared metrics (with their histogram _bucket/_sum/_count series) and recording rules.',
  examples: {
    valid: [{ title: 'a recording rule over a declared counter', yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n' }],
    invalid: [
      {
        title: 'a typo in a metric name',
        yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_error_total[5m]))", description: x, unit: requests_per_second }\n',
        message: 'Unexpected metric "demo_error_total" in recording rule demo:errors:rate5m, expected one of: demo_requests_total, demo_errors_total, code:demo_requests:rate5m, job:demo_errors:ratio_rate5m, demo:errors:rate5m; did you mean "demo_errors_total"?',
      },
    ],
  },
  run({ expressions, seriesOrigins, recordedNames }, report) {
    const known = [...seriesOrigins.keys(), ...recordedNames];
    for (const site of expressions) {
      if (site.language !== 'promql') continue;
      const analysis = analyzePromql(site.expr);
      if (analysis.syntaxErrors.length > 0) continue;
      for (const name of analysis.metricNames) {
        if (seriesOrigins.has(name) || recordedNames.has(name) || BUILTIN_SERIES.includes(name)) continue;
        const hint = expectedOneOf('metric or recording rule', name, known);
        report({ pointer: site.pointer, message: `Unexpected metric "${name}" in ${site.owner}, ${hint}` });
      }
    }
  },
};
