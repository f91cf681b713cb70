/**
 * Handlebars rendering: an isolated runtime, templates precompiled at build time
 * (scripts/embed-templates.mjs), strict (a missing view-model field is an error) and helper-free
 * (templates only render). Markdown templates receive ready Markdown, so nothing is HTML-escaped;
 * HTML templates escape.
 */
import runtime from 'handlebars/runtime.js';
import { PRECOMPILED, TEMPLATES, type TemplateName } from './templates/templates.generated.js';

// handlebars types its runtime entry as an empty module; the runtime is the full API minus the compiler.
const hbs = (runtime as unknown as Pick<typeof import('handlebars'), 'create'>).create();
const cache = new Map<TemplateName, HandlebarsTemplateDelegate>();

export function render(name: TemplateName, view: object): string {
  let template = cache.get(name);
  if (!template) {
    const spec = PRECOMPILED[name];
    if (!spec) throw new Error(`Unexpected template ${name}, expected a handlebars template of src/templates`);
    template = hbs.template(spec);
    cache.set(name, template);
  }
  return template(view);
}

export function asset(name: TemplateName): string {
  return TEMPLATES[name];
}
