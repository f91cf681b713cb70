import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync(new URL('../schema/monspec.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

type Node = Record<string, unknown>;

/** Every property of every object in the schema, with the pointer it sits at. */
function* properties(node: unknown, pointer: string): Generator<[string, Node]> {
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  const props = n.properties as Record<string, Node> | undefined;
  if (props) for (const [k, v] of Object.entries(props)) yield [`${pointer}/properties/${k}`, v];
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties') for (const [pk, pv] of Object.entries(v as Record<string, unknown>)) yield* properties(pv, `${pointer}/properties/${pk}`);
    else if (typeof v === 'object') yield* properties(v, `${pointer}/${k}`);
  }
}

function resolveRef(ref: string): Node | undefined {
  const name = ref.replace('#/$defs/', '');
  return (schema.$defs as Record<string, Node>)[name];
}

describe('the published JSON Schema', () => {
  it('is draft 2020-12', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('describes every property (directly or through its $ref)', () => {
    const undocumented: string[] = [];
    for (const [pointer, prop] of properties(schema, '')) {
      if (pointer.includes('/if/')) continue; // `if` conditions test a value, they declare nothing
      const described = typeof prop.description === 'string' || (typeof prop.$ref === 'string' && typeof resolveRef(prop.$ref)?.description === 'string');
      if (!described) undocumented.push(pointer);
    }
    expect(undocumented).toEqual([]);
  });

  it('allows no unknown properties on any object with declared properties', () => {
    const open: string[] = [];
    const walk = (node: unknown, pointer: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Node;
      if (n.properties && n.additionalProperties !== false && !pointer.endsWith('/if')) open.push(pointer);
      for (const [k, v] of Object.entries(n)) walk(v, `${pointer}/${k}`);
    };
    walk(schema, '');
    expect(open).toEqual([]);
  });

  it('the generated types and validators are fresh (gen-types --check)', () => {
    const script = new URL('../scripts/gen-types.mjs', import.meta.url).pathname;
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
