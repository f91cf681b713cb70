import type { FleetService } from '../service.js';

/** A finding about two services at once: where each defines the colliding thing. */
export interface FleetFinding {
  readonly message: string;
  readonly service: FleetService;
  readonly pointer: string;
  readonly other: FleetService;
  readonly otherPointer: string;
}

/** A cross-service check: what one spec's checks cannot see, because the collision is between specs. */
export interface FleetCheck {
  readonly id: string;
  readonly severity: 'error';
  readonly description: string;
  run(services: readonly FleetService[], report: (finding: FleetFinding) => void): void;
}

/**
 * Each key defined by two services, as (first definer, second definer) pairs: `items` lists a
 * service's keys with the spec pointer that defines each.
 */
export function* collisions<T>(
  services: readonly FleetService[],
  items: (s: FleetService) => Iterable<readonly [key: string, pointer: string, value: T]>,
): Generator<{ key: string; first: { service: FleetService; pointer: string; value: T }; second: { service: FleetService; pointer: string; value: T } }> {
  const seen = new Map<string, { service: FleetService; pointer: string; value: T }>();
  for (const service of services) {
    for (const [key, pointer, value] of items(service)) {
      const first = seen.get(key);
      if (first) yield { key, first, second: { service, pointer, value } };
      else seen.set(key, { service, pointer, value });
    }
  }
}
