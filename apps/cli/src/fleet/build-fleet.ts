/**
 * `monspec build --workspace [FILE]`: every service of the workspace, per environment, into
 * OUT/<service>/<env>/, and the org's merged files into OUT/org/<env>/, in one transaction of the
 * writer (its ownership rules apply to every folder). Nothing is written unless every service
 * builds and the cross-service checks pass.
 */
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import type { Artifact, Diagnostic, Workspace } from '@monspec/metrics-spec';
import type { Io } from '../command.js';
import { EXIT, UsageError, type ExitCode } from '../errors.js';
import { formatDiagnostics, specFilePath } from '../output/format-diagnostics.js';
import { compileFiles, readSpec, type LoadedSpec } from '../spec-source.js';
import { addHeadersWithNote, fleetNote } from '../build/headers.js';
import { checkLayout } from '../build/layout.js';
import { MANIFEST_PATH } from '../build/manifest.js';
import { writeTargets, type WriteTarget } from '../build/writer.js';
import { TOOL_VERSION } from '../version.js';
import { runFleetChecks } from './checks/index.js';
import { fleetDocs, fleetManifest } from './fleet-docs.js';
import { orgAlertmanagerFile } from './org-alertmanager.js';
import { orgGrafanaFiles } from './org-grafana.js';
import type { FleetService } from './service.js';
import { readWorkspace, WorkspaceFindings, type LoadedWorkspace } from './workspace-file.js';
import { checkLibraryVersions } from './library-versions.js';
import { buildServices } from './pool.js';

/** The org folder's name under OUT (a service may not be called so). */
const ORG_DIR = 'org';

export interface FleetBuildOptions {
  readonly file: string | undefined;
  readonly out: string;
  readonly check: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
  /** Services built at once (worker threads when more than one). */
  readonly jobs: number;
}

