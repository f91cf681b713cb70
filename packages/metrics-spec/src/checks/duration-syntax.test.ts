import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../embedded.js';
import { durationProblem, parseDuration } from '../quantity.js';
import { DURATION_FIELDS } from './duration-syntax.js';

type Node = { readonly [key: string]: unknown };

/** Every path at which the schema uses #/$defs/duration (`*` any key, `#` any list item). */
function durationPaths(schema: Node & { $defs: Record<string, Node> }): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, path: string, seen: ReadonlySet<string>): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.$ref === '#/$defs/duration') {
      out.add(path);
      return;
    }
    if (typeof n.$ref === 'string') {
      const name = n.$ref.split('/').pop() as string;
      if (!seen.has(name)) walk(schema.$defs[name], path, new Set([...seen, name]));
    }
    for (const [k, v] of Object.entries(n)) {
      if (k === 'properties') for (const [pk, pv] of Object.entries(v as Node)) walk(pv, `${path}/${pk}`, seen);
      else if (k === 'additionalProperties') walk(v, `${path}/*`, seen);
      else if (k === 'items') walk(v, `${path}/#`, seen);
      else if (k === 'oneOf' || k === 'anyOf' || k === 'allOf') for (const b of v as unknown[]) walk(b, path, seen);
      else if (k === 'then' || k === 'else') walk(v, path, seen);
    }
  };
  walk({ ...schema, $defs: undefined }, '', new Set());
  return [...out].sort();
}

describe('duration-syntax', () => {
  it('covers every duration field of the schema', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Node & { $defs: Record<string, Node> };
    expect(DURATION_FIELDS.map((f) => f.path).sort()).toEqual(durationPaths(schema));
  });

  it.each([
    ['0', 0],
    ['0s', 0],
    ['1h30m', 5400],
    ['1y2w3d4h5m6s7ms', 31536000 + 2 * 604800 + 3 * 86400 + 4 * 3600 + 5 * 60 + 6.007],
    ['500ms', 0.5],
    ['5m10h', Number.NaN],
    ['1m1m', Number.NaN],
    ['10', Number.NaN],
    ['', Number.NaN],
    ['1.5h', Number.NaN],
    ['300000y', Number.NaN],
  ])('parseDuration(%j) is %d', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
    expect(durationProblem(text) === undefined).toBe(!Number.isNaN(seconds));
  });
});
