/**
 * Sample data from the spec alone, for previews without Prometheus (the docs site, `monspec diff`,
 * `monspec preview` without --prometheus). Every panel gets series in the "normal" band of its
 * threshold (or of its first metric's bands), labelled with values the spec declares for the labels
 * its legend and `by (...)` name, else the values the alerts' test series use. The curves are smooth
 * waves with phases from a hash of the series, never random: the same spec gives the same data.
 */
import { levelsIn, relativeMs } from '@monspec/dashboards';
import type { ResolvedDashboard, ResolvedModel, ResolvedPanel, ResolvedQuery, ResolvedThreshold, Unit } from '@monspec/metrics-spec';
import type { DashboardData, LogLine, PanelData, QueryData, Series } from './data.js';
import { hash } from './svg.js';

/** The instant sample pictures show: fixed, so sample previews never change with the clock. */
export const SAMPLE_NOW_MS = Date.UTC(2026, 0, 1, 12, 0, 0);
const POINTS = 72;

const UNIT_DEFAULT: Readonly<Record<Unit, number>> = {
  count: 12,
  seconds: 0.25,
  milliseconds: 120,
  bytes: 256 * 1024 ** 2,
  bytes_per_second: 2 * 1024 ** 2,
  requests_per_second: 40,
  operations_per_second: 5,
  ratio: 0.3,
  percent: 30,
  cores: 0.25,
  state: 1,
  factor: 1,
};

/** A value in the threshold's normal band, in the panel's unit. */
function normalValue(threshold: ResolvedThreshold, unit: Unit | undefined): number | undefined {
  const { warning, critical } = levelsIn(threshold, unit);
  const first = warning ?? critical;
  if (first === undefined) return undefined;
  if (threshold.direction === 'higher_is_worse') return first * 0.5;
  const top = unit === 'ratio' ? 1 : unit === 'percent' ? 100 : first * 2;
  return first + (top - first) * 0.5;
}

function baseValue(model: ResolvedModel, panel: ResolvedPanel): number {
  const mapped = panel.valueMappings.find((m) => m.color === 'green') ?? panel.valueMappings[0];
  if (mapped) return mapped.value;
  const fromThreshold = panel.threshold ? normalValue(panel.threshold, panel.unit) : undefined;
  if (fromThreshold !== undefined) return fromThreshold;
  for (const name of panel.metrics) {
    const bands = model.metrics.find((m) => m.name === name)?.bands;
    const v = bands ? normalValue(bands, panel.unit ?? bands.unit) : undefined;
    if (v !== undefined) return v;
  }
  return UNIT_DEFAULT[panel.unit ?? 'count'];
}

/** Label names a query's series carry: those its legend formats and its outermost `by (...)` keeps. */
function labelNames(q: ResolvedQuery): string[] {
  const names = new Set<string>();
  for (const m of (q.legend ?? '').matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) names.add(m[1] ?? '');
  const by = /\bby\s*\(([^)]*)\)/.exec(q.expr);
  for (const l of (by?.[1] ?? '').split(',')) if (l.trim() !== '' && l.trim() !== 'le') names.add(l.trim());
  names.delete('');
  return [...names].sort();
}

/** Values for a label: declared on a metric, else used by the alerts' test series, else placeholders. */
function labelValues(model: ResolvedModel, panel: ResolvedPanel, label: string): string[] {
  const metrics = [...panel.metrics.map((m) => model.metrics.find((x) => x.name === m)), ...model.metrics];
  for (const m of metrics) {
    const values = m?.labels.find((l) => l.name === label)?.values;
    if (values && values.length > 0) return values.slice(0, 4);
  }
  const seen = new Set<string>();
  const re = new RegExp(`\\b${label}="([^"]*)"`, 'g');
  for (const a of model.alerts) for (const t of a.tests) for (const s of t.series) for (const m of s.series.matchAll(re)) seen.add(m[1] ?? '');
  if (seen.size > 0) return [...seen].sort().slice(0, 4);
  if (label === 'instance') return ['replica-1:8080', 'replica-2:8080'];
  return [1, 2, 3].map((i) => `${label}-${i}`);
}

