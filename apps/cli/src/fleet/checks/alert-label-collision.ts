import { sortedRecord } from '@monspec/metrics-spec';
import { collisions, type FleetCheck } from './types.js';

export const alertLabelCollision: FleetCheck = {
  id: 'fleet-alert-labels',
  severity: 'error',
  description:
    'No two services define an alert of the same name with the same labels: Alertmanager would merge their notifications and route both by the first service’s subtree.',
  run(services, report) {
    const items = (s: (typeof services)[number]) =>
      s.entry.alerts.map((a) => [JSON.stringify(sortedRecord({ ...a.labels, alertname: a.name, severity: a.severity })), a.pointer, a.name] as const);
    for (const c of collisions(services, items)) {
      report({
        message: `Unexpected alert "${c.second.value}" in ${c.second.service.entry.name} with the same labels as ${c.first.service.entry.name}'s (${c.key}), expected a label that tells them apart (e.g. service in service.alerting.commonLabels)`,
        service: c.second.service,
        pointer: c.second.pointer,
        other: c.first.service,
        otherPointer: c.first.pointer,
      });
    }
  },
};
