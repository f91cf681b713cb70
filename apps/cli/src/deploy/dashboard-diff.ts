/**
 * A dashboard change in a reviewer's words: `panel "P99 latency": fieldConfig.defaults.unit ms → s`,
 * live value first (what Grafana has), then the spec's (what apply writes). Panels are matched by
 * their id (the generator's ids are stable), so a moved or retitled panel is one change, not two.
 */
import { canonical, normalise } from './normalise.js';
import type { DashboardJson } from './grafana-client.js';

export interface DashboardChange {
  /** The panel's id when the change is inside one panel. */
  readonly panelId?: number;
  readonly text: string;
}

const MAX_VALUE = 60;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? JSON.stringify(v) : canonical(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

/** Leaf differences of two JSON values, as `path old → new`. */
function walk(path: string, a: unknown, b: unknown, out: string[]): void {
  if (canonical(a) === canonical(b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(path ? `${path}.${k}` : k, a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => walk(`${path}[${i}]`, x, b[i], out));
    return;
  }
  out.push(`${path} ${show(a)} → ${show(b)}`);
}

function panelsById(d: DashboardJson): Map<number, Record<string, unknown>> {
  const panels = Array.isArray(d.panels) ? d.panels.filter(isObject) : [];
  return new Map(panels.map((p) => [Number(p.id), p]));
}

const titleOf = (p: Record<string, unknown>) => JSON.stringify(typeof p.title === 'string' ? p.title : `#${String(p.id)}`);

/** What apply changes in `live` to make it `desired`, after normalising (so Grafana's own fields never show). */
export function dashboardChanges(liveRaw: DashboardJson, desiredRaw: DashboardJson): DashboardChange[] {
  const live = normalise(liveRaw, desiredRaw);
  const desired = normalise(desiredRaw, desiredRaw);
  const out: DashboardChange[] = [];
  const { panels: livePanels, ...liveRest } = live;
  const { panels: desiredPanels, ...desiredRest } = desired;
  const top: string[] = [];
  walk('', liveRest, desiredRest, top);
  out.push(...top.map((text) => ({ text })));
  if (canonical(livePanels) === canonical(desiredPanels)) return out;
  const a = panelsById(live);
  const b = panelsById(desired);
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)) {
    const before = a.get(id);
    const after = b.get(id);
    if (before === undefined && after !== undefined) out.push({ panelId: id, text: `panel ${titleOf(after)}: added` });
    else if (before !== undefined && after === undefined) out.push({ panelId: id, text: `panel ${titleOf(before)}: removed` });
    else if (before !== undefined && after !== undefined) {
      const lines: string[] = [];
      walk('', before, after, lines);
      out.push(...lines.map((l) => ({ panelId: id, text: `panel ${titleOf(after)}: ${l}` })));
    }
  }
  return out;
}
