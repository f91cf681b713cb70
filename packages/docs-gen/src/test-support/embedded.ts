/** The embedded tunnel spec's model for tests, one per environment (reads files: test-only). */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { compiledModel } from '@monspec/test-kit';

const cache = new Map<string, ResolvedModel>();

export function embeddedModel(environment = 'production'): ResolvedModel {
  const model = cache.get(environment) ?? compiledModel(compileSpecDir, undefined, environment);
  cache.set(environment, model);
  return model;
}
