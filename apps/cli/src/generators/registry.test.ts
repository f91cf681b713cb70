/**
 * The generator contract as the CLI uses it: one loop over the registry, findings recognised by
 * class (GeneratorFindings), lint diagnostics located by pointer, one owner per path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorFindings, type Artifact, type Generator, type ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { generateEnvironment } from '../build/generate-all.js';
import { TOOL_VERSION } from '../version.js';
import { GENERATORS, register } from './registry.js';

const model = compileSpecDir(undefined, { environment: 'production' }).model as ResolvedModel;

function fake(id: string, artifacts: readonly Artifact[], extra: Partial<Generator> = {}): Generator {
  return { id, generate: () => artifacts, ...extra };
}

describe('generator registry', () => {
  it('has one line per id, and each line loads the generator of that id', async () => {
    const ids = GENERATORS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    const generated = await generateEnvironment(model, TOOL_VERSION);
    // Every registered generator ran (its time is recorded under its id) and produced files.
    for (const id of ids) expect(Object.keys(generated.timings)).toContain(id);
    for (const g of GENERATORS) expect((await g.generate(model)).length, g.id).toBeGreaterThan(0);
  });

  it('takes the Loki rules from their own line (the recipe of CONTRIBUTING.md, "Add an output")', async () => {
    const paths = async (id: string) => (await GENERATORS.find((g) => g.id === id)?.generate(model))?.map((a) => a.path);
    expect(await paths('loki-rules')).toEqual(['loki/rules/logs.rules.yml']);
    expect(await paths('alerts')).not.toContain('loki/rules/logs.rules.yml');
  });

  it('refuses a registry line whose generator has another id', async () => {
    const line = register('a', async () => fake('b', []), () => undefined);
    await expect(line.generate(model)).rejects.toThrow('Unexpected generator id b on the registry line a');
  });

  it('awaits sync and async generators alike and passes each its options', async () => {
    const seen: unknown[] = [];
    const sync = register('sync', async () => ({ id: 'sync', generate: (_m: ResolvedModel, o: { n: number }) => (seen.push(o), [{ path: 'a.json', content: '{}' }]) }), () => ({ n: 1 }));
    const later = register('async', async () => ({ id: 'async', generate: async (_m: ResolvedModel, o: string) => (seen.push(o), [{ path: 'b.json', content: '{}' }]) }), async () => 'two');
    const r = await generateEnvironment(model, TOOL_VERSION, [sync, later]);
    expect(r.artifacts.map((a) => a.path)).toEqual(['a.json', 'b.json', 'manifest.json']);
    expect(seen).toEqual([{ n: 1 }, 'two']);
  });

  it('collects each generator\'s lint over its own artifacts', async () => {
    const mine = [{ path: 'x.json', content: '{}' }];
    let linted: readonly Artifact[] = [];
    const line = register('linted', async () => fake('linted', mine, { lint: (_m, a) => ((linted = a), [{ ruleId: 'x/rule', severity: 'error', message: 'Unexpected x, expected y', pointer: '/service' }]) }), () => undefined);
    const r = await generateEnvironment(model, TOOL_VERSION, [line]);
    expect(linted).toEqual(mine);
    expect(r.lint).toEqual([{ ruleId: 'x/rule', severity: 'error', message: 'Unexpected x, expected y', pointer: '/service' }]);
  });

  it('refuses one path from two generators', async () => {
    const one = register('one', async () => fake('one', [{ path: 'same.json', content: '1' }]), () => undefined);
    const two = register('two', async () => fake('two', [{ path: 'same.json', content: '2' }]), () => undefined);
    await expect(generateEnvironment(model, TOOL_VERSION, [one, two])).rejects.toThrow('Unexpected same.json from the two generator, expected each path from one generator (one produced it too)');
  });

  it('lets GeneratorFindings through as that class, whichever generator throws it', async () => {
    const findings = new GeneratorFindings('loki-rules', [{ ruleId: 'x', severity: 'error', message: 'Unexpected x, expected y' }], 'Unexpected x, expected y');
    const line = register('loki-rules', async () => fake('loki-rules', [], { generate: () => { throw findings; } }), () => undefined);
    const err = await generateEnvironment(model, TOOL_VERSION, [line]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GeneratorFindings);
    expect((err as GeneratorFindings).generator).toBe('loki-rules');
  });
});

/** The CLI's own sources, tests excluded. */
function cliSources(dir = join(import.meta.dirname, '..')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(e.parentPath, e.name);
    if (e.isDirectory()) return cliSources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the CLI recognises errors by class', () => {
  it('compares no error\'s name with a string (an error named alike from elsewhere would pass as findings)', () => {
    const byName = cliSources().flatMap((f) => (readFileSync(f, 'utf8').match(/\.name\s*[!=]==?\s*['"`]\w*Error['"`]/g) ?? []).map((m) => `${f}: ${m}`));
    expect(byName).toEqual([]);
  });
});
