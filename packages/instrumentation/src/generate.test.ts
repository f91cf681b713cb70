import { describe, expect, it } from 'vitest';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import type { ResolvedModel } from '@monspec/metrics-spec';
import { generate, INSTRUMENTATION_PATH } from './index.js';

function embedded(): ResolvedModel {
  const { model } = compileSpecDir();
  if (!model) throw new Error('the embedded spec does not compile');
  return model;
}

describe('generate', () => {
  const model = embedded();
  const [artifact] = generate(model);
  const code = artifact?.content ?? '';

  it('produces one TypeScript module', () => {
    expect(generate(model).map((a) => a.path)).toEqual([INSTRUMENTATION_PATH]);
  });

  it('is deterministic', () => {
    expect(generate(embedded())[0]?.content).toBe(code);
  });

  it('declares every metric the service or process exposes, with its help text and type, and not up', () => {
    for (const m of model.metrics) {
      if (m.origin === 'prometheus') {
        expect(code).not.toContain(`name: "${m.name}"`);
        continue;
      }
      const cls = { counter: 'Counter', gauge: 'Gauge', histogram: 'Histogram', summary: 'Summary' }[m.type];
      expect(code).toContain(`new ${cls}({ name: ${JSON.stringify(m.name)}, help: ${JSON.stringify(m.help)}`);
    }
  });

  it('declares label names and histogram buckets from the spec', () => {
    expect(code).toContain('name: "tunnel_errors_total", help: "Total number of failed tunnel requests by error category.", labelNames: ["category", "code", "tier"] as const');
    expect(code).toContain('buckets: [5, 10, 25, 50, 100, 150, 200, 250, 300, 500, 750, 1000, 2500, 5000]');
  });

  it('types enumerated label values as literal unions and bounded labels as strings', () => {
    expect(code).toMatch(/interface TunnelErrorsTotalLabels \{[^}]*readonly category: "network" \| "auth" \| "server";/s);
    expect(code).toMatch(/interface TunnelUserRequestsTotalLabels \{[^}]*readonly user: string;/s);
    expect(code).toContain('readonly tunnelErrorsTotal: LabelledCounter<TunnelErrorsTotalLabels>;');
    expect(code).toContain('readonly tunnelCircuitBreakerState: PlainGauge;');
  });

  it('separates process metrics from service metrics and marks deprecated metrics', () => {
    const processPart = code.slice(code.indexOf('export interface ProcessMetrics'));
    expect(processPart).toContain('readonly processResidentMemoryBytes: PlainGauge;');
    expect(code.slice(0, code.indexOf('export interface ProcessMetrics'))).not.toContain('processResidentMemoryBytes');
    expect(code).toMatch(/@deprecated [^\n]*Use job:tunnel_requests:rate5m\.\n\s*\*\/\n\s*readonly tunnelRequestRate: PlainGauge;/);
  });

  it('imports only the prom-client classes it uses', () => {
    expect(code).toContain("import { Counter, Gauge, Histogram, type Registry } from 'prom-client';");
  });
});

describe('a spec without process metrics', () => {
  const model = embedded();
  const noProcess = { ...model, metrics: model.metrics.filter((m) => m.origin !== 'process') };
  const code = generate(noProcess)[0]?.content ?? '';

  it('declares ProcessMetrics as an empty record, not an empty interface (which accepts any value)', () => {
    expect(code).toContain('export type ProcessMetrics = Record<string, never>;');
    expect(code).not.toMatch(/interface \w+ \{\s*\}/);
  });
});
