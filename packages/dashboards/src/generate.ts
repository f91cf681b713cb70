import type { Artifact, ArtifactDescriptor, Generator, ResolvedModel } from '@monspec/metrics-spec';
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

function byPath<T extends { readonly path: string }>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

const DASHBOARD_PROVIDER: ArtifactDescriptor = { path: DASHBOARD_PROVIDER_PATH, engine: 'grafana', role: 'grafana-dashboard-provider', deployed: true };
const DATASOURCES: ArtifactDescriptor = { path: DATASOURCES_PATH, engine: 'grafana', role: 'grafana-datasources', deployed: true };

function dashboardDescriptor(uid: string): ArtifactDescriptor {
  return { path: dashboardPath(uid), engine: 'grafana', role: 'grafana-dashboard', subject: uid, deployed: true };
}

/** The files `generate` returns, without their content. */
function describe(model: ResolvedModel): ArtifactDescriptor[] {
  return [...model.dashboards.map((d) => dashboardDescriptor(d.uid)), DASHBOARD_PROVIDER, DATASOURCES].sort(byPath);
}

/**
 * The dashboards generator: one JSON file per dashboard and the two provisioning files, with paths
 * relative to the environment's output directory, sorted by path.
 */
export function generate(model: ResolvedModel, options: GenerateOptions = {}): Artifact[] {
  const built = modelDashboards(model);
  const artifacts: Artifact[] = model.dashboards.map((d, i) => ({ ...dashboardDescriptor(d.uid), content: stringifyJson(built[i] ?? null) }));
  artifacts.push({ ...DASHBOARD_PROVIDER, content: dashboardProvider(model, options.dashboardsMountPath ?? defaultDashboardsMountPath(model)) });
  artifacts.push({ ...DATASOURCES, content: datasources(model) });
  return artifacts.sort(byPath);
}

/** The dashboards as a generator of the CLI's registry; `lint` is the dashboard lint, located at the spec's panels. */
export const dashboardsGenerator = {
  id: 'dashboards',
  describe,
  generate,
  lint: (model: ResolvedModel) => lintDashboards(model).map((f) => lintFindingToDiagnostic(f, model)),
} satisfies Generator<GenerateOptions>;
