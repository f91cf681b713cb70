/**
 * `monspec build --workspace [FILE]`: every service of the workspace, per environment, into
 * OUT/<service>/<env>/, and the org's merged files into OUT/org/<env>/, in one transaction of the
 * writer (its ownership rules apply to every folder). Nothing is written unless every service
 * builds and the cross-service checks pass. A service whose built folder is this monspec's build of
 * its spec as it is now (built-folders.ts) is reused, not generated again. `--only DIR` builds one
 * service and no org files, `--merge` only the org files from built folders (a turbo layout's tasks).
 */
import { createHash } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { hashSpecFiles, type Artifact, type Diagnostic, type SpecFile, type Workspace } from '@monspec/metrics-spec';
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
import { findBuiltFolders, staleness, type BuiltFolder } from './built-folders.js';
import { FLEET_ENTRY_PATH, type FleetEntry } from './entry.js';
import { toolBuild } from './tool-build.js';
import { readWorkspace, WorkspaceFindings, type LoadedWorkspace } from './workspace-file.js';
import { checkLibraryVersions } from './library-versions.js';
import { buildServices } from './pool.js';
import { compileForFleet } from './build-service.js';

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
  /** Build only the service of this spec folder (absolute), without org files. */
  readonly only: string | undefined;
  /** Build no service: merge the org files from the built folders under these roots' <service>/<env>/ (absolute folders). */
  readonly mergeFrom: readonly string[] | undefined;
  /** Generate every service again, even one whose built folder is up to date. */
  readonly rebuild: boolean;
}

