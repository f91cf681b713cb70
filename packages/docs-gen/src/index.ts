import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';

/** Placeholder until the generator lands: produces no artifacts. */
export function generate(_model: ResolvedModel): Artifact[] {
  return [];
}
