/**
 * One service of a workspace, read, compiled and generated for each fleet environment: the unit of
 * work of `build --workspace`, run in this thread or in a worker (fleet-worker.ts). Its result is
 * plain data (no functions), so it crosses a worker boundary as it is.
 */
import { GeneratorFindings, hasErrors, type Artifact, type CompileResult, type Diagnostic, type SpecFile } from '@monspec/metrics-spec';
import { generateEnvironment } from '../build/generate-all.js';
import { buildManifest, MANIFEST_PATH } from '../build/manifest.js';
import { locateDiagnostic } from '../lint/dashboard-lint.js';
import { compileFiles, readSpec, type LoadedSpec } from '../spec-source.js';
import { TOOL_VERSION } from '../version.js';
import { fleetEntry, fleetEntryArtifact } from './entry.js';

export interface ServiceBuildRequest {
  readonly spec: LoadedSpec;
  /** The spec folder relative to the workspace file's folder, as its fleet entry names it. */
  readonly specPath: string;
  readonly environments: readonly string[];
  readonly quiet: boolean;
  /** The running monspec's build (tool-build.ts), recorded in the fleet entry. */
  readonly toolBuild: string;
}

/** What to print, in order: diagnostics of the spec (relative to its folder) or a failure line. */
export type ServiceReport = { readonly diagnostics: readonly Diagnostic[] } | { readonly failure: string };

export interface ServiceBuild {
  readonly spec: LoadedSpec;
  readonly reports: readonly ServiceReport[];
  /** One per fleet environment when nothing failed: what `build` generates plus the fleet entry (fleet-entry.json), manifest last. */
  readonly builds: readonly { readonly environment: string; readonly artifacts: readonly Artifact[] }[];
  readonly failed: boolean;
}

/**
 * The spec compiled for a fleet environment: its own environment of that name, or its one build
 * when it declares none (`first`: the spec compiled for its default environment).
 */
export function compileForFleet(files: readonly SpecFile[], environment: string, first: CompileResult = compileFiles(files, undefined)): CompileResult {
  return first.environments.includes(environment) && first.environment !== environment ? compileFiles(files, environment) : first;
}

export async function buildService({ spec, specPath, environments, quiet, toolBuild }: ServiceBuildRequest): Promise<ServiceBuild> {
  const reports: ServiceReport[] = [];
  const builds: { environment: string; artifacts: readonly Artifact[] }[] = [];
  let failed = false;
  const files = readSpec(spec);
  const first = compileFiles(files, undefined);
  const declared = first.environments;
  for (const env of environments) {
    if (declared.length > 0 && !declared.includes(env)) {
      reports.push({ failure: `${spec.displayDir}: Unexpected spec without environment "${env}", expected the workspace's environments (${environments.join(', ')}) in its environments, or none` });
      failed = true;
      continue;
    }
    const result = compileForFleet(files, env, first);
    if (result.diagnostics.length > 0 && (hasErrors(result.diagnostics) || !quiet)) reports.push({ diagnostics: result.diagnostics });
    if (!result.model) {
      reports.push({ failure: `${spec.displayDir} (${env}): the spec has errors; nothing was written` });
      failed = true;
      continue;
    }
    let generated;
    try {
      generated = await generateEnvironment(result.model, TOOL_VERSION);
    } catch (err) {
      // A generator found a mistake in the spec (the docs lint of its prose): a finding, not a crash.
      if (!(err instanceof GeneratorFindings)) throw err;
      reports.push({ failure: `${spec.displayDir} (${env}): ${err.message}` });
      failed = true;
      continue;
    }
    const lintErrors = generated.lint.filter((f) => f.severity === 'error');
    if (lintErrors.length > 0) {
      reports.push({ diagnostics: lintErrors.map((d) => locateDiagnostic(d, result.locate)) });
      reports.push({ failure: `${spec.displayDir} (${env}): ${lintErrors.length} lint error(s) in the generated files; nothing was written` });
      failed = true;
      continue;
    }
    // The entry joins the files before the manifest, which lists it like any other file.
    const own = generated.artifacts.filter((a) => a.path !== MANIFEST_PATH);
    const entry = fleetEntryArtifact(fleetEntry(result.model, own, env, specPath, { generator: `monspec ${TOOL_VERSION}`, build: toolBuild }));
    const artifacts = [...own, entry].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    builds.push({ environment: env, artifacts: [...artifacts, buildManifest(result.model, artifacts, TOOL_VERSION)] });
  }
  return { spec, reports, builds: failed ? [] : builds, failed };
}
