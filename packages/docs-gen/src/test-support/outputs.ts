/**
 * The docs as the CLI generates them: with the other outputs' descriptors (`DocsOptions.artifacts`),
 * which the setup guide names by role. Test-only: docs-gen itself never imports another generator.
 */
import { alertsGenerator, lokiRulesGenerator, rulersGenerator } from '@monspec/alerts';
import { dashboardsGenerator } from '@monspec/dashboards';
import { instrumentationGenerator } from '@monspec/instrumentation';
import type { Artifact, ArtifactDescriptor, ResolvedModel } from '@monspec/metrics-spec';
import { previewsGenerator } from '@monspec/preview';
import { generate, type DocsOptions } from '../index.js';

/** What the CLI's registry describes for every output but the docs (apps/cli/src/generators/registry.ts). */
export function otherOutputs(model: ResolvedModel): ArtifactDescriptor[] {
  return [...dashboardsGenerator.describe(model), ...alertsGenerator.describe(model), ...lokiRulesGenerator.describe(model), ...rulersGenerator.describe(model), ...instrumentationGenerator.describe(), ...previewsGenerator.describe(model)];
}

/**
 * `generate` with the other outputs described, as `monspec build` calls it, and the site as the build
 * writes it: with the dashboard previews its dashboard pages show (sorted by path).
 */
export async function generateWithOutputs(model: ResolvedModel, options: DocsOptions = {}): Promise<Artifact[]> {
  const docs = await generate(model, { ...options, artifacts: otherOutputs(model) });
  return [...docs, ...previewsGenerator.generate(model)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
