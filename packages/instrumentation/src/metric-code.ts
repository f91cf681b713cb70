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

export function labelsTypeName(metric: ResolvedMetric): string {
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
