import { formatValue, indexModel, namesRead, type ResolvedModel, type Unit } from '@monspec/metrics-spec';
import { z } from 'zod';
import { instantQuery } from '../live.js';
import { EnvironmentArg, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';

const input = z.strictObject({
  promql: z.string().min(1).max(10_000).describe('A PromQL expression; the spec\'s recording rules (e.g. job:tunnel_request_errors:ratio_rate5m) are the cheap way to read what alerts read.'),
  time: z.string().optional().describe('Evaluation time (RFC 3339 or unix seconds; default now).'),
  environment: EnvironmentArg,
});
const Sample = z.object({ labels: z.record(z.string(), z.string()), value: z.string(), timestamp: z.number(), display: z.string().optional() });
const output = z.object({
  promql: z.string(),
  resultType: z.enum(['vector', 'matrix', 'scalar', 'string']),
  series: z.array(Sample.extend({ values: z.array(z.tuple([z.number(), z.string()])).optional() })),
  /** The spec's metrics and recording rules the expression names, with their units and meanings. */
  reads: z.array(z.object({ name: z.string(), kind: z.enum(['metric', 'recording rule']), type: z.string().optional(), unit: z.string(), meaning: z.string() })),
  /** The unit of the result, when the expression is a recording rule or gauge itself (with label matchers). */
  unit: z.string().optional(),
});

/** The unit of an expression that is one recording rule or gauge, selected by labels at most; else undefined. */
function resultUnit(model: ResolvedModel, promql: string, reads: readonly string[]): Unit | undefined {
  const [only] = reads;
  if (reads.length !== 1 || only === undefined || !new RegExp(`^${only.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\{[^{}]*\\})?$`).test(promql.trim())) return undefined;
  const index = indexModel(model);
  const metric = index.metric(only);
  if (metric) return metric.type === 'gauge' ? metric.unit : undefined;
  return index.recordingRule(only)?.unit;
}

export function queryTool(session: Session, prometheus: string): ToolDefinition<typeof input, typeof output> {
  return {
    title: 'Query Prometheus',
    description: `Run an instant PromQL query against ${prometheus} (/api/v1/query) and return the series with the spec's meaning and unit of every metric and recording rule the expression reads; values are formatted in the unit when the expression is one recording rule or gauge.`,
    input,
    output,
    annotations: readOnly('Query Prometheus', true),
    async run({ promql, time, environment }) {
      const model = session.model(environment);
      const index = indexModel(model);
      const names = namesRead(model, promql);
      const reads = names.flatMap((name): z.infer<typeof output>['reads'] => {
        const metric = index.metric(name);
        if (metric) return [{ name, kind: 'metric' as const, type: metric.type, unit: metric.unit, meaning: metric.meaning }];
        const rule = index.recordingRule(name);
        return rule ? [{ name, kind: 'recording rule' as const, unit: rule.unit, meaning: rule.description }] : [];
      });
      const unit = resultUnit(model, promql, names);
      const data = await instantQuery(prometheus, promql, time);
      const display = (v: string) => (unit !== undefined && Number.isFinite(Number(v)) ? { display: formatValue(Number(v), unit) } : {});
      let series: z.infer<typeof output>['series'];
      if (data.resultType === 'scalar' || data.resultType === 'string') {
        const [timestamp, value] = data.result as [number, string];
        series = [{ labels: {}, value, timestamp, ...display(value) }];
      } else {
        series = (data.result as Array<{ metric: Record<string, string>; value?: [number, string]; values?: Array<[number, string]> }>).map((s) => {
          const last = s.value ?? s.values?.[s.values.length - 1] ?? [0, 'NaN'];
          return { labels: s.metric, value: last[1], timestamp: last[0], ...display(last[1]), ...(s.values ? { values: s.values } : {}) };
        });
      }
      return { promql, resultType: data.resultType, series, reads, ...(unit === undefined ? {} : { unit }) };
    },
  };
}
