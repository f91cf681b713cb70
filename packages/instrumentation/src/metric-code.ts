/**
 * The code for one metric: its label interface, the typed facade it is exposed as, and the
 * prom-client constructor call that declares it (name, help, type, label names, buckets).
 */
import type { ResolvedLabel, ResolvedMetric } from '@monspec/metrics-spec';
import { camelCase, docText, literal, pascalCase } from './identifiers.js';

const CLASS_OF: Record<ResolvedMetric['type'], string> = { counter: 'Counter', gauge: 'Gauge', histogram: 'Histogram', summary: 'Summary' };
const FACADE_OF: Record<ResolvedMetric['type'], string> = { counter: 'Counter', gauge: 'Gauge', histogram: 'Observer', summary: 'Observer' };

export function promClass(metric: ResolvedMetric): string {
  return CLASS_OF[metric.type];
}

export function propertyName(metric: ResolvedMetric): string {
  return camelCase(metric.name);
}

function labelsTypeName(metric: ResolvedMetric): string {
  return `${pascalCase(metric.name)}Labels`;
}

function labelType(label: ResolvedLabel): string {
  return label.values && label.values.length > 0 ? label.values.map(literal).join(' | ') : 'string';
}

function labelDoc(label: ResolvedLabel): string {
  const bound = label.values ? '' : ` At most ${label.cardinality} distinct values.`;
  return docText(`${label.description}${bound}`);
}

/** `export interface XLabels { ... }`, or nothing for a metric without labels. */
export function labelsInterface(metric: ResolvedMetric): string {
  if (metric.labels.length === 0) return '';
  const fields = metric.labels.map((l) => `  /** ${labelDoc(l)} */\n  readonly ${l.name}: ${labelType(l)};`);
  return `/** Labels of ${metric.name}. */\nexport interface ${labelsTypeName(metric)} {\n${fields.join('\n')}\n}\n`;
}

/** The facade type a metric is exposed as, e.g. `LabelledCounter<TunnelRequestsTotalLabels>`. */
export function facadeType(metric: ResolvedMetric): string {
  const kind = FACADE_OF[metric.type];
  return metric.labels.length === 0 ? `Plain${kind}` : `Labelled${kind}<${labelsTypeName(metric)}>`;
}

/** JSDoc of the metric's property: the help text, type and unit, deprecation. */
export function propertyDoc(metric: ResolvedMetric): string {
  const lines = [`${metric.name} (${metric.type}, ${metric.unit}): ${docText(metric.help)}`];
  if (metric.deprecated) {
    const replacement = metric.deprecated.replacement ? ` Use ${metric.deprecated.replacement}.` : '';
    lines.push(`@deprecated ${docText(metric.deprecated.reason)}${replacement}`);
  }
  return `  /**\n${lines.map((l) => `   * ${l}`).join('\n')}\n   */`;
}

/** `new Counter({ name, help, labelNames, buckets, registers })`. */
export function constructorCall(metric: ResolvedMetric): string {
  const fields = [`name: ${literal(metric.name)}`, `help: ${literal(metric.help)}`];
  if (metric.labels.length > 0) fields.push(`labelNames: [${metric.labels.map((l) => literal(l.name)).join(', ')}] as const`);
  if (metric.type === 'histogram' && metric.buckets) fields.push(`buckets: [${metric.buckets.join(', ')}]`);
  fields.push('registers');
  return `new ${promClass(metric)}({ ${fields.join(', ')} })`;
}

/** `tunnel_errors_total: { category: ['network', 'auth', 'server'], ... }` for labels with declared values. */
export function labelValuesEntry(metric: ResolvedMetric): string | undefined {
  const enumerated = metric.labels.filter((l) => l.values && l.values.length > 0);
  if (enumerated.length === 0) return undefined;
  const fields = enumerated.map((l) => `${l.name}: [${(l.values ?? []).map(literal).join(', ')}]`);
  return `  ${metric.name}: { ${fields.join(', ')} },`;
}

/**
 * Whether the module creates every label combination of a metric at zero when it is declared: only
 * counters and histograms (a count of nothing is 0; a gauge at 0 would claim a state), and only when
 * every label has declared values. A labelled series otherwise exists only after its first
 * increment, so a healthy service shows "No data" where it means 0, and `rate()` misses the first
 * increment. Labels with only a bound (e.g. user) cannot be enumerated: their series appear on first
 * use.
 */
export function zeroInitialised(metric: ResolvedMetric): boolean {
  return (metric.type === 'counter' || metric.type === 'histogram') && metric.labels.length > 0 && metric.labels.every((l) => l.values !== undefined && l.values.length > 0);
}

/** The statement that creates every label combination of `metric` (held in `metrics`) at zero. */
export function zeroInitStatement(metric: ResolvedMetric): string {
  const call = metric.type === 'histogram' ? `metrics.${propertyName(metric)}.zero(labels)` : `metrics.${propertyName(metric)}.inc(labels, 0)`;
  return `  for (const labels of labelCombinations(LABEL_VALUES[${literal(metric.name)}])) ${call};`;
}
