import { formatValue, type ResolvedModel } from '@monspec/metrics-spec';

export type ChangeKind = 'added' | 'removed' | 'changed';
export type Subject = 'metric' | 'threshold' | 'recording rule' | 'alert' | 'slo' | 'dashboard' | 'panel' | 'route' | 'contact point';

export interface Change {
  readonly subject: Subject;
  readonly name: string;
  readonly kind: ChangeKind;
  /** Human-readable details for `changed`: "threshold 5 % → 3 %". */
  readonly details: readonly string[];
}

type Keyed<T> = ReadonlyMap<string, T>;

function keyed<T>(items: readonly T[], key: (t: T) => string): Keyed<T> {
  return new Map(items.map((i) => [key(i), i]));
}

/** added / removed / changed entries of two keyed collections, in name order. */
function compare<T>(subject: Subject, before: Keyed<T>, after: Keyed<T>, details: (a: T, b: T) => string[]): Change[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: Change[] = [];
  for (const name of names) {
    const a = before.get(name);
    const b = after.get(name);
    if (a === undefined && b !== undefined) out.push({ subject, name, kind: 'added', details: [] });
    else if (a !== undefined && b === undefined) out.push({ subject, name, kind: 'removed', details: [] });
    else if (a !== undefined && b !== undefined) {
      const d = details(a, b);
      if (d.length > 0) out.push({ subject, name, kind: 'changed', details: d });
    }
  }
  return out;
}

const show = (v: unknown) => (v === undefined ? '(none)' : Array.isArray(v) ? (v.length ? v.join(', ') : '(none)') : String(v));

function field(label: string, a: unknown, b: unknown): string[] {
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa === sb ? [] : [`${label}: ${show(a)} → ${show(b)}`];
}

/** What a reviewer needs to know about a spec change: metrics, thresholds, alerts, panels, routing. */
export function semanticDiff(before: ResolvedModel, after: ResolvedModel): Change[] {
  const level = (v: number | undefined, unit: Parameters<typeof formatValue>[1]) => (v === undefined ? undefined : formatValue(v, unit));
  const panelsOf = (m: ResolvedModel) => m.dashboards.flatMap((d) => d.panels.map((p) => ({ ref: `${d.uid}/${p.key}`, p })));
  return [
    ...compare('metric', keyed(before.metrics, (m) => m.name), keyed(after.metrics, (m) => m.name), (a, b) => [
      ...field('type', a.type, b.type),
      ...field('unit', a.unit, b.unit),
      ...field('labels', a.labels.map((l) => l.name), b.labels.map((l) => l.name)),
      ...a.labels.flatMap((l) => {
        const o = b.labels.find((x) => x.name === l.name);
        return o ? [...field(`label ${l.name} values`, l.values, o.values), ...field(`label ${l.name} cardinality`, l.cardinality, o.cardinality)] : [];
      }),
      ...field('buckets', a.buckets, b.buckets),
      ...field('help', a.help, b.help),
      ...field('deprecated', a.deprecated?.reason, b.deprecated?.reason),
    ]),
    ...compare('threshold', keyed(before.thresholds, (t) => t.name), keyed(after.thresholds, (t) => t.name), (a, b) => [
      ...field('warning', level(a.warning, a.unit), level(b.warning, b.unit)),
      ...field('critical', level(a.critical, a.unit), level(b.critical, b.unit)),
      ...field('unit', a.unit, b.unit),
      ...field('direction', a.direction, b.direction),
    ]),
    ...compare('recording rule', keyed(before.recordingRules, (r) => r.name), keyed(after.recordingRules, (r) => r.name), (a, b) => field('expr', a.expr, b.expr)),
    ...compare('alert', keyed(before.alerts, (a) => a.id), keyed(after.alerts, (a) => a.id), (a, b) => [
      ...field('threshold', a.condition?.threshold?.display ?? a.condition?.value, b.condition?.threshold?.display ?? b.condition?.value),
      ...field('condition', a.query, b.query),
      ...field('for', a.for, b.for),
      ...field('severity', a.severity, b.severity),
      ...field('summary', a.summary, b.summary),
      ...field('tests', a.tests.length, b.tests.length),
    ]),
    ...compare('slo', keyed(before.slos, (s) => s.name), keyed(after.slos, (s) => s.name), (a, b) => [
      ...field('objective', formatValue(a.objective, 'ratio'), formatValue(b.objective, 'ratio')),
      ...field('window', a.window, b.window),
    ]),
    ...compare('dashboard', keyed(before.dashboards, (d) => d.uid), keyed(after.dashboards, (d) => d.uid), (a, b) => [
      ...field('title', a.title, b.title),
      ...field('refresh', a.refresh, b.refresh),
      ...field('tags', a.tags, b.tags),
      ...field('variables', a.variables.map((v) => v.name), b.variables.map((v) => v.name)),
    ]),
    ...compare('panel', keyed(panelsOf(before), (x) => x.ref), keyed(panelsOf(after), (x) => x.ref), ({ p: a }, { p: b }) => [
      ...field('title', a.title, b.title),
      ...field('type', a.type, b.type),
      ...field('queries', a.queries.map((q) => q.expr), b.queries.map((q) => q.expr)),
      ...field('threshold', a.threshold?.name, b.threshold?.name),
      ...field('unit', a.unit, b.unit),
    ]),
    ...compare('route', keyed(before.notifications.routes, (r) => r.severity), keyed(after.notifications.routes, (r) => r.severity), (a, b) => [
      ...field('contact points', a.contactPoints, b.contactPoints),
      ...field('repeat interval', a.repeatInterval, b.repeatInterval),
    ]),
    ...compare('contact point', keyed(before.notifications.contactPoints, (c) => c.name), keyed(after.notifications.contactPoints, (c) => c.name), (a, b) => [
      ...field('type', a.type, b.type),
      ...field('channel', a.channel, b.channel),
      ...field('addresses', a.addresses, b.addresses),
    ]),
  ];
}

const SUBJECT_TITLES: Record<Subject, string> = {
  metric: 'Metrics',
  threshold: 'Thresholds',
  'recording rule': 'Recording rules',
  alert: 'Alerts',
  slo: 'SLOs',
  dashboard: 'Dashboards',
  panel: 'Panels',
  route: 'Routing',
  'contact point': 'Contact points',
};

/** Markdown for a PR comment: one section per subject, one bullet per change. */
export function diffToMarkdown(changes: readonly Change[], title: string): string {
  const lines = [`## ${title}`, ''];
  if (changes.length === 0) return [...lines, 'No semantic changes: metrics, thresholds, alerts, dashboards and routing are the same.', ''].join('\n');
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.kind]++;
  lines.push(`${changes.length} change(s): ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed.`, '');
  for (const subject of Object.keys(SUBJECT_TITLES) as Subject[]) {
    const group = changes.filter((c) => c.subject === subject);
    if (group.length === 0) continue;
    lines.push(`### ${SUBJECT_TITLES[subject]}`, '');
    for (const c of group) {
      const mark = c.kind === 'added' ? '➕ added' : c.kind === 'removed' ? '➖ removed' : '✏️ changed';
      if (c.details.length === 1) lines.push(`- ${mark} \`${c.name}\`: ${c.details[0]}`);
      else {
        lines.push(`- ${mark} \`${c.name}\``);
        for (const d of c.details) lines.push(`  - ${d.replace(/\n/g, ' ')}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}
