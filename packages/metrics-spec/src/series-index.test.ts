import { describe, expect, it } from 'vitest';
import { alertReads, metricsRead, namesRead, seriesIndex } from './series-index.js';
import { exampleModel, LATENCY_HISTOGRAM } from './test-support/example-model.js';

const EXTRA = `metrics:
${LATENCY_HISTOGRAM}  demo_queue:
    type: gauge
    unit: count
    help: Queue.
    meaning: Queued requests.
    group: queue
  demo_rpc_seconds:
    type: summary
    unit: seconds
    help: RPC.
    meaning: RPC latency.
    group: request
recordingRules:
  job:demo_latency:p95:
    expr: histogram_quantile(0.95, sum by (job, le) (rate(demo_latency_seconds_bucket[5m])))
    description: p95 latency.
    unit: seconds
  job:demo_errors:ratio_max1h:
    expr: max_over_time(job:demo_errors:ratio_rate5m[1h])
    description: Worst error ratio of the hour.
    unit: ratio
`;

const model = () => exampleModel({ 'extra.yaml': EXTRA });
const m = model();

describe('seriesIndex', () => {
  const index = seriesIndex(m);
  it('expands histograms and summaries into their series, with counter semantics and labels', () => {
    expect(index.get('demo_latency_seconds_bucket')).toMatchObject({ kind: 'metric', counter: true });
    expect([...(index.get('demo_latency_seconds_bucket')?.labels ?? [])].sort()).toEqual(['instance', 'job', 'le']);
    expect(index.get('demo_latency_seconds')).toBeUndefined();
    expect(index.get('demo_rpc_seconds')).toMatchObject({ kind: 'metric', counter: false });
    expect([...(index.get('demo_rpc_seconds')?.labels ?? [])].sort()).toEqual(['instance', 'job', 'quantile']);
    expect(index.get('demo_rpc_seconds_count')).toMatchObject({ kind: 'metric', counter: true });
    expect(index.get('demo_queue')).toMatchObject({ kind: 'metric', counter: false });
    expect(index.get('demo_requests_total')?.metric?.name).toBe('demo_requests_total');
  });
  it('knows recording rules (with their output labels) and the series Prometheus makes', () => {
    expect(index.get('code:demo_requests:rate5m')).toMatchObject({ kind: 'recording-rule', metric: undefined });
    expect([...(index.get('code:demo_requests:rate5m')?.labels ?? [])]).toEqual(['code']);
    expect(index.get('ALERTS')).toMatchObject({ kind: 'builtin' });
  });
  it('is built once per model, and again for another', () => {
    expect(seriesIndex(m)).toBe(index);
    expect(seriesIndex(model())).not.toBe(index);
  });
});

describe('metricsRead', () => {
  it('follows recording rules transitively, sorted', () => {
    expect(metricsRead(m, 'job:demo_errors:ratio_max1h > 0.1')).toEqual(['demo_errors_total', 'demo_requests_total']);
    expect(metricsRead(m, 'job:demo_latency:p95')).toEqual(['demo_latency_seconds']);
  });
  it('maps histogram and summary series back to their metric, and nothing else', () => {
    expect(metricsRead(m, 'sum(rate(demo_rpc_seconds_sum[5m])) / sum(rate(demo_rpc_seconds_count[5m]))')).toEqual(['demo_rpc_seconds']);
    // A gauge has no _count series: demo_queue_count is not demo_queue (docs-gen's copy said it was).
    expect(metricsRead(m, 'demo_queue_count')).toEqual([]);
    expect(metricsRead(m, 'up{job="demo_queue"}')).toEqual([]);
  });
  it('answers the same expression with the same array', () => {
    expect(metricsRead(m, 'demo_queue')).toBe(metricsRead(m, 'demo_queue'));
  });
});

describe('namesRead', () => {
  it('lists the metrics and recording rules an expression names itself, not through rules', () => {
    expect(namesRead(m, 'job:demo_errors:ratio_max1h > on (job) demo_queue')).toEqual(['demo_queue', 'job:demo_errors:ratio_max1h']);
    expect(namesRead(m, 'rate(demo_latency_seconds_count[5m])')).toEqual(['demo_latency_seconds']);
  });
  it('does not count a name inside a label value or a string', () => {
    expect(namesRead(m, 'up{job="demo_queue"} or label_replace(vector(1), "x", "demo_errors_total", "", "")')).toEqual([]);
  });
});

describe('alertReads', () => {
  const TWO = `alerts:
  DemoErrorsWarn:
    severity: warning
    expr: job:demo_errors:ratio_rate5m
    condition: { op: '>', value: 0.01 }
    summary: x
    description: x
    dashboard: demo/errors
  DemoQueue:
    severity: info
    expr: max(demo_queue)
    condition: { op: '>', value: 10 }
    summary: x
    description: x
    dashboard: demo/errors
runbooks:
  DemoErrorsWarn: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }
  DemoQueue: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }
`;
  const mm = exampleModel({ 'extra.yaml': EXTRA, 'two.yaml': TWO });
  const reading = alertReads(mm);

  it("gives each alert's reads (through recording rules) and each metric's readers, sorted", () => {
    expect(reading.readsOf('DemoHighErrorRate')).toEqual(metricsRead(mm, 'job:demo_errors:ratio_rate5m'));
    expect(reading.readsOf('DemoQueue')).toEqual(['demo_queue']);
    expect(reading.readersOf('demo_errors_total')).toEqual(['DemoErrorsWarn', 'DemoHighErrorRate']);
    expect(reading.readersOf('demo_queue')).toEqual(['DemoQueue']);
    expect(reading.readersOf('nothing')).toEqual([]);
    expect(reading.readsOf('Unknown')).toEqual([]);
  });
});
