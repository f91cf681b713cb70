import type { Check } from './types.js';
import { excerpt } from '../diagnostics.js';
import { analyzePromql } from '../promql/analyze.js';
import { analyzeLogql } from '../promql/logql.js';
import { re2Problem } from '../promql/re2.js';

/** Grafana variables ($var, ${var:format}, [[var]]) stand for values; check the pattern around them. */
function withoutVariables(pattern: string): string {
  return pattern.replace(/\$\{[^}]*\}|\$\w+|\[\[\w+\]\]/g, 'x');
}

export const regexRe2: Check = {
  id: 'regex-re2',
  severity: 'error',
  description:
    'Every regular expression in PromQL (=~, !~) and LogQL (=~, !~, |~ line filters, the regexp parser) is valid RE2, the syntax of Go\'s regexp that Prometheus and Loki use: no lookaround, backreferences, possessive quantifiers or \\C.',
  examples: {
    valid: [{ title: 'a case-insensitive matcher', yaml: "recordingRules:\n  demo:x:rate5m: { expr: 'sum(rate(demo_requests_total{code=~\"(?i)5..\"}[5m]))', description: x, unit: requests_per_second }\n" }],
    invalid: [
      {
        title: 'a lookahead in a PromQL matcher',
        yaml: "recordingRules:\n  demo:x:rate5m: { expr: 'sum(rate(demo_requests_total{code=~\"5(?!00)..\"}[5m]))', description: x, unit: requests_per_second }\n",
        message: 'Unexpected regular expression "5(?!00).." in the PromQL of recording rule demo:x:rate5m: lookaround',
      },
      {
        title: 'a backreference in a LogQL line filter',
        yaml: "logs:\n  sources:\n    app: { selector: '{app=\"demo\"}', description: x, errorFilter: '|~ \"(a)\\\\1\"' }\n",
        message: 'a backreference, which RE2 does not support',
      },
      {
        title: 'a regexp parser without a named group',
        yaml: "logs:\n  sources:\n    app: { selector: '{app=\"demo\"}', description: x, errorFilter: '| regexp \"(\\\\d+) ms\"' }\n",
        message: 'a regexp parser without a named group',
      },
    ],
  },
  run({ expressions }, report) {
    for (const site of expressions) {
      const found: Array<{ pattern: string; where: string }> = [];
      if (site.language === 'promql') {
        for (const s of analyzePromql(site.expr).selectors) for (const m of s.matchers) if (m.op === '=~' || m.op === '!~') found.push({ pattern: m.value, where: `matcher ${m.label}${m.op}` });
      } else {
        for (const r of analyzeLogql(site.expr).regexes) found.push({ pattern: r.pattern, where: r.kind });
      }
      for (const { pattern, where } of found) {
        const problem =
          re2Problem(withoutVariables(pattern)) ??
          // https://grafana.com/docs/loki/latest/query/log_queries/#regular-expression: "at least one named sub-match".
          (where === 'regexp parser' && !/\(\?P<[A-Za-z_]/.test(pattern) ? 'a regexp parser without a named group (?P<name>…)' : undefined);
        if (problem) {
          report({
            pointer: site.pointer,
            message: `Unexpected regular expression ${JSON.stringify(excerpt(pattern))} in the ${site.language === 'promql' ? 'PromQL' : 'LogQL'} of ${site.owner}: ${problem} (${where}), expected an RE2 expression as Prometheus and Loki use`,
          });
        }
      }
    }
  },
};
