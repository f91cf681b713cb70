import type { Check } from './types.js';
import { parsePromql } from '../promql/analyze.js';
import { parseDuration } from '../quantity.js';

/** Functions Prometheus 3.0 removed or renamed (https://prometheus.io/docs/prometheus/latest/migration/). */
export const REMOVED_FUNCTIONS: Readonly<Record<string, string>> = {
  holt_winters: 'double_exponential_smoothing (behind --enable-feature=promql-experimental-functions)',
};

/** An integer written as a label value: what 3.x no longer stores for le/quantile. */
const INTEGER = /^[+-]?\d+$/;

function problems(expr: string): string[] {
  // The shared parse (one per expression for the whole build): the same normalised text and tree.
  const { analysis, tree } = parsePromql(expr);
  const text = analysis.text;
  const out: string[] = [];
  // The parser knows the 3.x function set only, so a removed function is found by name (the
  // promql-syntax check reports the parse error as well).
  for (const [fn, instead] of Object.entries(REMOVED_FUNCTIONS)) {
    if (new RegExp(`\\b${fn}\\s*\\(`).test(text)) out.push(`Unexpected function ${fn}: removed in Prometheus 3, expected ${instead}`);
  }
  tree.iterate({
    enter(ref) {
      if (ref.type.isError) return false;
      const node = ref.node;
      const slice = (n: { from: number; to: number }) => text.slice(n.from, n.to);
      if (ref.name === 'UnquotedLabelMatcher') {
        const label = node.getChild('LabelName');
        const op = node.getChild('MatchOp');
        const value = node.getChild('StringLiteral');
        if (label && op && value) {
          const name = slice(label);
          const v = slice(value).slice(1, -1);
          if ((name === 'le' || name === 'quantile') && (slice(op) === '=' || slice(op) === '!=') && INTEGER.test(v)) {
            out.push(`Unexpected ${name}${slice(op)}"${v}": Prometheus 3 stores ${name} values as floats ("${v}.0"), so this matcher no longer matches; expected ${name}${slice(op)}"${v}.0" or ${name}${slice(op) === '=' ? '=~' : '!~'}"${v}(\\\\.0)?" for 2.x and 3.x`);
          }
        }
      }
      if (ref.name === 'QuotedLabelName' || ref.name === 'QuotedLabelMatcher') {
        out.push(`Unexpected quoted name ${slice(node)}: UTF-8 names need Prometheus 3 and do not parse in 2.x; expected a name of [a-zA-Z_:][a-zA-Z0-9_:]*`);
        return false;
      }
      if (ref.name === 'SubqueryExpr') {
        const durations = node.getChildren('DurationExpr').map(slice);
        const [range, step] = durations;
        if (range && step) {
          const r = parseDuration(range);
          const s = parseDuration(step);
          if (Number.isFinite(r) && Number.isFinite(s) && s > 0 && r % s === 0) {
            out.push(
              `Unexpected subquery [${range}:${step}] whose range is a multiple of its step: Prometheus 3 range selectors are left-open, so it yields ${r / s} points instead of 2.x's ${r / s + 1} (counts, sums and rates over it change); expected a range that is not a multiple of the step, or results that do not depend on the boundary point`,
            );
          }
        }
      }
      return undefined;
    },
  });
  return out;
}

/**
 * The output is tested on Prometheus 2.42 (promtool and the e2e suite run it) and checked
 * statically for 3.x here: constructs whose meaning or validity changed in Prometheus 3.0
 * (https://prometheus.io/docs/prometheus/latest/migration/).
 */
export const prometheus3: Check = {
  id: 'prometheus3',
  severity: 'warning',
  description:
    'Expressions mean the same on Prometheus 2.x and 3.x: no integer le/quantile matchers (3.x normalises them to 1.0), no subquery whose range is a multiple of its step (3.x range selectors are left-open), no UTF-8 quoted names (2.x cannot parse them), no removed functions (holt_winters).',
  examples: {
    valid: [
      {
        title: 'float le matcher, subquery off the step grid',
        yaml: 'recordingRules:\n  job:demo_errors:max10m: { expr: "max_over_time(sum by (job) (rate(demo_errors_total[5m]))[10m:3m])", description: x, unit: requests_per_second }\n  le:demo_requests:rate5m: { expr: "sum by (le) (rate(demo_latency_seconds_bucket{le=\\"1.0\\"}[5m]))", description: x, unit: requests_per_second }\nmetrics:\n  demo_latency_seconds: { type: histogram, unit: seconds, help: x, meaning: x, group: g, buckets: [0.5, 1] }\n',
      },
    ],
    invalid: [
      {
        title: 'an integer le matcher',
        yaml: 'recordingRules:\n  le:demo_requests:rate5m: { expr: "sum by (le) (rate(demo_latency_seconds_bucket{le=\\"1\\"}[5m]))", description: x, unit: requests_per_second }\nmetrics:\n  demo_latency_seconds: { type: histogram, unit: seconds, help: x, meaning: x, group: g, buckets: [0.5, 1] }\n',
        message: 'Unexpected le="1": Prometheus 3 stores le values as floats',
      },
      {
        title: 'a subquery range on its step grid',
        yaml: 'recordingRules:\n  job:demo_errors:max10m: { expr: "max_over_time(sum by (job) (rate(demo_errors_total[5m]))[10m:1m])", description: x, unit: requests_per_second }\n',
        message: 'Unexpected subquery [10m:1m] whose range is a multiple of its step',
      },
      {
        title: 'a removed function',
        yaml: 'recordingRules:\n  job:demo_errors:smoothed: { expr: "holt_winters(demo_errors_total[10m], 0.5, 0.5)", description: x, unit: count }\n',
        message: 'Unexpected function holt_winters: removed in Prometheus 3',
      },
    ],
  },
  run({ expressions }, report) {
    for (const site of expressions) {
      if (site.language !== 'promql') continue;
      for (const message of problems(site.expr)) report({ pointer: site.pointer, message: `${message} (${site.owner})` });
    }
  },
};
