import type { Check } from './types.js';

/** Which `service.alerting.ruler` options each ruler type reads; any other is a mistake, not a no-op. */
const OPTIONS_OF: Readonly<Record<string, readonly string[]>> = {
  prometheus: [],
  mimir: ['namespace'],
  thanos: ['partialResponseStrategy'],
  'prometheus-operator': ['kubernetesNamespace', 'labels'],
};

const ENV = (ruler: string) => `environments:\n  prod:\n    description: x\n    default: true\n    overlay:\n      service:\n        alerting: { ruler: ${ruler} }\n`;

/**
 * An option of another ruler type is ignored by this one: an overlay that switches the type (objects
 * merge) keeps the old type's options, and the author believes they apply.
 */
export const rulerOptions: Check = {
  id: 'ruler-options',
  severity: 'error',
  description: "Each option of service.alerting.ruler belongs to one ruler type (namespace: mimir; partialResponseStrategy: thanos; kubernetesNamespace and labels: prometheus-operator); another type's option would be silently ignored.",
  examples: {
    valid: [
      { title: 'mimir with its namespace', yaml: ENV('{ type: mimir, namespace: tunnel }') },
      { title: 'the Prometheus Operator with its namespace and labels', yaml: ENV('{ type: prometheus-operator, kubernetesNamespace: obs, labels: { release: kube-prometheus } }') },
    ],
    invalid: [
      { title: "thanos with mimir's namespace", yaml: ENV('{ type: thanos, namespace: tunnel }'), message: 'Unexpected namespace with ruler type thanos, expected it only with mimir' },
      { title: "mimir with the operator's labels", yaml: ENV('{ type: mimir, labels: { release: x } }'), message: 'Unexpected labels with ruler type mimir, expected it only with prometheus-operator' },
    ],
  },
  run({ spec }, report) {
    const ruler = spec.service?.alerting?.ruler;
    if (!ruler) return;
    const allowed = OPTIONS_OF[ruler.type] ?? [];
    for (const option of Object.keys(ruler)) {
      if (option === 'type' || allowed.includes(option)) continue;
      const owner = Object.entries(OPTIONS_OF).find(([, options]) => options.includes(option))?.[0] ?? 'another ruler type';
      report({
        pointer: `/service/alerting/ruler/${option}`,
        atKey: true,
        message: `Unexpected ${option} with ruler type ${ruler.type}, expected it only with ${owner} (remove it, or set it to null in the overlay that changes the type)`,
      });
    }
  },
};