/** What a workspace build produces in memory, per environment. */
export interface FleetPlan {
  readonly workspace: LoadedWorkspace;
  readonly environments: readonly string[];
  readonly services: ReadonlyMap<string, readonly FleetService[]>;
  readonly targets: readonly WriteTarget[];
  /** The org's merged files per environment (headers added), as written to OUT/org/<env>/; none for --only. */
  readonly org: ReadonlyMap<string, readonly Artifact[]>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function orgManifest(artifacts: readonly Artifact[], org: Workspace['org'], environment: string, services: readonly FleetEntry[]): Artifact {
  const data = {
    generator: `monspec ${TOOL_VERSION}`,
    service: `workspace ${org.name}`,
    environment,
    specHash: sha256(services.map((s) => `${s.name}:${s.specHash}`).join('\n')),
    artifacts: artifacts.map((a) => ({ path: a.path, bytes: Buffer.byteLength(a.content), sha256: sha256(a.content) })),
  };
  return { path: MANIFEST_PATH, role: 'manifest', deployed: false, content: JSON.stringify(data, null, 2) + '\n' };
}

/** The org's merged files for one environment from its services' fleet entries, headers added, manifest last. */
function orgArtifacts(services: readonly FleetEntry[], org: Workspace['org'], environment: string): Artifact[] {
  const files = addHeadersWithNote([orgAlertmanagerFile(services, org), ...orgGrafanaFiles(services, org), fleetDocs(services, org, environment), fleetManifest(services, org, environment)], fleetNote(org.name, environment)).sort((a, b) =>
    a.path < b.path ? -1 : 1,
  );
  return [...files, orgManifest(files, org, environment, services)];
}

/** A workspace service: its spec, as its fleet entry names it, and its files as read now. */
interface SpecOfFleet {
  readonly spec: LoadedSpec;
  readonly specPath: string;
  readonly files: readonly SpecFile[];
}

/**
 * Locates a pointer into the spec of one service in one environment: the spec is compiled again
 * (the first time a finding asks), since the source map stays where the spec was compiled (a
 * worker, or an earlier build whose folder is reused).
 */
function locator(spec: LoadedSpec, environment: string): FleetService['locate'] {
  let compiled: ReturnType<typeof compileFiles> | undefined;
  return (pointer) => {
    if (!compiled) {
      compiled = compileForFleet(readSpec(spec), environment);
    }
    const loc = compiled.locate(pointer);
    return loc ? { ...loc, file: specFilePath(spec.displayDir, loc.file) } : undefined;
  };
}

function reportWorkspaceFindings(err: unknown, io: Io): undefined {
  if (!(err instanceof WorkspaceFindings)) throw err;
  io.err(formatDiagnostics('text', err.diagnostics, '.', io.errStyle).replace(/(^|\n)\.\//g, '$1'));
  io.err(io.errStyle.red('✗ ') + 'the workspace file has errors; nothing was written');
  return undefined;
}

/** The built folder, one per environment, that stands for the service now; undefined when one is missing or stale (with why, for a merge). */
function upToDate(service: SpecOfFleet, found: ReturnType<typeof findBuiltFolders>, environments: readonly string[]): { folders: BuiltFolder[] } | { problem: { env: string; folder: BuiltFolder | undefined; reason: string } } {
  const expected = { generator: `monspec ${TOOL_VERSION}`, toolBuild: toolBuild(), specHash: hashSpecFiles(service.files) };
  const folders: BuiltFolder[] = [];
  for (const env of environments) {
    const candidates = found.get(service.specPath)?.get(env) ?? [];
    const reasons = candidates.map((c) => ({ folder: c, reason: staleness(c, { ...expected, environment: env }) }));
    const good = reasons.find((r) => r.reason === undefined);
    if (!good) return { problem: { env, folder: reasons[0]?.folder, reason: reasons[0]?.reason ?? '' } };
    folders.push(good.folder);
  }
  return { folders };
}

/** Reads, compiles and generates (or reuses) every service of the workspace in memory; undefined when something failed (reported). */
export async function planFleet(options: Omit<FleetBuildOptions, 'force'>, io: Io): Promise<FleetPlan | undefined> {
  let workspace: LoadedWorkspace;
  try {
    workspace = readWorkspace(options.file, io.cwd);
  } catch (err) {
    return reportWorkspaceFindings(err, io);
  }
  const org = workspace.workspace.org;
  const environments = workspace.workspace.environments ?? ['production'];
  const root = dirname(workspace.file);
  let dirs = workspace.serviceDirs;
  if (options.only !== undefined) {
    const only = options.only;
    dirs = dirs.filter((d) => d === only);
    if (dirs.length === 0) {
      throw new UsageError(`Unexpected --only ${displayOf(only, io.cwd)}: it is not a service folder of ${workspace.displayFile}, expected one of: ${workspace.serviceDirs.map((d) => displayOf(d, io.cwd)).join(', ')}`);
    }
  }
  const services: SpecOfFleet[] = dirs.map((dir) => {
    const spec = { dir, displayDir: displayOf(dir, io.cwd) };
    return { spec, specPath: relative(root, dir).split(sep).join('/') || '.', files: readSpec(spec) };
  });
  let failed = false;
  const versionProblems = checkLibraryVersions(workspace, services);
  for (const p of versionProblems) io.err(io.errStyle.red('✗ ') + p);
  if (versionProblems.length > 0) failed = true;

  // Each service's entries in workspace order, whether reused, merged or built now.
  const slots: (FleetService[] | undefined)[] = services.map(() => undefined);
  const targets: WriteTarget[] = [];
  const merging = options.mergeFrom !== undefined;
  const reuse = merging || !(options.rebuild || options.check);
  const found = reuse ? findBuiltFolders(options.mergeFrom ?? [options.out], environments) : new Map();
  const stale: string[] = [];
  const toBuild: number[] = [];
  services.forEach((s, i) => {
    const state = reuse ? upToDate(s, found, environments) : undefined;
    if (state && 'folders' in state) {
      slots[i] = state.folders.map((f, e) => ({ entry: f.entry, displayDir: s.spec.displayDir, locate: locator(s.spec, environments[e] as string) }));
    } else if (merging && state && 'problem' in state) {
      const { env, folder, reason } = state.problem;
      const run = `run monspec build --workspace ${workspace.displayFile} (or --only ${s.spec.displayDir}) first`;
      stale.push(
        folder
          ? `Unexpected stale build of ${folder.entry.name} at ${displayOf(folder.dir, io.cwd)}: ${reason}; ${run}`
          : `Unexpected missing build of ${s.spec.displayDir} (${env}): no ${FLEET_ENTRY_PATH} under ${(options.mergeFrom ?? []).map((d) => join(displayOf(d, io.cwd), '<service>', env)).join(', ') || 'the --from folders'} names it, expected its built folder; ${run}`,
      );
    } else toBuild.push(i);
  });
  if (stale.length > 0) {
    for (const line of stale) io.err(io.errStyle.red('✗ ') + line);
    throw new StaleBuilds(stale.length);
  }

  const built = await buildServices(
    toBuild.map((i) => ({ spec: (services[i] as SpecOfFleet).spec, specPath: (services[i] as SpecOfFleet).specPath, environments, quiet: options.quiet, toolBuild: toolBuild() })),
    options.jobs,
  );
  built.forEach(({ spec, reports, builds, failed: serviceFailed }, k) => {
    for (const r of reports) {
      if ('diagnostics' in r) io.err(formatDiagnostics('text', r.diagnostics, spec.displayDir, io.errStyle));
      else io.err(io.errStyle.red('✗ ') + r.failure);
    }
    if (serviceFailed) failed = true;
    slots[toBuild[k] as number] = builds.map(({ environment, artifacts }) => {
      // The entry as its file reads back: the org files are the same bytes as a merge from the folder.
      const entry = JSON.parse((artifacts.find((a) => a.path === FLEET_ENTRY_PATH) as Artifact).content) as FleetEntry;
      targets.push({ dir: join(options.out, entry.name, environment), label: `${entry.name} ${environment}`, manifestPath: MANIFEST_PATH, artifacts, option: '--out' });
      return { entry, displayDir: spec.displayDir, locate: locator(spec, environment) };
    });
  });
  if (failed) return undefined;

  const byEnv = new Map<string, FleetService[]>(environments.map((e, i) => [e, slots.map((s) => s?.[i]).filter((s): s is FleetService => s !== undefined)]));
  const first = byEnv.get(environments[0] as string) ?? [];

  // Service names are the output folders and the routes' matchers: one each.
  const names = new Map<string, string>();
  for (const s of first) {
    const other = names.get(s.entry.name);
    if (other !== undefined) throw new UsageError(`Unexpected service name "${s.entry.name}" in ${s.displayDir}, already the name of ${other}; expected one spec per service in ${workspace.displayFile}`);
    if (s.entry.name === ORG_DIR) throw new UsageError(`Unexpected service name "${ORG_DIR}" in ${s.displayDir}: OUT/${ORG_DIR}/ holds the merged org files, expected another name`);
    names.set(s.entry.name, s.displayDir);
  }
  if (options.only !== undefined) {
    if (!options.quiet) io.err(io.errStyle.green('✓ ') + `${first[0]?.entry.name ?? ''}: ${targets.length > 0 ? 'generated' : 'up to date (its built folders are reused)'} for ${environments.join(', ')}`);
    return { workspace, environments, services: byEnv, targets, org: new Map() };
  }

  // The root receiver joins every service's receivers in one list: its name must be free.
  for (const s of first) {
    if (!s.entry.contactPoints.includes(org.receiver.name)) continue;
    const loc = s.locate(`/notifications/contactPoints/${org.receiver.name}`);
    throw new UsageError(
      `Unexpected org receiver name "${org.receiver.name}" in ${workspace.displayFile}: ${s.entry.name} has a contact point of that name${loc ? ` (${loc.file}:${loc.line}:${loc.column})` : ''}, expected a name no service uses`,
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

  const orgFiles = new Map<string, readonly Artifact[]>();
  for (const env of environments) {
    const entries = (byEnv.get(env) ?? []).map((s) => s.entry);
    orgFiles.set(env, orgArtifacts(entries, org, env));
    targets.push({ dir: join(options.out, ORG_DIR, env), label: `org ${env}`, manifestPath: MANIFEST_PATH, artifacts: orgFiles.get(env) ?? [], option: '--out' });
    if (!options.quiet) {
      const generated = merging ? 'merged from their built folders' : `${toBuild.length} generated, ${services.length - toBuild.length} reused from their built folders`;
      io.err(io.errStyle.green('✓ ') + `${env}: ${entries.length} services (${generated}) and the org files`);
    }
  }
  return { workspace, environments, services: byEnv, targets, org: orgFiles };
}

/** A merge found services whose built folders are missing or stale (each reported). */
class StaleBuilds extends Error {
  constructor(readonly count: number) {
    super(`${count} stale or missing service build(s)`);
  }
}

function displayOf(dir: string, cwd: string): string {
  return relative(cwd, dir) || '.';
}

export async function buildFleet(options: FleetBuildOptions, io: Io, checkTargets: (out: string, targets: readonly WriteTarget[], quiet: boolean, io: Io) => ExitCode): Promise<ExitCode> {
  let plan: FleetPlan | undefined;
  try {
    plan = await planFleet(options, io);
  } catch (err) {
    // Each stale folder is reported already: a merge is run before its services are built (exit 2).
    if (err instanceof StaleBuilds) return EXIT.usage;
    throw err;
  }
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
