import { collisions, type FleetCheck } from './types.js';

export const recordingRuleNameCollision: FleetCheck = {
  id: 'fleet-recording-rule-name',
  severity: 'error',
  description: 'A recording rule name is defined by one service only: the fleet shares one Prometheus namespace, where two rules writing one name clobber each other’s series.',
  run(services, report) {
    const items = (s: (typeof services)[number]) =>
      s.entry.recordingRules.map((r) => [r.name, r.pointer, null] as const);
    for (const c of collisions(services, items)) {
      report({
        message: `Unexpected recording rule "${c.key}" in ${c.second.service.entry.name}, already recorded by ${c.first.service.entry.name}; expected one rule per name in the shared Prometheus (put the service in the name)`,
        service: c.second.service,
        pointer: c.second.pointer,
        other: c.first.service,
        otherPointer: c.first.pointer,
      });
    }
  },
};
