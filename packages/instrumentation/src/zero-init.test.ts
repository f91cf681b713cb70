/**
 * The generated module run for real: transpiled with TypeScript, imported, its metrics registered on
 * a prom-client Registry and scraped with `registry.metrics()`. Every counter and histogram whose
 * labels all have declared values exposes every combination at 0 before any increment, for the
 * embedded spec and for a small spec of its own; labels with only a bound are not enumerated.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSpec, type ResolvedMetric, type ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { Registry } from 'prom-client';
import { generate } from './index.js';

// Inside the package, so the module's `import … from 'prom-client'` resolves.
const TMP = mkdtempSync(join(dirname(fileURLToPath(import.meta.url)), '..', '.zero-init-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface GeneratedModule {
  createServiceMetrics(registry: Registry): unknown;
}

async function load(model: ResolvedModel, name: string): Promise<GeneratedModule> {
  const code = generate(model)[0]?.content ?? '';
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(TMP, `${name}.mjs`);
  writeFileSync(file, js);
  return (await import(file)) as GeneratedModule;
}

function combinations(metric: ResolvedMetric): Array<Record<string, string>> {
  let out: Array<Record<string, string>> = [{}];
  for (const l of metric.labels) out = out.flatMap((p) => (l.values ?? []).map((v) => ({ ...p, [l.name]: v })));
  return out;
}

/** The exposition line of a series with these labels (prom-client sorts nothing: label order is declaration order). */
function seriesLine(text: string, name: string, labels: Record<string, string>): string | undefined {
  return text.split('\n').find((line) => {
    if (!line.startsWith(`${name}{`)) return false;
    return Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
  });
}

async function scrape(model: ResolvedModel, name: string): Promise<string> {
  const mod = await load(model, name);
  const registry = new Registry();
  mod.createServiceMetrics(registry);
  return registry.metrics();
}

function assertZeroSeries(model: ResolvedModel, text: string): number {
  let checked = 0;
  for (const m of model.metrics.filter((x) => x.origin === 'service')) {
    const enumerated = m.labels.length > 0 && m.labels.every((l) => l.values && l.values.length > 0);
    if (m.type === 'counter' && enumerated) {
      for (const labels of combinations(m)) {
        expect(seriesLine(text, m.name, labels), `${m.name}${JSON.stringify(labels)} at 0`).toMatch(/ 0$/);
        checked++;
      }
    } else if (m.type === 'histogram' && enumerated) {
      for (const labels of combinations(m)) {
        expect(seriesLine(text, `${m.name}_count`, labels), `${m.name}_count${JSON.stringify(labels)} at 0`).toMatch(/ 0$/);
        expect(seriesLine(text, `${m.name}_bucket`, { ...labels, le: '+Inf' }), `${m.name}_bucket{le="+Inf"}${JSON.stringify(labels)} at 0`).toMatch(/ 0$/);
        checked++;
      }
    } else if (m.labels.length > 0 && (m.type === 'counter' || m.type === 'histogram')) {
      // A label with only a bound (user) cannot be enumerated: no series before the first use.
      expect(text).not.toMatch(new RegExp(`^${m.name}(_count)?\\{`, 'm'));
    }
  }
  return checked;
}

describe('zero-initialised label combinations (real prom-client)', () => {
  it('the embedded spec: every enumerable counter and histogram series exists at 0 before any increment', async () => {
    const { model } = compileSpecDir();
    if (!model) throw new Error('the embedded spec does not compile');
    const text = await scrape(model, 'embedded');
    const checked = assertZeroSeries(model, text);
    // tunnel_errors_total alone: 3 categories × 13 codes × 3 tiers.
    expect(checked).toBeGreaterThanOrEqual(117);
    expect(seriesLine(text, 'tunnel_errors_total', { category: 'auth', code: 'token_expired', tier: 'premium' })).toBe('tunnel_errors_total{category="auth",code="token_expired",tier="premium"} 0');
  });

  it('any spec: two enumerated labels, a histogram, a bounded label and a gauge', async () => {
    const spec = `service:
  name: zed
  title: Zed
  description: Zero test.
  team: t
metrics:
  zed_jobs_total:
    type: counter
    unit: count
    help: Jobs.
    meaning: Jobs done.
    group: zed
    labels:
      kind: { description: Kind., values: [a, b] }
      result: { description: Result., values: [ok, failed, skipped] }
  zed_job_seconds:
    type: histogram
    unit: seconds
    help: Job time.
    meaning: Job time.
    group: zed
    buckets: [0.1, 1]
    labels:
      kind: { description: Kind., values: [a, b] }
  zed_user_jobs_total:
    type: counter
    unit: count
    help: Jobs per user.
    meaning: Jobs per user.
    group: zed
    labels:
      user: { description: User., maxCardinality: 10 }
  zed_queue:
    type: gauge
    unit: count
    help: Queue.
    meaning: Queue length.
    group: zed
    labels:
      kind: { description: Kind., values: [a, b] }
`;
    const result = compileSpec([{ path: 'zed.yaml', text: spec }]);
    if (!result.model) throw new Error(JSON.stringify(result.diagnostics, null, 2));
    const text = await scrape(result.model, 'zed');
    expect(assertZeroSeries(result.model, text)).toBe(6 + 2);
    // A gauge at 0 would claim a state: gauges are not initialised.
    expect(text).not.toMatch(/^zed_queue\{/m);
  });
});
