/** Test helpers: the embedded spec's model (or a copy's, in `dir`). (Tools, temp folders: @monspec/test-kit.) */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { compiledModel } from '@monspec/test-kit';

export const ENVIRONMENTS = ['production', 'staging'] as const;

export function compile(environment: string, dir?: string): ResolvedModel {
  return compiledModel(compileSpecDir, dir, environment);
}
