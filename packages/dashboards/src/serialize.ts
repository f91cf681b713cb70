/**
 * Deterministic serialisation. Object key order carries no meaning in dashboard JSON or provisioning
 * YAML, so keys are sorted; array order is kept (panels, steps, targets are ordered on purpose).
 */

/** A JSON value as it comes out of `JSON.parse`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Deep copy with object keys sorted; `undefined` members are dropped (as JSON.stringify does). */
export function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * Turns an SDK `build()` result (a live object that later builder calls would still mutate) into
 * plain JSON data.
 */
export function toPlain(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Pretty JSON (2-space indent, sorted keys, trailing newline). */
export function stringifyJson(value: Json): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
