import { didYouMean } from '../did-you-mean.js';
import { isReservedName } from '../own.js';
import { escapePointerSegment } from '../source-map.js';
import { isPlainObject } from './merge-documents.js';

/** A declared parameter (of a template or a library). */
export interface ParamDecl {
  readonly type?: 'string' | 'number' | 'boolean';
  readonly default?: unknown;
}

/** A parameter problem: `key` names the given parameter it is about (absent for a missing one). */
export interface ParamProblem {
  readonly key?: string;
  readonly message: string;
}

/**
 * Binds given values to declared parameters (defaults fill the gaps). `owner` names what declares
 * them in messages (`template "x"`, `library "http-service"`). Shared by templates and libraries.
 */
export function bindParams(
  declared: Readonly<Record<string, ParamDecl>>,
  given: Readonly<Record<string, unknown>>,
  owner: string,
): { values: Record<string, unknown>; problems: ParamProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: ParamProblem[] = [];
  const names = Object.keys(declared);
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(declared, key)) {
      problems.push({ key, message: `Unexpected parameter "${key}" for ${owner}, expected one of: ${names.join(', ') || '(none)'}${didYouMean(key, names)}` });
    }
  }
  for (const [key, param] of Object.entries(declared)) {
    const value = Object.hasOwn(given, key) ? given[key] : param.default;
    if (value === undefined) {
      problems.push({ message: `Unexpected missing parameter "${key}" for ${owner}, expected it to be set` });
      continue;
    }
    const type = param.type ?? 'string';
    if (typeof value !== type) {
      problems.push({ key, message: `Unexpected ${typeof value} for parameter "${key}" of ${owner}, expected a ${type}` });
      continue;
    }
    values[key] = value;
  }
  return { values, problems };
}

const PLACEHOLDER = /\$\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
const WHOLE = /^\$\{([a-zA-Z][a-zA-Z0-9_]*)\}$/;

/** `${name}` in a string; a string that is exactly `${name}` takes the value with its type. Unknown names stay. */
function substituteString(value: string, params: Readonly<Record<string, unknown>>): unknown {
  const whole = WHOLE.exec(value);
  if (whole && whole[1] !== undefined && Object.hasOwn(params, whole[1])) return params[whole[1]];
  return value.replace(PLACEHOLDER, (m, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : m));
}

/**
 * Substitutes parameters in every string of `value`, and in mapping keys when `renames` is given:
 * each renamed key's new pointer is recorded with its original pointer, so locations can be
 * translated back to the file. Reserved keys are dropped (reported at load).
 */
export function substitute(
  value: unknown,
  params: Readonly<Record<string, unknown>>,
  renames?: Map<string, string>,
  pointer = '',
  original = '',
): unknown {
  if (typeof value === 'string') return substituteString(value, params);
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, params, renames, `${pointer}/${i}`, `${original}/${i}`));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = renames ? String(substituteString(k, params)) : k;
      if (isReservedName(k) || isReservedName(key)) continue;
      const child = `${pointer}/${escapePointerSegment(key)}`;
      const originalChild = `${original}/${escapePointerSegment(k)}`;
      if (renames && child !== originalChild) renames.set(child, originalChild);
      Object.defineProperty(out, key, { value: substitute(v, params, renames, child, originalChild), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