function labelSets(model: ResolvedModel, panel: ResolvedPanel, q: ResolvedQuery): Array<Record<string, string>> {
  let sets: Array<Record<string, string>> = [{}];
  for (const name of labelNames(q)) {
    const values = labelValues(model, panel, name);
    sets = sets.flatMap((s) => values.map((v) => ({ ...s, [name]: v })));
    if (sets.length > 6) sets = sets.slice(0, 6);
  }
  return sets;
}

function clamp(panel: ResolvedPanel, v: number): number {
  let out = Math.max(panel.min ?? 0, v);
  if (panel.max !== undefined) out = Math.min(panel.max, out);
  if (panel.unit === 'ratio') out = Math.min(1, out);
  if (panel.unit === 'percent') out = Math.min(100, out);
  return out;
}

function series(panel: ResolvedPanel, q: ResolvedQuery, labels: Record<string, string>, index: number, base: number, range: { fromMs: number; toMs: number }): Series {
  const seed = hash(`${panel.key}/${q.refId}/${JSON.stringify(labels)}`);
  const phase = (seed % 628) / 100;
  // Mapped (state) values stay exact and equal: the picture shows the mapping's text and colour.
  const level = panel.valueMappings.length > 0 ? base : base * (1 - 0.15 * index);
  const wave = panel.valueMappings.length > 0 ? 0 : 0.12;
  const value = (i: number) => clamp(panel, level * (1 + wave * Math.sin(phase + (i / POINTS) * 2 * Math.PI * 1.5) + wave * 0.4 * Math.sin(phase * 3 + (i / POINTS) * 2 * Math.PI * 5)));
  if (q.instant) return { labels, points: [[range.toMs, Number(value(POINTS).toPrecision(3))]] };
  const step = (range.toMs - range.fromMs) / POINTS;
  const points: Array<[number, number]> = [];
  for (let i = 0; i <= POINTS; i++) points.push([range.fromMs + i * step, Number(value(i).toPrecision(3))]);
  return { labels, points };
}

/** Log lines from the spec's error patterns (else its log sources), newest at `toMs`. */
function sampleLogs(model: ResolvedModel, toMs: number): LogLine[] {
  const texts = model.logs.patterns.length > 0 ? model.logs.patterns.map((p) => p.description) : model.logs.sources.map((s) => s.description);
  const list = texts.length > 0 ? texts : ['error line'];
  return Array.from({ length: 12 }, (_, i) => ({ timeMs: toMs - i * 47_000, level: 'error', message: list[i % list.length] ?? '' }));
}

function samplePanel(model: ResolvedModel, panel: ResolvedPanel, range: { fromMs: number; toMs: number }): PanelData {
  if (panel.type === 'logs') return { kind: 'logs', lines: sampleLogs(model, range.toMs) };
  const base = baseValue(model, panel);
  const queries: QueryData[] = panel.queries.map((q, qi) => ({
    refId: q.refId,
    series: labelSets(model, panel, q).map((labels, i) => series(panel, q, labels, i + qi, base, range)),
  }));
  return { kind: 'series', queries };
}

/** Sample data for every panel of `dashboard`, over its default range ending at SAMPLE_NOW_MS. */
export function sampleData(model: ResolvedModel, dashboard: ResolvedDashboard): DashboardData {
  const toMs = SAMPLE_NOW_MS - relativeMs(dashboard.time.to);
  const fromMs = SAMPLE_NOW_MS - relativeMs(dashboard.time.from);
  const range = { fromMs, toMs };
  return { source: 'sample', fromMs, toMs, panels: Object.fromEntries(dashboard.panels.map((p) => [p.key, samplePanel(model, p, range)])) };
}
