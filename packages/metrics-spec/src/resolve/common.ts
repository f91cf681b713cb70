/** Small helpers every section of the resolver shares. */
import type { PanelRef } from '../model.js';
import { renderText, type PlaceholderScope } from '../placeholders.js';

export const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Formats a number for a PromQL literal without binary noise (0.05, not 0.05000000000000001). */
export function promNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

export function parsePanelRef(ref: string): PanelRef {
  const [dashboard = '', panel = ''] = ref.split('/');
  return { dashboard, panel };
}

export function rendered(text: string, scope: PlaceholderScope): string {
  const r = renderText(text, scope);
  // The placeholders check has already rejected specs where this fails.
  return r.ok ? r.text : text;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
