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
  // Shared subtrees go in as placeholders and come back as their text, indented to where they stand.
  const texts: SharedText[] = [];
  const text = JSON.stringify(withPlaceholders(value, texts), null, 2);
  return `${texts.length === 0 ? text : splice(text, texts)}\n`;
}

/**
 * Subtrees that many documents hold (each dashboard links to every other, so a model of N
 * dashboards writes N² links) are sorted and printed once: `shareJson` records an object's text, and
 * `stringifyJson` splices it in. The objects must not change afterwards.
 */
const sharedText = new WeakMap<object, SharedText>();

interface SharedText {
  /** Printed at indent 0. */
  readonly text: string;
  /** Printed at a deeper indent, by indent (a subtree usually stands at one depth). */
  readonly byIndent: Map<string, string>;
}

export function shareJson<T extends Json>(value: T): T {
  if (value !== null && typeof value === 'object') sharedText.set(value, { text: JSON.stringify(sortKeys(value), null, 2), byIndent: new Map() });
  return value;
}

function indented(shared: SharedText | undefined, indent: string): string {
  if (!shared) throw new Error('Unexpected placeholder without a shared text');
  let text = shared.byIndent.get(indent);
  if (text === undefined) {
    text = shared.text.replaceAll('\n', `\n${indent}`);
    shared.byIndent.set(indent, text);
  }
  return text;
}

// A string no spec value holds (it starts with U+0000); JSON.stringify prints it as PRINTED_TAG.
const TAG = '\u0000monspec-shared:';
const PRINTED_TAG = '"\\u0000monspec-shared:';

/** Replaces the i-th placeholder (`"<tag>i"`) with `texts[i]`, indented as its line is. */
function splice(text: string, texts: readonly SharedText[]): string {
  // A rope (+=) rather than join: the writer flattens it once anyway.
  let out = '';
  let from = 0;
  for (let i = 0; i < texts.length; i++) {
    const at = text.indexOf(PRINTED_TAG, from);
    if (at < 0) throw new Error('Unexpected missing placeholder in printed JSON');
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let indentEnd = lineStart;
    while (text.charCodeAt(indentEnd) === 32) indentEnd++;
    out += text.slice(from, at) + indented(texts[i], text.slice(lineStart, indentEnd));
    // Past the closing quote of the placeholder.
    from = text.indexOf('"', at + PRINTED_TAG.length) + 1;
  }
  return out + text.slice(from);
}

function withPlaceholders(value: Json, texts: SharedText[]): Json {
  if (value === null || typeof value !== 'object') return value;
  const shared = sharedText.get(value);
  if (shared !== undefined) return `${TAG}${texts.push(shared) - 1}`;
  if (Array.isArray(value)) return value.map((v) => withPlaceholders(v, texts));
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v !== undefined) out[key] = withPlaceholders(v, texts);
  }
  return out;
}
