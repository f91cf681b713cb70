import type { Diagnostic } from '../diagnostics.js';
import { isReservedName, own } from '../own.js';
import { didYouMean } from '../did-you-mean.js';
import { escapePointerSegment, type SourceMap } from '../source-map.js';
import { isPlainObject } from './merge-documents.js';
import { bindParams, substitute, type ParamDecl } from './params.js';
import { validateAgainstSchema, type ValidatorKind } from './validate-schema.js';

type TemplateKind = 'alert' | 'panel' | 'recordingRule';

const VALIDATOR: Record<TemplateKind, ValidatorKind> = { alert: 'alert', panel: 'panel', recordingRule: 'recordingRule' };

interface TemplateDef {
  kind: TemplateKind;
  params?: Record<string, ParamDecl>;
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
  const { values, problems } = bindParams(template.params ?? {}, given, `template "${name}"`);
  for (const p of problems) report(p.key === undefined ? `${pointer}/params` : `${pointer}/params/${escapePointerSegment(p.key)}`, p.message);
  if (problems.length > 0) return undefined;
  const body = substitute(structuredClone(template.body), values) as Record<string, unknown>;
  for (const [key, value] of Object.entries(entry)) {
    if (key !== 'template' && key !== 'params' && !isReservedName(key)) body[key] = value;
  }
  return body;
}
