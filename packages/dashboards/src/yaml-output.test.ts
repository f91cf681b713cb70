import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { compiledModel } from '@monspec/test-kit';
import { demoModel, syntheticModel } from './test-support/specs.js';
import { generate } from './generate.js';
import { dashboardQueryRuleFile } from './query-rules.js';

/** How the provisioning and query-rule files were printed with the `yaml` package before the purpose-built printer. */
const YAML_OPTIONS = { lineWidth: 0 } as const;

/** Every YAML file of the model is byte for byte what `yaml` prints for the same data. */
function expectYamlPackageBytes(model: ResolvedModel): void {
  const texts = generate(model)
    .filter((a) => /\.ya?ml$/.test(a.path))
    .map((a) => a.content);
  expect(texts.length).toBeGreaterThan(1);
  for (const text of [...texts, dashboardQueryRuleFile(model)]) expect(text).toBe(stringify(parse(text), YAML_OPTIONS));
}

describe('YAML output', () => {
  it('is what the yaml package prints: embedded spec, both environments', () => {
    expectYamlPackageBytes(compiledModel(compileSpecDir, undefined, 'production'));
    expectYamlPackageBytes(compiledModel(compileSpecDir, undefined, 'staging'));
  });

  it('is what the yaml package prints: demo spec', () => {
    expectYamlPackageBytes(demoModel());
  });

  it('is what the yaml package prints: synthetic benchmark spec', () => {
    expectYamlPackageBytes(syntheticModel(12));
  });
});
