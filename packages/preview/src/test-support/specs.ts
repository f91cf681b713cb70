/** The specs the tests render: the test kit's demo spec and the embedded tunnel spec, compiled. */
import { compileSpec, type ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { compiledModel, DEMO_SPEC } from '@monspec/test-kit';

export const demoModel = (environment?: string): ResolvedModel => compiledModel(compileSpec, DEMO_SPEC, environment);
export const tunnelModel = (environment = 'production'): ResolvedModel => compiledModel(compileSpecDir, undefined, environment);

/** The attributes of every element of `svg` carrying `data-role="role"`, inside the panel `key` when given. */
export function elements(svg: string, role: string, panel?: string): Array<Record<string, string>> {
  const scope = panel === undefined ? svg : panelSvg(svg, panel);
  return [...scope.matchAll(new RegExp(`<[a-z]+ [^>]*data-role="${role}"[^>]*>`, 'g'))].map((m) => attributes(m[0]));
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', (m[2] ?? '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&')]));
}

/** The `<g data-panel="key">…</g>` of one panel (panels are not nested, so up to the next panel or the end). */
export function panelSvg(svg: string, key: string): string {
  const start = svg.indexOf(`<g data-panel="${key}"`);
  if (start < 0) return '';
  const next = svg.indexOf('<g data-panel="', start + 1);
  return svg.slice(start, next < 0 ? svg.length : next);
}
