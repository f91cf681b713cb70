import { escapePointerSegment } from '@monspec/metrics-spec';
import { collisions, type FleetCheck } from './types.js';

export const receiverNameCollision: FleetCheck = {
  id: 'fleet-receiver-name',
  severity: 'error',
  description: 'Contact point (receiver) names are unique across the fleet: the merged Alertmanager config and Grafana contact points hold one receiver per name.',
  run(services, report) {
    const items = (s: (typeof services)[number]) => s.entry.contactPoints.map((name) => [name, `/notifications/contactPoints/${escapePointerSegment(name)}`, null] as const);
    for (const c of collisions(services, items)) {
      report({
        message: `Unexpected receiver "${c.key}" in ${c.second.service.entry.name}, already defined by ${c.first.service.entry.name}; expected receiver names unique in the fleet (the merged Alertmanager config has one receiver per name)`,
        service: c.second.service,
        pointer: c.second.pointer,
        other: c.first.service,
        otherPointer: c.first.pointer,
      });
    }
  },
};
