import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import type { Check } from './types.js';

/** Names Grafana gives a datasource of these types by default ("prometheus", "Prometheus-1", …). */
const GRAFANA_DEFAULT_NAME = /^(prometheus|loki)(-\d+)?$/i;

export const datasourceName: Check = {
  id: 'datasource-name',
  severity: 'error',
  description:
    "A datasource monspec provisions has a name of its own. Grafana's datasource provisioner matches by name, so provisioning \"Prometheus\" takes over (rewrites the URL and uid of) a datasource an operator already has under that name. Use monspec's default names, another name, or provision: false to reference an existing datasource by uid.",
  examples: {
    valid: [
      { title: "monspec's own name", yaml: 'environments:\n  production:\n    description: x\n    overlay:\n      service:\n        datasources:\n          prometheus: { uid: monspec-prometheus, name: monspec-prometheus, url: "http://prometheus:9090" }\n' },
      { title: 'an existing "Prometheus" referenced by uid, not provisioned', yaml: 'environments:\n  production:\n    description: x\n    overlay:\n      service:\n        datasources:\n          prometheus: { uid: prom-main, name: Prometheus, provision: false }\n' },
    ],
    invalid: [
      {
        title: 'provisioning under the name every Grafana already uses',
        yaml: 'environments:\n  production:\n    description: x\n    overlay:\n      service:\n        datasources:\n          prometheus: { uid: monspec-prometheus, name: Prometheus, url: "http://prometheus:9090" }\n',
        message: `Unexpected provisioned datasource name "Prometheus", expected a name of monspec's own such as "${SCHEMA_DEFAULTS.service.datasources.prometheus.name}"`,
      },
      {
        title: 'Grafana\'s default Loki name',
        yaml: 'environments:\n  production:\n    description: x\n    overlay:\n      service:\n        datasources:\n          loki: { uid: monspec-loki, name: loki }\n',
        message: 'Unexpected provisioned datasource name "loki"',
      },
    ],
  },
  run({ spec }, report) {
    for (const kind of ['prometheus', 'loki'] as const) {
      const ds = spec.service?.datasources?.[kind];
      if (!ds || ds.provision === false || ds.name === undefined || !GRAFANA_DEFAULT_NAME.test(ds.name)) continue;
      const own = kind === 'prometheus' ? SCHEMA_DEFAULTS.service.datasources.prometheus.name : SCHEMA_DEFAULTS.service.datasources.loki.name;
      report({
        pointer: `/service/datasources/${kind}/name`,
        message: `Unexpected provisioned datasource name "${ds.name}", expected a name of monspec's own such as "${own}" (Grafana's provisioner matches by name and would take over an existing "${ds.name}"), or provision: false to reference that datasource by uid`,
      });
    }
  },
};
