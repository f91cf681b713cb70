/**
 * The generator contract as the CLI uses it: one loop over the registry, findings recognised by
 * class (GeneratorFindings), lint diagnostics located by pointer, one owner per path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptorOf, GeneratorFindings, type Artifact, type Generator, type ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { generateEnvironment } from '../build/generate-all.js';
import { TOOL_VERSION } from '../version.js';
import { GENERATORS, register } from './registry.js';

const model = compileSpecDir(undefined, { environment: 'production' }).model as ResolvedModel;

/** A file as a generator returns it. */
function file(path: string, content: string): Artifact {
  return { path, role: 'document', deployed: false, content };
}

/** A generator that describes and returns `artifacts`. */
function fake(id: string, artifacts: readonly Artifact[], extra: Partial<Generator> = {}): Generator {
  return { id, describe: () => artifacts.map(descriptorOf), generate: () => artifacts, ...extra };
}

describe('generator registry', () => {
  it('has one line per id, and each line loads the generator of that id', async () => {
    const ids = GENERATORS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    const generated = await generateEnvironment(model, TOOL_VERSION);
    // Every registered generator ran (its time is recorded under its id) and produced files.
    for (const id of ids) expect(Object.keys(generated.timings)).toContain(id);
    // The rulers line writes files only for a spec that selects another ruler than rule_files.
    const ruled = { ...model, service: { ...model.service, alerting: { ...model.service.alerting, ruler: { type: 'mimir' as const, namespace: 'x' } } } };
    for (const g of GENERATORS) expect((await g.generate(g.id === 'rulers' ? ruled : model)).length, g.id).toBeGreaterThan(0);
    expect((await GENERATORS.find((g) => g.id === 'rulers')?.generate(model))?.length).toBe(0);
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
    const sync = register('sync', async () => ({ id: 'sync', describe: () => [descriptorOf(file('a.json', '{}'))], generate: (_m: ResolvedModel, o: { n: number }) => (seen.push(o), [file('a.json', '{}')]) }), () => ({ n: 1 }));
    const later = register('async', async () => ({ id: 'async', describe: () => [descriptorOf(file('b.json', '{}'))], generate: async (_m: ResolvedModel, o: string) => (seen.push(o), [file('b.json', '{}')]) }), async () => 'two');
    const r = await generateEnvironment(model, TOOL_VERSION, [sync, later]);
    expect(r.artifacts.map((a) => a.path)).toEqual(['a.json', 'b.json', 'manifest.json']);
    expect(seen).toEqual([{ n: 1 }, 'two']);
  });

  it('collects each generator\'s lint over its own artifacts', async () => {
    const mine = [file('x.json', '{}')];
    let linted: readonly Artifact[] = [];
    const line = register('linted', async () => fake('linted', mine, { lint: (_m, a) => ((linted = a), [{ ruleId: 'x/rule', severity: 'error', message: 'Unexpected x, expected y', pointer: '/service' }]) }), () => undefined);
    const r = await generateEnvironment(model, TOOL_VERSION, [line]);
    expect(linted).toEqual(mine);
    expect(r.lint).toEqual([{ ruleId: 'x/rule', severity: 'error', message: 'Unexpected x, expected y', pointer: '/service' }]);
  });

  it('refuses a generator whose describe() does not list exactly what generate() returns', async () => {
    const files = [file('a.yaml', 'a: 1\n'), file('b.yaml', 'b: 1\n')];
    const fewer = register('fewer', async () => fake('fewer', files, { describe: () => [descriptorOf(files[0] as Artifact)] }), () => undefined);
    await expect(generateEnvironment(model, TOOL_VERSION, [fewer])).rejects.toThrow(/Unexpected files from the fewer generator: generated but not described \["b\.yaml".*expected describe\(\) to list exactly what generate\(\) returns/);
    const other = register('other', async () => fake('other', files, { describe: () => files.map((f) => ({ ...descriptorOf(f), deployed: true })) }), () => undefined);
    await expect(generateEnvironment(model, TOOL_VERSION, [other])).rejects.toThrow('Unexpected files from the other generator');
  });

  it('describes every registered output as it generates it, with a role for each file', async () => {
    for (const g of GENERATORS) {
      const generated = (await g.generate(model)).map(descriptorOf);
      expect(await g.describe(model), g.id).toEqual(expect.arrayContaining(generated));
      expect((await g.describe(model)).length, g.id).toBe(generated.length);
      for (const d of generated) expect(d.role, `${g.id}: ${d.path}`).toBeTruthy();
    }
  });

  it('refuses one path from two generators', async () => {
    const one = register('one', async () => fake('one', [file('same.json', '1')]), () => undefined);
    const two = register('two', async () => fake('two', [file('same.json', '2')]), () => undefined);
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
