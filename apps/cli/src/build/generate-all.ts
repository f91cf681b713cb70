import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';
import type { DashboardFinding } from '@monspec/dashboards';
import { addHeaders } from './headers.js';
import { buildManifest, OPS_MANIFEST_PATH } from './manifest.js';

export interface GeneratedEnvironment {
  readonly environment: string;
  /** Sorted by path, headers added, manifest.json last. */
  readonly artifacts: readonly Artifact[];
  /** Findings from generator-level lints (dashboard lint), with the dashboard and panel they are about. */
  readonly lint: readonly DashboardFinding[];
  /** Per generator, milliseconds. */
  readonly timings: Readonly<Record<string, number>>;
}

/** Generators are loaded on first use, so `validate` never pays for the Grafana SDK or remark. */
async function loadGenerators() {
  const [dashboards, alerts, docs, instrumentation] = await Promise.all([
    import('@monspec/dashboards'),
    import('@monspec/alerts'),
    import('@monspec/docs-gen'),
    import('@monspec/instrumentation'),
  ]);
  return { dashboards, alerts, docs, instrumentation };
}

export async function generateEnvironment(model: ResolvedModel, toolVersion: string): Promise<GeneratedEnvironment> {
  const g = await loadGenerators();
  const timings: Record<string, number> = {};
  const timed = <T>(name: string, f: () => T): T => {
    const t = performance.now();
    const r = f();
    timings[name] = performance.now() - t;
    return r;
  };
  const timedAsync = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await f();
    timings[name] = performance.now() - t;
    return r;
  };
  const produced = [
    ...timed('dashboards', () => g.dashboards.generate(model)),
    ...timed('alerts', () => g.alerts.generate(model)),
    // Async: remark is loaded only when the spec's prose needs it.
    // The guide states how many promtool cases run: a fact of the alerts generator, passed along.
    ...(await timedAsync('docs', () => g.docs.generate(model, { promtoolTestCases: g.alerts.promtoolTestCaseCount(model) }))),
    ...timed('instrumentation', () => g.instrumentation.generate(model)),
  ];
  const lint = timed('lint', () => collectLint(g.dashboards, model));
  const seen = new Set<string>();
  for (const a of produced) {
    if (seen.has(a.path)) throw new Error(`two generators produced ${a.path}`);
    seen.add(a.path);
  }
  const artifacts = timed('headers', () => addHeaders(produced, model).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  const manifest = timed('manifest', () => buildManifest(model, artifacts, toolVersion));
  return { environment: model.environment, artifacts: [...artifacts, manifest], lint, timings };
}

/** Dashboard lint, when the dashboards package provides it. */
function collectLint(dashboards: Record<string, unknown>, model: ResolvedModel): GeneratedEnvironment['lint'] {
  const lint = dashboards.lintDashboards;
  if (typeof lint !== 'function') return [];
  const findings = (lint as (m: ResolvedModel) => unknown)(model);
  return Array.isArray(findings) ? (findings as GeneratedEnvironment['lint']) : [];
}

/**
 * The production copy of the docs (docs/OPERATIONS), sorted, with its own manifest last: the folder is
 * plain Markdown for people, and the dotfile tells the next build which files are monspec's.
 */
export async function operationsDocs(model: ResolvedModel, toolVersion: string): Promise<Artifact[]> {
  const { docs, alerts } = await loadGenerators();
  const artifacts = addHeaders(await docs.operationsDocs(model, { promtoolTestCases: alerts.promtoolTestCaseCount(model) }), model).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [...artifacts, buildManifest(model, artifacts, toolVersion, OPS_MANIFEST_PATH)];
}
