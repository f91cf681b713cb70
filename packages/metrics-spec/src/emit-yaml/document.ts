/**
 * A small YAML printer for generated artifacts: plain data (objects, arrays, strings, numbers,
 * booleans, null) in block style, byte for byte what the `yaml` package prints with
 * `{ lineWidth: 0, blockQuote: 'literal', indentSeq: true, aliasDuplicateObjects: false }` (and with
 * `{ lineWidth: 0 }` for data without shared objects), at a fraction of its cost: no document model
 * is built. Keys keep insertion order; `undefined` object values are left out, as JSON does.
 */
import { numberScalar, stringScalar } from './scalar.js';

const INDENT_STEP = '  ';
/** Longer implicit keys are not allowed; `yaml` writes them as explicit `? key` entries. */
const MAX_IMPLICIT_KEY = 1024;

type PlainObject = Readonly<Record<string, unknown>>;

function isPlainObject(value: object): value is PlainObject {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function definedEntries(value: PlainObject): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== undefined) entries.push([key, v]);
  }
  return entries;
}

/** A value at `indent` (its continuation lines' indentation). */
function node(value: unknown, indent: string): string {
  switch (typeof value) {
    case 'string':
      return stringScalar(value, { indent, implicitKey: false });
    case 'number':
    case 'bigint':
      return numberScalar(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return sequence(value, indent);
      if (isPlainObject(value)) return mapping(value, indent);
      throw new TypeError(`Unexpected ${value.constructor.name} in YAML output, expected plain data`);
    default:
      throw new TypeError(`Unexpected ${typeof value} in YAML output, expected plain data`);
  }
}

function sequence(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const itemIndent = indent + INDENT_STEP;
  let out = '';
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '- ' : `\n${indent}- `) + node(items[i], itemIndent);
  return out;
}

function mapping(value: PlainObject, indent: string): string {
  const entries = definedEntries(value);
  if (entries.length === 0) return '{}';
  const inner = indent + INDENT_STEP;
  let out = '';
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i] as [string, unknown];
    const keyText = stringScalar(key, { indent: inner, implicitKey: true });
    const explicitKey = keyText.length > MAX_IMPLICIT_KEY;
    const valueText = node(v, inner);
    // A non-empty collection starts on the line after its key; an empty one (`[]`, `{}`) stays on it.
    const nonEmptyCollection = typeof v === 'object' && v !== null && valueText[0] !== '[' && valueText[0] !== '{';
    const separator = !explicitKey && nonEmptyCollection ? `\n${inner}` : ' ';
    out += (i === 0 ? '' : `\n${indent}`) + (explicitKey ? `? ${keyText}\n${indent}:` : `${keyText}:`) + separator + valueText;
  }
  return out;
}

/** A YAML document (ending in a newline) for an object or array of plain data. */
export function stringifyYaml(data: unknown): string {
  if (typeof data !== 'object' || data === null) throw new TypeError('Unexpected scalar document, expected an object or array');
  return node(data, '') + '\n';
}
