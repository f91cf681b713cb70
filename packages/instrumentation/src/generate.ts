/** `generate(model)`: the typed instrumentation module of one environment, as data. Pure. */
import type { Artifact, ArtifactDescriptor, Generator, ResolvedModel } from '@monspec/metrics-spec';
import { renderModule } from './module.js';

export const INSTRUMENTATION_PATH = 'instrumentation/metrics.ts';

/** The service imports it: built into the service, not deployed to a monitoring system. */
const INSTRUMENTATION: ArtifactDescriptor = { path: INSTRUMENTATION_PATH, engine: 'service', role: 'instrumentation', deployed: false };

function describe(): ArtifactDescriptor[] {
  return [INSTRUMENTATION];
}

export function generate(model: ResolvedModel): Artifact[] {
  return [{ ...INSTRUMENTATION, content: renderModule(model) }];
}

/** The instrumentation module as a generator of the CLI's registry. */
export const instrumentationGenerator = { id: 'instrumentation', describe, generate } satisfies Generator;
