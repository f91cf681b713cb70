/**
 * The generated TypeScript module: label types, facades, and two factories, one for the metrics the
 * service itself exposes (origin `service`) and one for the process metrics (origin `process`),
 * which a service normally gets from prom-client's `collectDefaultMetrics` under the same names.
 * Metrics Prometheus makes itself (origin `prometheus`, e.g. `up`) are not declared.
 */
import type { ResolvedMetric, ResolvedModel } from '@monspec/metrics-spec';
import { FACADES } from './facades.js';
import { constructorCall, facadeType, labelsInterface, labelValuesEntry, promClass, propertyDoc, propertyName, zeroInitialised, zeroInitStatement } from './metric-code.js';
import { literal } from './identifiers.js';

function byName(a: ResolvedMetric, b: ResolvedMetric): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function factory(name: string, typeName: string, doc: string, metrics: readonly ResolvedMetric[]): string {
  const fields = metrics.map((m) => `${propertyDoc(m)}\n  readonly ${propertyName(m)}: ${facadeType(m)};`);
  const members = metrics.map((m) => `    ${propertyName(m)}: ${constructorCall(m)},`);
  const zeroed = metrics.filter(zeroInitialised);
  const what = typeName === 'ServiceMetrics' ? 'the service metrics' : 'the process metrics';
  return [
    `/** ${doc} */`,
    // An empty interface accepts any value (typescript-eslint's no-empty-object-type refuses it in the service's code).
    ...(fields.length > 0 ? [`export interface ${typeName} {`, ...fields, '}'] : [`export type ${typeName} = Record<string, never>;`]),
    '',
    zeroed.length > 0
      ? `/** Declares ${what} on \`registry\`, counters and histograms with every combination of their declared label values at zero; call once per registry. */`
      : `/** Declares ${what} on \`registry\`; call once per registry. */`,
    `export function ${name}(registry: Registry): ${typeName} {`,
    metrics.length > 0 ? '  const registers = [registry];' : '  void registry;',
    zeroed.length > 0 ? '  const metrics = {' : '  return {',
    ...members,
    '  };',
    ...(zeroed.length > 0 ? [...zeroed.map(zeroInitStatement), '  return metrics;'] : []),
    '}',
    '',
  ].join('\n');
}

/** The cartesian product of declared label values, emitted once when some metric is zero-initialised. */
const LABEL_COMBINATIONS = `/** Every combination of the given label values, e.g. { tier: ['a', 'b'] } → [{ tier: 'a' }, { tier: 'b' }]. */
function labelCombinations<K extends string, V extends string>(values: { readonly [P in K]: readonly V[] }): Array<Record<K, V>> {
  let out: Array<Record<K, V>> = [{} as Record<K, V>];
  for (const key of Object.keys(values) as K[]) out = out.flatMap((partial) => values[key].map((v) => ({ ...partial, [key]: v })));
  return out;
}
`;

export function renderModule(model: ResolvedModel): string {
  const declared = model.metrics.filter((m) => m.origin !== 'prometheus').slice().sort(byName);
  const service = declared.filter((m) => m.origin === 'service');
  const processMetrics = declared.filter((m) => m.origin === 'process');
  const classes = [...new Set(declared.map(promClass))].sort();
  const labelValues = declared.map(labelValuesEntry).filter((e): e is string => e !== undefined);
  return [
    '/**',
    ` * Typed prom-client instrumentation for ${model.service.name}: the spec's metrics (names, help, types,`,
    ' * label names and values, histogram buckets), so the service cannot drift from what dashboards and',
    ' * alerts query.',
    ' */',
    `import { ${[...classes, 'type Registry'].join(', ')} } from 'prom-client';`,
    '',
    FACADES,
    `/** The job Prometheus scrapes ${model.service.name} as, and the path it scrapes. */`,
    `export const SERVICE = { name: ${literal(model.service.name)}, job: ${literal(model.service.job)}, metricsPath: ${literal(model.service.metricsPath)} } as const;`,
    '',
    '/** Every metric name declared here, service metrics then process metrics. */',
    `export const METRIC_NAMES = [${[...service, ...processMetrics].map((m) => literal(m.name)).join(', ')}] as const;`,
    'export type MetricName = (typeof METRIC_NAMES)[number];',
    '',
    '/** The declared values of enumerated labels, per metric. */',
    'export const LABEL_VALUES = {',
    ...labelValues,
    '} as const;',
    '',
    ...(declared.some(zeroInitialised) ? [LABEL_COMBINATIONS] : []),
    ...declared.map(labelsInterface).filter((s) => s.length > 0),
    factory('createServiceMetrics', 'ServiceMetrics', `The metrics ${model.service.name} exposes itself.`, service),
    factory(
      'createProcessMetrics',
      'ProcessMetrics',
      "The process metrics the spec declares. Only for a service that sets them itself: prom-client's collectDefaultMetrics exposes the same names.",
      processMetrics,
    ),
  ].join('\n');
}
