/**
 * The evaluator's values are Prometheus's: a table of expressions over one set of series, each
 * evaluated by PromqlEvaluator at several times, written as promtool `promql_expr_test` cases with the
 * evaluator's samples as the expectation, and checked in one `promtool test rules` run. promtool
 * compares label sets and values (as it parses them from the file), so any difference in a value,
 * a label kept or dropped, or a sample too many or too few fails with promtool's own report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { requireTools } from '@monspec/test-kit';
import { PromqlEvaluator } from './promql-eval.js';
import { readSeries } from './series.js';

const INPUT = [
  { series: 'req_total{job="api", tier="free", code="2xx"}', values: '0+600x30' },
  { series: 'req_total{job="api", tier="free", code="5xx"}', values: '0+30x10 300+45x20' },
  { series: 'req_total{job="api", tier="paid", code="2xx"}', values: '0+1200x30' },
  { series: 'req_total{job="api", tier="paid", code="5xx"}', values: '0+3x30' },
  { series: 'lat_bucket{job="api", le="0.1"}', values: '0+500x30' },
  { series: 'lat_bucket{job="api", le="0.25"}', values: '0+800x30' },
  { series: 'lat_bucket{job="api", le="1"}', values: '0+950x30' },
  { series: 'lat_bucket{job="api", le="+Inf"}', values: '0+1000x30' },
  { series: 'up{job="api", instance="a"}', values: '1x12 0x5 1x13' },
  { series: 'up{job="api", instance="b"}', values: '1x30' },
  { series: 'mem_bytes{job="api", instance="a"}', values: '100+10x30' },
  { series: 'mem_bytes{job="api", instance="b"}', values: '400-5x30' },
  { series: 'queue{job="api"}', values: '5 _x3 9 2 _ 7' },
];

/** Recording rules the expressions may read, as a rule file and as the evaluator's rules. */
const RULES: Record<string, string> = {
  'job:req:rate5m': 'sum by (job) (rate(req_total[5m]))',
  'job:req_errors:ratio_rate5m': 'sum by (job) (rate(req_total{code="5xx"}[5m])) / sum by (job) (rate(req_total[5m]))',
};

const EXPRESSIONS = [
  'rate(req_total[5m])',
  'increase(req_total{code="5xx"}[10m])',
  'sum by (tier) (rate(req_total{code="5xx"}[5m])) / sum by (tier) (rate(req_total[5m]))',
  'sum without (code) (rate(req_total[5m]))',
  'job:req:rate5m',
  'job:req_errors:ratio_rate5m > 0.01',
  'job:req_errors:ratio_rate5m',
  'histogram_quantile(0.5, sum by (le) (rate(lat_bucket[5m])))',
  'histogram_quantile(0.95, sum by (job, le) (rate(lat_bucket[5m])))',
  'histogram_quantile(0.99, sum by (le) (rate(lat_bucket[5m])))',
  'up == 0',
  'max by (job) (up) < 1',
  'count(up == 1)',
  'absent(up{job="gone"})',
  'absent(up{job="api"})',
  'avg(mem_bytes)',
  'max(mem_bytes) - min(mem_bytes)',
  'mem_bytes / 1024',
  'mem_bytes > 200 or vector(0)',
  'sum(up) and on () vector(1)',
  'max_over_time(queue[5m])',
  'min_over_time(queue[5m])',
  'avg_over_time(mem_bytes[10m])',
  'count_over_time(queue[10m])',
  'sum_over_time(queue[10m])',
  'queue',
  '(sum(rate(req_total{code="5xx"}[5m])) / sum(rate(req_total[5m]))) * 100',
  '2 ^ 3 % 5',
];

const TIMES = [5, 10, 14, 20, 29];

function selector(labels: Readonly<Record<string, string>>): string {
  const { __name__: name, ...rest } = labels;
  return `${name ?? ''}{${Object.entries(rest).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`;
}

const tools = requireTools(['promtool']);

describe.skipIf(tools.skip)(`PromQL evaluator values agree with promtool ${tools.reason}`, () => {
  it(`evaluates ${EXPRESSIONS.length} expressions at ${TIMES.length} times as Prometheus does`, () => {
    const evaluator = new PromqlEvaluator({
      series: readSeries(INPUT, '1m'),
      rules: new Map(Object.entries(RULES).map(([record, expr]) => [record, { expr, labels: {} }])),
      evaluationInterval: 60,
    });
    const cases = EXPRESSIONS.flatMap((expr) =>
      TIMES.map((minute) => ({
        expr,
        eval_time: `${minute}m`,
        exp_samples: evaluator.vector(expr, minute * 60).map((s) => ({ labels: selector(s.labels), value: s.value })),
      })),
    );
    // The table must exercise real results, not only empty vectors.
    expect(cases.filter((c) => c.exp_samples.length > 0).length).toBeGreaterThan(cases.length * 0.8);
    const dir = mkdtempSync(join(tmpdir(), 'monspec-promql-eval-'));
    writeFileSync(join(dir, 'rules.yml'), JSON.stringify({ groups: [{ name: 'eval', interval: '1m', rules: Object.entries(RULES).map(([record, expr]) => ({ record, expr })) }] }));
    // YAML, not JSON: values are written as the shortest decimal that reads back as the same double,
    // and NaN/Inf as YAML's .nan/.inf, which promtool parses.
    writeFileSync(join(dir, 'tests.yml'), stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests: [{ interval: '1m', input_series: INPUT, promql_expr_test: cases }] }));
    const r = spawnSync('promtool', ['test', 'rules', join(dir, 'tests.yml')], { encoding: 'utf8' });
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status, output).toBe(0);
    expect(output).toContain('SUCCESS');
  });
});
