/**
 * Names from a spec are keys of plain objects. The members of Object.prototype (`__proto__`,
 * `constructor`, `toString`, …) and `prototype` are rejected as names (load/reserved-keys.ts), and
 * every lookup by a name from the spec goes through `own`, so a reference that happens to match a
 * built-in (`threshold: constructor`) finds nothing instead of a function.
 */

const RESERVED: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__']);

/** True for the names a spec may not use as keys. */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/** A few of the reserved names, for messages. */
export const RESERVED_EXAMPLES = '__proto__, constructor, prototype, toString, valueOf, hasOwnProperty, …';

/** `record[key]` when `key` is the record's own property, else undefined. */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
