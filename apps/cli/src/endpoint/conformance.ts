import type { ResolvedMetric, ResolvedModel } from '@monspec/metrics-spec';
import { parseExposition, type MetricFamily } from './parse-exposition.js';

export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly metric: string;
  readonly message: string;
}

/** Labels the exposition adds itself (histogram and summary series), not part of the declared set. */
const SERIES_LABELS = new Set(['le', 'quantile']);

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Where the family of a declared metric is: counters may be exposed as `x_total` or as `x` + `_total`. */
function findFamily(metric: ResolvedMetric, families: ReadonlyMap<string, MetricFamily>): MetricFamily | undefined {
  return families.get(metric.name) ?? (metric.type === 'counter' ? families.get(metric.name.replace(/_total$/, '')) : undefined);
}

/**
 * Checks an exposition against the spec: every declared metric present with its type, its label set,
 * allowed label values and cardinality bounds, histogram buckets; undeclared metrics are warnings.
 */
function checkConformance(model: ResolvedModel, families: ReadonlyMap<string, MetricFamily>): Finding[] {
  const findings: Finding[] = [];
  const claimed = new Set<string>();
  for (const metric of model.metrics) {
    if (metric.origin === 'prometheus') continue; // `up` is made by Prometheus, not exposed
    const family = findFamily(metric, families);
    if (!family) {
      findings.push({ severity: 'error', metric: metric.name, message: `Unexpected missing metric ${metric.name}, expected a ${metric.type} with labels {${metric.labels.map((l) => l.name).join(', ')}}` });
      continue;
    }
    claimed.add(family.name);
    if (family.type !== undefined && family.type !== metric.type && !(family.type === 'untyped' && metric.type === 'gauge')) {
      findings.push({ severity: 'error', metric: metric.name, message: `Unexpected type ${family.type} for ${metric.name}, expected ${metric.type}` });
    }
    const declared = metric.labels.map((l) => l.name);
    const seenSets = new Set<string>();
    const values = new Map<string, Set<string>>();
    for (const s of family.samples) {
      const names = Object.keys(s.labels).filter((n) => !SERIES_LABELS.has(n)).sort();
      const key = names.join(',');
      if (!seenSets.has(key) && !sameSet(names, declared)) {
        const extra = names.filter((n) => !declared.includes(n));
        const missing = declared.filter((n) => !names.includes(n));
        findings.push({
          severity: 'error',
          metric: metric.name,
          message: `Unexpected label set {${names.join(', ')}} on ${s.name} (line ${s.line}), expected {${declared.join(', ')}}${extra.length ? `; undeclared: ${extra.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
        });
      }
      seenSets.add(key);
      for (const n of names) {
        let set = values.get(n);
        if (!set) values.set(n, (set = new Set()));
        set.add(s.labels[n] as string);
      }
    }
    for (const label of metric.labels) {
      const seen = values.get(label.name);
      if (!seen) continue;
      if (label.values) {
        const bad = [...seen].filter((v) => !label.values?.includes(v)).sort();
        if (bad.length) findings.push({ severity: 'error', metric: metric.name, message: `Unexpected ${label.name} value(s) ${bad.map((v) => JSON.stringify(v)).join(', ')} on ${metric.name}, expected one of: ${label.values.join(', ')}` });
      } else if (seen.size > label.cardinality) {
        findings.push({ severity: 'warning', metric: metric.name, message: `Unexpected ${seen.size} distinct ${label.name} values on ${metric.name}, expected at most ${label.cardinality}` });
      }
    }
    if (metric.type === 'histogram' && metric.buckets) {
      const les = [...new Set(family.samples.filter((s) => s.name.endsWith('_bucket')).map((s) => s.labels.le).filter((v): v is string => v !== undefined && v !== '+Inf'))]
        .map(Number)
        .sort((a, b) => a - b);
      if (les.length > 0 && !sameSet(les.map(String), metric.buckets.map(String))) {
        findings.push({ severity: 'error', metric: metric.name, message: `Unexpected buckets [${les.join(', ')}] on ${metric.name}, expected [${metric.buckets.join(', ')}]` });
      }
    }
  }
  for (const family of families.values()) {
    if (claimed.has(family.name) || family.samples.length === 0) continue;
    const naming = family.type === 'counter' && !family.name.endsWith('_total') && !family.samples.some((s) => s.name.endsWith('_total')) ? ' (a counter without _total)' : '';
    findings.push({ severity: 'warning', metric: family.name, message: `Unexpected undeclared metric ${family.name}${naming}, expected only metrics the spec declares` });
  }
  return findings;
}

/** An exposition's parse problems (located `target:line`) and its conformance findings: what check-endpoint reports. */
export function endpointFindings(model: ResolvedModel, text: string, target: string): { families: ReadonlyMap<string, MetricFamily>; findings: Finding[] } {
  const { families, problems } = parseExposition(text);
  return {
    families,
    findings: [...problems.map((p) => ({ severity: 'error' as const, metric: '', message: `${target}:${p.line}: ${p.message}` })), ...checkConformance(model, families)],
  };
}
