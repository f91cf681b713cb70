/**
 * Handlebars rendering: an isolated environment, templates compiled once from the embedded strings,
 * strict (a missing view-model field is an error) and helper-free (templates only render).
 */
import Handlebars from 'handlebars';
import { TEMPLATES, type TemplateName } from './templates/templates.generated.js';

const hbs = Handlebars.create();
const cache = new Map<TemplateName, HandlebarsTemplateDelegate>();

/** Markdown templates receive ready Markdown, so nothing is HTML-escaped; HTML templates escape. */
export function render(name: TemplateName, view: object): string {
  let template = cache.get(name);
  if (!template) {
    template = hbs.compile(TEMPLATES[name], { noEscape: !name.endsWith('.html'), strict: true, knownHelpersOnly: true });
    cache.set(name, template);
  }
  return template(view);
}

export function asset(name: TemplateName): string {
  return TEMPLATES[name];
}
