import { escapePointerSegment } from '@monspec/metrics-spec';
import { collisions, type FleetCheck } from './types.js';

export const receiverNameCollision: FleetCheck = {
  id: 'fleet-receiver-name',
  severity: 'error',
  description: 'Contact point (receiver) names are unique across the fleet: the merged Alertmanager config and Grafana contact points hold one receiver per name.',
  run(services, report) {
    const items = (s: (typeof services)[number]) => s.model.notifications.contactPoints.map((cp) => [cp.name, `/notifications/contactPoints/${escapePointerSegment(cp.name)}`, null] as const);
    for (const c of collisions(services, items)) {
      report({
        message: `Unexpected receiver "${c.key}" in ${c.second.service.name}, already defined by ${c.first.service.name}; expected receiver names unique in the fleet (the merged Alertmanager config has one receiver per name)`,
        service: c.second.service,
        pointer: c.second.pointer,
        other: c.first.service,
        otherPointer: c.first.pointer,
      });
    }
  },
};
