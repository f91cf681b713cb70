/**
 * A dashboard change in a reviewer's words: `panel "P99 latency": threshold (orange) 500 ms → 400 ms`,
 * `panel "P99 latency": fieldConfig.defaults.unit "ms" → "s"`,
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

interface Leaf {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Leaf differences of two JSON values. */
function walk(path: string, a: unknown, b: unknown, out: Leaf[]): void {
  if (canonical(a) === canonical(b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(path ? `${path}.${k}` : k, a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => walk(`${path}[${i}]`, x, b[i], out));
    return;
  }
  out.push({ path, before: a, after: b });
}

/** Two long strings shown around where they first differ, so the change is visible. */
function showPair(a: unknown, b: unknown): [string, string] {
  if (typeof a !== 'string' || typeof b !== 'string') return [show(a), show(b)];
  const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
  if (ja.length <= MAX_VALUE && jb.length <= MAX_VALUE) return [ja, jb];
  let p = 0;
  while (p < ja.length && ja[p] === jb[p]) p++;
  const start = Math.max(0, p - 20);
  const cut = (s: string) => `${start > 0 ? '…' : ''}${s.slice(start, start + MAX_VALUE)}${s.length > start + MAX_VALUE ? '…' : ''}`;
  return [cut(ja), cut(jb)];
}

function leafText(l: Leaf): string {
  const [a, b] = showPair(l.before, l.after);
  return `${l.path} ${a} → ${b}`;
}

/** Each leaf difference of two JSON values as `path live → spec` (the alerting plan's lines too). */
export function jsonChanges(before: unknown, after: unknown): string[] {
  const leaves: Leaf[] = [];
  walk('', before, after, leaves);
  return leaves.map(leafText);
}

/** Grafana unit ids (fieldConfig.defaults.unit) as a reader writes them; others print bare. */
const UNIT_SUFFIX: Readonly<Record<string, string>> = { ms: ' ms', s: ' s', m: ' min', h: ' h', bytes: ' B', Bps: ' B/s', percent: ' %', reqps: ' req/s', ops: ' ops/s' };

function withUnit(v: unknown, unit: unknown): string {
  if (typeof v !== 'number') return show(v);
  if (unit === 'percentunit') return `${+(v * 100).toPrecision(12)} %`;
  if (typeof unit === 'string' && unit.startsWith('suffix:')) return `${v}${unit.slice('suffix:'.length)}`;
  return `${v}${typeof unit === 'string' ? (UNIT_SUFFIX[unit] ?? '') : ''}`;
}

const STEP = /^fieldConfig\.defaults\.thresholds\.steps\[(\d+)\]\.value$/;

/** A panel's leaf change; a threshold level reads as "threshold (orange) 500 → 400 ms", in the panel's unit. */
function panelLeafText(l: Leaf, panel: Record<string, unknown>): string {
  const step = STEP.exec(l.path);
  if (!step) return leafText(l);
  const defaults = isObject(panel.fieldConfig) && isObject(panel.fieldConfig.defaults) ? panel.fieldConfig.defaults : {};
  const steps = isObject(defaults.thresholds) && Array.isArray(defaults.thresholds.steps) ? defaults.thresholds.steps : [];
  const s = steps[Number(step[1])];
  const colour = isObject(s) && typeof s.color === 'string' ? ` (${s.color})` : '';
  return `threshold${colour} ${withUnit(l.before, defaults.unit)} → ${withUnit(l.after, defaults.unit)}`;
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
  const top: Leaf[] = [];
  walk('', liveRest, desiredRest, top);
  out.push(...top.map((l) => ({ text: leafText(l) })));
  if (canonical(livePanels) === canonical(desiredPanels)) return out;
  const a = panelsById(live);
  const b = panelsById(desired);
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)) {
    const before = a.get(id);
    const after = b.get(id);
    if (before === undefined && after !== undefined) out.push({ panelId: id, text: `panel ${titleOf(after)}: added` });
    else if (before !== undefined && after === undefined) out.push({ panelId: id, text: `panel ${titleOf(before)}: removed` });
    else if (before !== undefined && after !== undefined) {
      const leaves: Leaf[] = [];
      walk('', before, after, leaves);
      out.push(...leaves.map((l) => ({ panelId: id, text: `panel ${titleOf(after)}: ${panelLeafText(l, after)}` })));
    }
  }
  return out;
}
