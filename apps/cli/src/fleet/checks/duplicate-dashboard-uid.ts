import { escapePointerSegment } from '@monspec/metrics-spec';
import { collisions, type FleetCheck } from './types.js';

export const duplicateDashboardUid: FleetCheck = {
  id: 'fleet-dashboard-uid',
  severity: 'error',
  description: 'Dashboard uids are unique across the fleet: Grafana keys dashboards by uid, so a second one would replace the first.',
  run(services, report) {
    for (const c of collisions(services, (s) => s.entry.dashboards.map((d) => [d.uid, `/dashboards/${escapePointerSegment(d.uid)}`, null] as const))) {
      report({
        message: `Unexpected dashboard uid "${c.key}" in ${c.second.service.entry.name}, already used by ${c.first.service.entry.name}; expected a uid unique in the fleet (Grafana keeps one dashboard per uid)`,
        service: c.second.service,
        pointer: c.second.pointer,
        other: c.first.service,
        otherPointer: c.first.pointer,
      });
    }
  },
};
