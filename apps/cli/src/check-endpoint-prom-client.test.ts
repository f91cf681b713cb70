/**
 * check-endpoint against what a real service exposes: the instrumentation module monspec generates
 * for a spec, transpiled and run on a real prom-client Registry, scraped as text 0.0.4 and as
 * OpenMetrics. What the generated module exposes must pass the check of the spec it came from, for
 * the embedded spec and for the starter `init` writes; and the check must still catch drift in it.
 * prom-client's default collectors run beside it, as in a service (the spec's process metrics).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@monspec/instrumentation';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { collectDefaultMetrics, openMetricsContentType, Registry, type OpenMetricsContentType, type PrometheusContentType } from 'prom-client';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_SPEC, runCli, tempDir } from './test-support/run-cli.js';

// Inside the package, so the module's `import … from 'prom-client'` resolves.
const TMP = mkdtempSync(join(dirname(fileURLToPath(import.meta.url)), '..', '.prom-client-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

type AnyRegistry = Registry<PrometheusContentType | OpenMetricsContentType>;

interface GeneratedModule {
  createServiceMetrics(registry: AnyRegistry): unknown;
}

/** The generated module's exposition right after start, as prom-client serves it. */
async function scrape(spec: string, name: string, contentType?: OpenMetricsContentType): Promise<string> {
  const { model } = compileSpecDir(spec);
  if (!model) throw new Error(`${spec} does not compile`);
  const code = generate(model)[0]?.content ?? '';
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(TMP, `${name}.mjs`);
  writeFileSync(file, js);
  const mod = (await import(file)) as GeneratedModule;
  const registry: AnyRegistry = new Registry<PrometheusContentType | OpenMetricsContentType>();
  if (contentType) registry.setContentType(contentType);
  mod.createServiceMetrics(registry);
  // As a service does: the spec's process metrics come from prom-client's default collectors.
  collectDefaultMetrics({ register: registry });
  return registry.metrics();
}

function check(spec: string, exposition: string): { code: number | null; out: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'metrics.txt'), exposition);
  const r = runCli(['check-endpoint', '--spec', spec, 'metrics.txt', '--format', 'json'], dir);
  return { code: r.code, out: r.stdout + r.stderr };
}

describe('monspec check-endpoint on real prom-client output of the generated module', () => {
  const starter = join(tempDir(), 'monitoring');
  runCli(['init', starter, '--service', 'checkout'], tempDir());

  for (const [label, spec] of [['embedded tunnel spec', EMBEDDED_SPEC], ['init starter', starter]] as const) {
    it(`${label}: the text format passes, and a renamed metric fails`, async () => {
      const text = await scrape(spec, `${label.replace(/\W/g, '-')}-text`);
      const ok = check(spec, text);
      expect(ok.code, ok.out).toBe(0);
      const name = /^# TYPE (\w+) counter$/m.exec(text)?.[1] ?? '';
      expect(name).not.toBe('');
      const renamed = check(spec, text.replaceAll(name, `${name}_renamed`));
      expect(renamed.code, renamed.out).toBe(1);
      expect(renamed.out).toContain(`Unexpected missing metric ${name}`);
    });

    it(`${label}: the OpenMetrics format passes`, async () => {
      const text = await scrape(spec, `${label.replace(/\W/g, '-')}-om`, openMetricsContentType);
      expect(text).toContain('# EOF');
      const ok = check(spec, text);
      expect(ok.code, ok.out).toBe(0);
    });
  }
});
