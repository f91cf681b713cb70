/** `generate(model)`: the typed instrumentation module of one environment, as data. Pure. */
import type { Artifact, Generator, ResolvedModel } from '@monspec/metrics-spec';
import { renderModule } from './module.js';

export const INSTRUMENTATION_PATH = 'instrumentation/metrics.ts';

export function generate(model: ResolvedModel): Artifact[] {
  return [{ path: INSTRUMENTATION_PATH, content: renderModule(model) }];
}

/** The instrumentation module as a generator of the CLI's registry. */
export const instrumentationGenerator = { id: 'instrumentation', generate } satisfies Generator;