/** What a workspace build produces in memory, per environment. */
export interface FleetPlan {
  readonly workspace: LoadedWorkspace;
  readonly environments: readonly string[];
  readonly services: ReadonlyMap<string, readonly FleetService[]>;
  readonly targets: readonly WriteTarget[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function orgManifest(artifacts: readonly Artifact[], org: Workspace['org'], environment: string, services: readonly FleetService[]): Artifact {
  const data = {
    generator: `monspec ${TOOL_VERSION}`,
    service: `workspace ${org.name}`,
    environment,
    specHash: sha256(services.map((s) => `${s.name}:${s.model.specHash}`).join('\n')),
    artifacts: artifacts.map((a) => ({ path: a.path, bytes: Buffer.byteLength(a.content), sha256: sha256(a.content) })),
  };
  return { path: MANIFEST_PATH, role: 'manifest', deployed: false, content: JSON.stringify(data, null, 2) + '\n' };
}

/** The org's merged files for one environment, headers added, manifest last. */
function orgArtifacts(services: readonly FleetService[], org: Workspace['org'], environment: string): Artifact[] {
  const files = addHeadersWithNote([orgAlertmanagerFile(services, org), ...orgGrafanaFiles(services, org), fleetDocs(services, org, environment), fleetManifest(services, org, environment)], fleetNote(org.name, environment)).sort((a, b) =>
    a.path < b.path ? -1 : 1,
  );
  return [...files, orgManifest(files, org, environment, services)];
}

/** Reads, compiles and generates every service of the workspace in memory; undefined when something failed (reported). */
export async function planFleet(options: Pick<FleetBuildOptions, 'file' | 'out' | 'quiet' | 'jobs'>, io: Io): Promise<FleetPlan | undefined> {
  let workspace: LoadedWorkspace;
  try {
    workspace = readWorkspace(options.file, io.cwd);
  } catch (err) {
    if (!(err instanceof WorkspaceFindings)) throw err;
    io.err(formatDiagnostics('text', err.diagnostics, '.', io.errStyle).replace(/(^|\n)\.\//g, '$1'));
    io.err(io.errStyle.red('✗ ') + 'the workspace file has errors; nothing was written');
    return undefined;
  }
  const org = workspace.workspace.org;
  const environments = workspace.workspace.environments ?? ['production'];
  const specs: LoadedSpec[] = workspace.serviceDirs.map((dir) => ({ dir, displayDir: displayOf(dir, io.cwd) }));
  let failed = false;
  const versionProblems = checkLibraryVersions(workspace, specs.map((s) => ({ spec: s, files: readSpec(s) })));
  for (const p of versionProblems) io.err(io.errStyle.red('✗ ') + p);
  if (versionProblems.length > 0) failed = true;

  const byEnv = new Map<string, FleetService[]>(environments.map((e) => [e, []]));
  const built = await buildServices(specs.map((spec) => ({ spec, environments, quiet: options.quiet })), options.jobs);
  for (const { spec, reports, builds, failed: serviceFailed } of built) {
    for (const r of reports) {
      if ('diagnostics' in r) io.err(formatDiagnostics('text', r.diagnostics, spec.displayDir, io.errStyle));
      else io.err(io.errStyle.red('✗ ') + r.failure);
    }
    if (serviceFailed) failed = true;
    for (const { environment, model, artifacts } of builds) {
      // The source map stays where the spec was compiled (maybe a worker): compiled again here only
      // to locate a cross-service finding.
      let compiled: ReturnType<typeof compileFiles> | undefined;
      const locate = (pointer: string) => {
        compiled ??= compileFiles(readSpec(spec), model.environments.length > 0 ? environment : undefined);
        const loc = compiled.locate(pointer);
        return loc ? { ...loc, file: specFilePath(spec.displayDir, loc.file) } : undefined;
      };
      byEnv.get(environment)?.push({ name: model.service.name, displayDir: spec.displayDir, environment, model, artifacts, locate });
    }
  }
  if (failed) return undefined;

  // Service names are the output folders and the routes' matchers: one each.
  const names = new Map<string, string>();
  for (const s of byEnv.get(environments[0] as string) ?? []) {
    const other = names.get(s.name);
    if (other !== undefined) throw new UsageError(`Unexpected service name "${s.name}" in ${s.displayDir}, already the name of ${other}; expected one spec per service in ${workspace.displayFile}`);
    if (s.name === ORG_DIR) throw new UsageError(`Unexpected service name "${ORG_DIR}" in ${s.displayDir}: OUT/${ORG_DIR}/ holds the merged org files, expected another name`);
    names.set(s.name, s.displayDir);
  }

  // The root receiver joins every service's receivers in one list: its name must be free.
  for (const s of byEnv.get(environments[0] as string) ?? []) {
    if (!s.model.notifications.contactPoints.some((c) => c.name === org.receiver.name)) continue;
    const loc = s.locate(`/notifications/contactPoints/${org.receiver.name}`);
    throw new UsageError(
      `Unexpected org receiver name "${org.receiver.name}" in ${workspace.displayFile}: ${s.name} has a contact point of that name${loc ? ` (${loc.file}:${loc.line}:${loc.column})` : ''}, expected a name no service uses`,
    );
  }

  const seen = new Set<string>();
  const findings: Diagnostic[] = [];
  for (const env of environments) {
    for (const d of runFleetChecks(byEnv.get(env) ?? [])) {
      const key = `${d.ruleId}|${d.message}`;
      if (!seen.has(key)) findings.push(d);
      seen.add(key);
    }
  }
  if (findings.length > 0) {
    // Locations already carry each service's folder.
    io.err(formatDiagnostics('text', findings, '.', io.errStyle).replace(/(^|\n)\.\//g, '$1'));
    io.err(io.errStyle.red('✗ ') + `${findings.length} cross-service finding(s); nothing was written`);
    return undefined;
  }

  const targets: WriteTarget[] = [];
  for (const env of environments) {
    const services = byEnv.get(env) ?? [];
    for (const s of services) targets.push({ dir: join(options.out, s.name, env), label: `${s.name} ${env}`, manifestPath: MANIFEST_PATH, artifacts: s.artifacts, option: '--out' });
    targets.push({ dir: join(options.out, ORG_DIR, env), label: `org ${env}`, manifestPath: MANIFEST_PATH, artifacts: orgArtifacts(services, org, env), option: '--out' });
    if (!options.quiet) io.err(io.errStyle.green('✓ ') + `${env}: ${services.length} services and the org files generated`);
  }
  return { workspace, environments, services: byEnv, targets };
}

function displayOf(dir: string, cwd: string): string {
  return relative(cwd, dir) || '.';
}

export async function buildFleet(options: FleetBuildOptions, io: Io, checkTargets: (out: string, targets: readonly WriteTarget[], quiet: boolean, io: Io) => ExitCode): Promise<ExitCode> {
  const plan = await planFleet(options, io);
  if (!plan) return EXIT.findings;
  for (const dir of plan.workspace.serviceDirs) {
    checkLayout({ out: options.out, envDirs: plan.targets.map((t) => t.dir), opsDocs: undefined, specDir: dir, env: io.env });
  }
  if (options.check) return checkTargets(options.out, plan.targets, options.quiet, io);
  const { plans } = await writeTargets({ out: options.out, opsDocs: undefined, targets: plan.targets, force: options.force, atomic: false, say: (t) => io.err(t) });
  if (!options.quiet) {
    const written = plans.reduce((n, p) => n + p.writes.length, 0);
    const removed = plans.reduce((n, p) => n + p.removeFirst.length + p.removeAfter.length, 0);
    io.err(`  ${options.out}: ${plans.length} folders, ${written} file(s) written${removed > 0 ? `, ${removed} removed` : ''}`);
    for (const p of plans) if (p.kept.length > 0) io.err(`  kept ${p.kept.length} file(s) monspec does not own in ${p.target.dir} (${p.kept.slice(0, 3).join(', ')}${p.kept.length > 3 ? ', …' : ''})`);
  }
  return EXIT.ok;
}
