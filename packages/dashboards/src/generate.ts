import type { Artifact, Generator, ResolvedModel } from '@monspec/metrics-spec';
import { lintDashboards } from './lint/index.js';
import { lintFindingToDiagnostic } from './lint/diagnostics.js';
import { modelDashboards } from './dashboard.js';
import { DASHBOARD_PROVIDER_PATH, DATASOURCES_PATH, dashboardProvider, datasources, defaultDashboardsMountPath } from './provisioning.js';
import { stringifyJson } from './serialize.js';

export interface GenerateOptions {
  /** Where Grafana's container sees the dashboard files; default `/var/lib/grafana/dashboards/<service>`. */
  readonly dashboardsMountPath?: string;
}

export function dashboardPath(uid: string): string {
  return `grafana/dashboards/${uid}.json`;
}

/**
 * The dashboards generator: one JSON file per dashboard and the two provisioning files, with paths
 * relative to the environment's output directory, sorted by path.
 */
export function generate(model: ResolvedModel, options: GenerateOptions = {}): Artifact[] {
  const built = modelDashboards(model);
  const artifacts: Artifact[] = model.dashboards.map((d, i) => ({ path: dashboardPath(d.uid), content: stringifyJson(built[i] ?? null) }));
  artifacts.push({ path: DASHBOARD_PROVIDER_PATH, content: dashboardProvider(model, options.dashboardsMountPath ?? defaultDashboardsMountPath(model)) });
  artifacts.push({ path: DATASOURCES_PATH, content: datasources(model) });
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The dashboards as a generator of the CLI's registry; `lint` is the dashboard lint, located at the spec's panels. */
export const dashboardsGenerator = {
  id: 'dashboards',
  generate,
  lint: (model: ResolvedModel) => lintDashboards(model).map((f) => lintFindingToDiagnostic(f, model)),
} satisfies Generator<GenerateOptions>;
