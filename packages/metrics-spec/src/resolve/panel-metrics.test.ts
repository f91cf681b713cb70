import { describe, expect, it } from 'vitest';
import { exampleModel, LATENCY_HISTOGRAM } from '../test-support/example-model.js';

const EXTRA = `metrics:
${LATENCY_HISTOGRAM}dashboards:
  latency:
    title: Latency
    description: Latency.
    panels:
      p95:
        title: p95 latency against the error ratio
        type: timeseries
        unit: seconds
        queries:
          - expr: histogram_quantile(0.95, sum by (le) (rate(demo_latency_seconds_bucket[$__rate_interval]))) and on () job:demo_errors:ratio_rate5m > 0 or on () (sum(rate(demo_latency_seconds_count[$__rate_interval])) * 0)
          - expr: 'label_replace(vector(1), "x", "demo_errors_total", "", "")'
`;

describe("a panel's metrics (when the spec does not list them)", () => {
  it('are the declared metrics and recording rules its queries name, in order, a histogram series standing for its metric', () => {
    const panel = exampleModel({ 'extra.yaml': EXTRA }).dashboards.find((d) => d.uid === 'latency')?.panels.find((p) => p.key === 'p95');
    expect(panel?.metrics).toEqual(['demo_latency_seconds', 'job:demo_errors:ratio_rate5m']);
  });
});
