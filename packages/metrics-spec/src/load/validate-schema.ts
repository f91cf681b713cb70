import type { ErrorObject } from 'ajv';
import { excerpt, type Diagnostic } from '../diagnostics.js';
import * as generated from '../generated/validators.js';
import { didYouMean } from '../did-you-mean.js';
import { pointerToPath, type SourceMap } from '../source-map.js';
import { combinatorExpectation, describeType, expectationFor } from './schema-expectations.js';

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The validators compiled at build time from the JSON Schema (scripts/gen-types.mjs). */
export const validators = {
  document: generated.validateDocument as GeneratedValidator,
  alert: generated.validateAlertEntry as GeneratedValidator,
  panel: generated.validatePanel as GeneratedValidator,
  recordingRule: generated.validateRecordingRule as GeneratedValidator,
  workspace: generated.validateWorkspace as GeneratedValidator,
} as const;

export type ValidatorKind = keyof typeof validators;

/**
 * Validates `data` against one of the schema's validators, turning every ajv error into a located
 * `schema` diagnostic. `basePointer` is where `data` sits in the merged spec.
 */
export function validateAgainstSchema(
  kind: ValidatorKind,
  data: unknown,
  sourceMap: SourceMap,
  diagnostics: Diagnostic[],
  basePointer = '',
): boolean {
  const validate = validators[kind];
  if (validate(data)) return true;
  for (const d of schemaErrorsToDiagnostics(validate.errors ?? [], sourceMap, basePointer)) diagnostics.push(d);
  return false;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    // Credentials in a URL are never echoed (a spec's error goes to CI logs).
    const shown = value.replace(/\/\/[^/@\s]*@/, '//***@');
    return JSON.stringify(shown.length > 60 ? shown.slice(0, 57) + '...' : shown);
  }
  return `${typeof value} ${String(value)}`;
}

/**
 * ajv reports every failed branch of oneOf/anyOf/if. Keep the most specific errors: drop `if` and the
 * branch errors under a failed oneOf/anyOf (replaced by one message saying what the combinator expects),
 * and report each remaining (path, keyword, param) once.
 */
function schemaErrorsToDiagnostics(errors: readonly ErrorObject[], sourceMap: SourceMap, basePointer: string): Diagnostic[] {
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const combinatorSchemaPaths = combinators.map((e) => e.schemaPath);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && combinatorSchemaPaths.some((p) => e.schemaPath.startsWith(p + '/'))) continue;
    const pointer = basePointer + e.instancePath;
    const path = pointerToPath(pointer);
    let message: string;
    let keyPointer: string | undefined;
    const parent = e.parentSchema as { properties?: Record<string, unknown>; pattern?: string } | undefined;
    const expected = (fallback: string) => expectationFor(e.schemaPath, e.data, parent?.pattern) ?? fallback;
    switch (e.keyword) {
      case 'additionalProperties': {
        const prop = String((e.params as { additionalProperty: string }).additionalProperty);
        const props = Object.keys(parent?.properties ?? {});
        keyPointer = `${pointer}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        message = `Unexpected key "${excerpt(prop)}" in ${path}, expected ${props.length ? 'one of: ' + props.join(', ') : 'no keys'}${didYouMean(prop, props)}`;
        break;
      }
      case 'required': {
        const prop = String((e.params as { missingProperty: string }).missingProperty);
        message = `Unexpected missing key "${prop}" in ${path}, expected it to be set`;
        break;
      }
      case 'type':
        message = `Unexpected ${describeValue(e.data)} at ${path}, expected ${expected(describeType((e.params as { type: string | string[] }).type))}`;
        break;
      case 'enum': {
        const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
        message = `Unexpected ${describeValue(e.data)} at ${path}, expected one of: ${allowed.join(', ')}${typeof e.data === 'string' ? didYouMean(e.data, allowed) : ''}`;
        break;
      }
      case 'const':
        message = `Unexpected ${describeValue(e.data)} at ${path}, expected ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
        break;
      case 'pattern':
        message = `Unexpected ${describeValue(e.data)} at ${path}, expected ${expected(`a string matching ${String((e.params as { pattern: string }).pattern)}`)}`;
        break;
      case 'minProperties':
      case 'maxProperties': {
        const props = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object);
        const limit = Number((e.params as { limit: number }).limit);
        message = `Unexpected ${describeValue(e.data)} with ${e.keyword === 'minProperties' ? 'fewer' : 'more'} than ${limit} ${limit === 1 ? 'property' : 'properties'} at ${path}, expected ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${limit} of: ${props.join(', ')}`;
        break;
      }
      case 'maximum':
      case 'minimum':
      case 'exclusiveMaximum':
      case 'exclusiveMinimum': {
        const { comparison, limit } = e.params as { comparison: string; limit: number };
        message = `Unexpected ${describeValue(e.data)} at ${path}, expected a number ${comparison} ${limit}`;
        break;
      }
      case 'dependentRequired': {
        const { property, missingProperty } = e.params as { property: string; missingProperty: string };
        message = `Unexpected key "${property}" without "${missingProperty}" in ${path}, expected both or neither`;
        break;
      }
      case 'propertyNames':
        continue; // reported by the nested `pattern` error, pointed at the key below
      case 'oneOf':
      case 'anyOf':
        message = `Unexpected ${describeValue(e.data)} at ${path}, expected ${expected(combinatorExpectation(e.keyword, (e.parentSchema as Record<string, unknown> | undefined)?.[e.keyword]) ?? 'a valid value')}`;
        break;
      default:
        message = `Unexpected ${describeValue(e.data)} at ${path}, expected it to ${e.message ?? 'be valid'}`;
    }
    // Property-name errors carry the key in params.propertyName.
    const propertyName = e.propertyName ?? (e.params as { propertyName?: string }).propertyName;
    if (propertyName !== undefined) {
      keyPointer = `${pointer}/${propertyName.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      message = `Unexpected name ${JSON.stringify(excerpt(propertyName))} in ${path}, expected ${expected('a valid name')}`;
    }
    const dedupe = `${keyPointer ?? pointer}|${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const location = keyPointer ? sourceMap.locateKey(keyPointer) : sourceMap.locate(pointer);
    out.push({ ruleId: 'schema', severity: 'error', message, pointer: keyPointer ?? pointer, ...(location ? { location } : {}) });
  }
  return out;
}
