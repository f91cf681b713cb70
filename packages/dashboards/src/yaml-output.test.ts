import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { demoModel } from './__fixtures__/demo-spec.js';
import { generate } from './generate.js';
import { dashboardQueryRuleFile } from './query-rules.js';

/** How the provisioning and query-rule files were printed with the `yaml` package before the purpose-built printer. */
const YAML_OPTIONS = { lineWidth: 0 } as const;

function compile(dir: string | undefined, environment?: string): ResolvedModel {
  const result = compileSpecDir(dir, environment === undefined ? {} : { environment });
  if (!result.model) throw new Error(`spec does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.model;
}

/** Every YAML file of the model is byte for byte what `yaml` prints for the same data. */
function expectYamlPackageBytes(model: ResolvedModel): void {
  const texts = generate(model)
    .filter((a) => /\.ya?ml$/.test(a.path))
    .map((a) => a.content);
  expect(texts.length).toBeGreaterThan(1);
  for (const text of [...texts, dashboardQueryRuleFile(model)]) expect(text).toBe(stringify(parse(text), YAML_OPTIONS));
}

type WriteSyntheticSpec = (dir: string, n: number) => string;

describe('YAML output', () => {
  it('is what the yaml package prints: embedded spec, both environments', () => {
    expectYamlPackageBytes(compile(undefined, 'production'));
    expectYamlPackageBytes(compile(undefined, 'staging'));
  });

  it('is what the yaml package prints: demo spec', () => {
    expectYamlPackageBytes(demoModel());
  });

  it('is what the yaml package prints: synthetic benchmark spec', async () => {
    const modulePath = new URL('../../../bench/synthetic-spec.mjs', import.meta.url).href;
    const { writeSyntheticSpec } = (await import(modulePath)) as { writeSyntheticSpec: WriteSyntheticSpec };
    const dir = mkdtempSync(join(tmpdir(), 'monspec-synthetic-'));
    try {
      expectYamlPackageBytes(compile(writeSyntheticSpec(dir, 12)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
