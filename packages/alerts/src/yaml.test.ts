import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';
import { generate } from './generate.js';
import { lokiRulesGenerator } from './loki/rules.js';
import { compile, ENVIRONMENTS } from './test-support/fixtures.js';
import { syntheticModel } from './test-support/specs.js';

/** How the generators printed YAML with the `yaml` package before the purpose-built printer. */
const YAML_OPTIONS = { lineWidth: 0, blockQuote: 'literal', indentSeq: true, aliasDuplicateObjects: false } as const;

/** Each YAML artifact's body (after the `#` header) is what `yaml` prints for the same data. */
function expectYamlPackageBytes(artifacts: readonly Artifact[]): number {
  let checked = 0;
  for (const a of artifacts) {
    if (!/\.ya?ml$/.test(a.path)) continue;
    const body = a.content.replace(/^(#[^\n]*\n)+/, '');
    expect(body, a.path).toBe(stringify(parse(body), YAML_OPTIONS));
    checked++;
  }
  return checked;
}

/** Both of the package's generators' files. */
function withLoki(model: ResolvedModel): Artifact[] {
  return [...generate(model), ...lokiRulesGenerator.generate(model)];
}

describe('YAML output', () => {
  it.each(ENVIRONMENTS)('is byte for byte what the yaml package prints, embedded spec (%s)', (env) => {
    expect(expectYamlPackageBytes(withLoki(compile(env)))).toBeGreaterThan(5);
  });

  it('is byte for byte what the yaml package prints, synthetic benchmark spec', () => {
    expect(expectYamlPackageBytes(withLoki(syntheticModel(12)))).toBeGreaterThan(5);
  });
});
