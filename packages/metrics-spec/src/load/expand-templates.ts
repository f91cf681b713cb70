import type { Diagnostic } from '../diagnostics.js';
import { isReservedName, own } from '../own.js';
import { didYouMean } from '../did-you-mean.js';
import { escapePointerSegment, type SourceMap } from '../source-map.js';
import { isPlainObject } from './merge-documents.js';
import { validateAgainstSchema, type ValidatorKind } from './validate-schema.js';

type TemplateKind = 'alert' | 'panel' | 'recordingRule';

const VALIDATOR: Record<TemplateKind, ValidatorKind> = { alert: 'alert', panel: 'panel', recordingRule: 'recordingRule' };

interface TemplateDef {
  kind: TemplateKind;
  params?: Record<string, { type?: 'string' | 'number' | 'boolean'; default?: unknown }>;
  body: Record<string, unknown>;
}

/** Where template instances may stand: each collection's entries, with the kind they must produce. */
function* instanceSites(spec: Record<string, unknown>): Generator<{ container: Record<string, unknown>; pointer: string; kind: TemplateKind }> {
  if (isPlainObject(spec.alerts)) yield { container: spec.alerts, pointer: '/alerts', kind: 'alert' };
  if (isPlainObject(spec.recordingRules)) yield { container: spec.recordingRules, pointer: '/recordingRules', kind: 'recordingRule' };
  if (isPlainObject(spec.dashboards)) {
    for (const [uid, dash] of Object.entries(spec.dashboards)) {
      if (isPlainObject(dash) && isPlainObject(dash.panels)) {
        yield { container: dash.panels, pointer: `/dashboards/${escapePointerSegment(uid)}/panels`, kind: 'panel' };
      }
    }
  }
}

/**
 * Replaces every `template:` + `params:` instance with the template's body: `${param}` in strings is
 * substituted (a string that is exactly `${param}` takes the parameter's typed value), fields written
 * beside `template` override the body, and the result is validated as the template's kind. Unknown
 * placeholders are left for later stages (${threshold} in summaries, for instance).
 */
export function expandTemplates(spec: Record<string, unknown>, sourceMap: SourceMap, diagnostics: Diagnostic[]): void {
  const templates = isPlainObject(spec.templates) ? (spec.templates as Record<string, TemplateDef>) : {};
  for (const site of instanceSites(spec)) {
    for (const [name, entry] of Object.entries(site.container)) {
      if (!isPlainObject(entry) || typeof entry.template !== 'string') continue;
      const pointer = `${site.pointer}/${escapePointerSegment(name)}`;
      const expanded = expandOne(entry, pointer, site.kind, templates, sourceMap, diagnostics);
      if (!expanded) continue;
      site.container[name] = expanded;
      validateAgainstSchema(VALIDATOR[site.kind], expanded, sourceMap, diagnostics, pointer);
    }
  }
}

function expandOne(
  entry: Record<string, unknown>,
  pointer: string,
  kind: TemplateKind,
  templates: Record<string, TemplateDef>,
  sourceMap: SourceMap,
  diagnostics: Diagnostic[],
): Record<string, unknown> | undefined {
  const report = (at: string, message: string) => {
    const location = sourceMap.locate(at);
    diagnostics.push({ ruleId: 'template', severity: 'error', message, pointer: at, ...(location ? { location } : {}) });
  };
  const name = entry.template as string;
  const template = own(templates, name);
  if (!template) {
    const known = Object.keys(templates);
    report(`${pointer}/template`, `Unexpected template "${name}", expected one of: ${known.length ? known.join(', ') : '(no templates are defined)'}${didYouMean(name, known)}`);
    return undefined;
  }
  if (template.kind !== kind) {
    report(`${pointer}/template`, `Unexpected ${template.kind} template "${name}" here, expected a ${kind} template`);
    return undefined;
  }
  const given = isPlainObject(entry.params) ? entry.params : {};
  const declared = template.params ?? {};
  const values: Record<string, unknown> = {};
  let ok = true;
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(declared, key)) {
      report(`${pointer}/params/${escapePointerSegment(key)}`, `Unexpected parameter "${key}" for template "${name}", expected one of: ${Object.keys(declared).join(', ') || '(none)'}${didYouMean(key, Object.keys(declared))}`);
      ok = false;
    }
  }
  for (const [key, param] of Object.entries(declared)) {
    const value = Object.hasOwn(given, key) ? given[key] : param.default;
    if (value === undefined) {
      report(`${pointer}/params`, `Unexpected missing parameter "${key}" for template "${name}", expected it to be set`);
      ok = false;
      continue;
    }
    const type = param.type ?? 'string';
    if (typeof value !== type) {
      report(`${pointer}/params/${escapePointerSegment(key)}`, `Unexpected ${typeof value} for parameter "${key}" of template "${name}", expected a ${type}`);
      ok = false;
      continue;
    }
    values[key] = value;
  }
  if (!ok) return undefined;
  const body = substitute(structuredClone(template.body), values) as Record<string, unknown>;
  for (const [key, value] of Object.entries(entry)) {
    if (key !== 'template' && key !== 'params' && !isReservedName(key)) body[key] = value;
  }
  return body;
}

const PLACEHOLDER = /\$\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

function substitute(value: unknown, params: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([a-zA-Z][a-zA-Z0-9_]*)\}$/.exec(value);
    if (whole && whole[1] !== undefined && Object.hasOwn(params, whole[1])) return params[whole[1]];
    return value.replace(PLACEHOLDER, (m, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : m));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, params));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isReservedName(k)) out[k] = substitute(v, params);
    return out;
  }
  return value;
}
