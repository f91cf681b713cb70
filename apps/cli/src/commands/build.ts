import { existsSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { GeneratorFindings, hasErrors } from '@monspec/metrics-spec';
import { boolOpt, stringOpt, type Command, type Io, type Parsed } from '../command.js';
import { EXIT, UsageError, type ExitCode } from '../errors.js';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { compileAt, locateSpec, type LoadedSpec } from '../spec-source.js';
import { generateEnvironment, operationsDocs } from '../build/generate-all.js';
import { stopWorker } from '../build/offload.js';
import { checkLayout } from '../build/layout.js';
import { MANIFEST_PATH, OPS_MANIFEST_PATH } from '../build/manifest.js';
import { watchSpecDir } from '../build/watch-spec.js';
import { usesAtomicLayout } from '../build/snapshot.js';
import { diffTree, leftoverFindings, withLinks, writeTargets, type WriteTarget } from '../build/writer.js';
import { TOOL_VERSION } from '../version.js';
import { SPEC_OPTION } from '../options.js';
import { locateDiagnostic } from '../lint/dashboard-lint.js';

interface BuildSettings {
  readonly spec: LoadedSpec;
  readonly envs: 'default' | 'all' | string;
  readonly out: string;
  readonly opsDocs: string | undefined;
  readonly check: boolean;
  readonly force: boolean;
  readonly atomic: boolean;
  readonly quiet: boolean;
  /** Stage durations in ms, summed over environments, when --timings is given. */
  readonly timings: Record<string, number> | undefined;
  /** Threads to generate with (a large spec's docs go to a worker thread when above 1). */
  readonly jobs: number;
}

/** Compiles and generates every requested environment in memory; nothing is written unless all succeed. */
async function plan(settings: BuildSettings, io: Io): Promise<{ targets: WriteTarget[]; failed: boolean }> {
  const timings = settings.timings;
  const onStage = timings ? (stage: string, ms: number) => void (timings[stage] = (timings[stage] ?? 0) + ms) : undefined;
  const first = compileAt(settings.spec, settings.envs === 'default' || settings.envs === 'all' ? undefined : settings.envs, onStage, timings);
  const envNames = settings.envs === 'all' && first.environments.length > 0 ? first.environments : [first.environment ?? 'default'];
  if (settings.opsDocs && first.environments.includes('production') && !envNames.includes('production')) {
    throw new UsageError(`Unexpected --ops-docs with --env ${envNames.join(', ')}: the operations docs are the production environment's, expected --env production or --all-envs (or no --ops-docs)`);
  }
  // The ops docs are production's; a spec without a production environment gets its default one's.
  const opsEnv = envNames.includes('production') ? 'production' : envNames.length === 1 ? envNames[0] : (first.environment ?? envNames[0]);
  const targets: WriteTarget[] = [];
  let failed = false;
  for (const env of envNames) {
    const started = performance.now();
    const result = env === first.environment ? first : compileAt(settings.spec, env, onStage, timings);
    if (result.diagnostics.length > 0 && (hasErrors(result.diagnostics) || !settings.quiet)) {
      io.err(formatDiagnostics('text', result.diagnostics, settings.spec.displayDir, io.errStyle));
    }
    if (!result.model) {
      io.err(io.errStyle.red('✗ ') + `${env}: the spec has errors; nothing was written`);
      failed = true;
      continue;
    }
    let generated;
    try {
      generated = await generateEnvironment(result.model, TOOL_VERSION, undefined, settings.jobs, settings.opsDocs !== undefined && env === opsEnv);
    } catch (err) {
      // A generator found a mistake in the spec (the docs lint spec prose): a finding, not a crash.
      if (!(err instanceof GeneratorFindings)) throw err;
      io.err(err.message);
      io.err(io.errStyle.red('✗ ') + `${env}: the generated ${err.generator} have findings (see above; fix the spec text they quote); nothing was written`);
      failed = true;
      continue;
    }
    if (timings) for (const [k, v] of Object.entries(generated.timings)) timings[k] = (timings[k] ?? 0) + v;
    const lintErrors = generated.lint.filter((f) => f.severity === 'error');
    const shown = generated.lint.filter((f) => f.severity !== 'info' && (!settings.quiet || f.severity === 'error'));
    // Located at the panel in the spec, as validate reports them.
    if (shown.length > 0) io.err(formatDiagnostics('text', shown.map((d) => locateDiagnostic(d, result.locate)), settings.spec.displayDir, io.errStyle));
    if (lintErrors.length > 0) {
      io.err(io.errStyle.red('✗ ') + `${env}: ${lintErrors.length} lint error(s) in the generated files; nothing was written`);
      failed = true;
      continue;
    }
    targets.push({ dir: join(settings.out, env), label: env, manifestPath: MANIFEST_PATH, artifacts: generated.artifacts, option: '--out' });
    if (settings.opsDocs && env === opsEnv) {
      targets.push({ dir: settings.opsDocs, label: `${env} operations docs`, manifestPath: OPS_MANIFEST_PATH, artifacts: await operationsDocs(result.model, TOOL_VERSION), option: '--ops-docs' });
    }
    if (!settings.quiet) {
      const ms = Math.round(performance.now() - started);
      io.err(io.errStyle.green('✓ ') + `${env}: ${generated.artifacts.length} artifacts generated in ${ms} ms`);
    }
  }
  return { targets, failed };
}

/** `--check`: compares the planned files with the disk, writing nothing (also for `--workspace`). */
function checkTargets(out: string, targets: readonly WriteTarget[], quiet: boolean, io: Io): ExitCode {
  let stale = 0;
  for (const path of leftoverFindings(out, targets)) {
    io.out(`leftover ${path}`);
    stale++;
  }
  for (const t of usesAtomicLayout(out) ? withLinks(out, targets) : targets) {
    const d = diffTree(t.dir, t.artifacts, t.linkText);
    for (const p of d.stale) io.out(`stale    ${join(t.dir, p)}`);
    for (const p of d.missing) io.out(`missing  ${join(t.dir, p)}`);
    for (const p of d.extra) io.out(`extra    ${join(t.dir, p)}`);
    stale += d.stale.length + d.missing.length + d.extra.length;
  }
  if (stale > 0) {
    io.err(io.errStyle.red('✗ ') + `${stale} generated file(s) out of date or left over by a killed build: run \`npx turbo build\` (or monspec build) and commit the result`);
    return EXIT.findings;
  }
  if (!quiet) io.err(io.errStyle.green('✓ ') + 'generated files are up to date');
  return EXIT.ok;
}

async function buildOnce(settings: BuildSettings, io: Io): Promise<ExitCode> {
  // The folders themselves first (before the generators run), the environments' folders once known.
  checkLayout({ out: settings.out, envDirs: [], opsDocs: settings.opsDocs, specDir: settings.spec.dir, env: io.env });
  const { targets, failed } = await plan(settings, io).finally(stopWorker);
  if (failed) return EXIT.findings;
  checkLayout({ out: settings.out, envDirs: targets.filter((t) => t.option === '--out').map((t) => t.dir), opsDocs: settings.opsDocs, specDir: settings.spec.dir, env: io.env });
  if (settings.check) return checkTargets(settings.out, targets, settings.quiet, io);
  const writeStarted = performance.now();
  const { plans, published } = await writeTargets({ out: settings.out, opsDocs: settings.opsDocs, targets, force: settings.force, atomic: settings.atomic, say: (t) => io.err(t) });
  if (settings.timings) settings.timings.write = performance.now() - writeStarted;
  if (!settings.quiet) {
    if (published !== undefined) io.err(`  published ${published} (every environment at once)`);
    for (const p of plans) {
      const removed = p.removeFirst.length + p.removeAfter.length;
      // In the atomic layout a changed file keeps its link: only new links count as written.
      const what = p.target.linkText !== undefined ? `${p.writes.length} new link(s)` : `${p.writes.length} written`;
      io.err(`  ${p.target.dir}: ${p.target.artifacts.length} files, ${what}${removed > 0 ? `, ${removed} removed` : ''}${p.adopted ? ' (adopted: its files carry monspec\'s "Generated" note)' : ''}`);
      if (p.kept.length > 0) io.err(`  kept ${p.kept.length} file(s) monspec does not own in ${p.target.dir} (${p.kept.slice(0, 3).join(', ')}${p.kept.length > 3 ? ', …' : ''})`);
    }
  }
  return EXIT.ok;
}

function watchAndRebuild(settings: BuildSettings, io: Io): Promise<ExitCode> {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const onChange = () => {
    clearTimeout(timer);
    // Editors write in bursts; one rebuild per burst.
    timer = setTimeout(() => {
      running = running.then(async () => {
        const t = performance.now();
        // Every rebuild starts from the files as they are now: nothing of a failed one is kept.
        const code = await buildOnce({ ...settings, quiet: true }, io).catch((err: unknown) => {
          io.err(io.errStyle.red('✗ ') + String((err as Error).message));
          return EXIT.findings;
        });
        io.err(`${code === EXIT.ok ? io.errStyle.green('↻') : io.errStyle.red('✗')} rebuilt in ${Math.round(performance.now() - t)} ms`);
      });
    }, 20);
  };
  const watcher = watchSpecDir(settings.spec.dir, onChange);
  // Only now: whoever waits for this line may edit a file right away.
  io.err(`watching ${settings.spec.displayDir} for changes (Ctrl-C to stop)`);
  return new Promise((done) => {
    const stop = () => {
      watcher.close();
      clearTimeout(timer);
      done(EXIT.ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'Generate every artifact (dashboards, rules, tests, routing, docs, site) for a spec, atomically.',
  positionals: { min: 0, max: 1 },
  usage: 'monspec build [--spec DIR] [--env NAME | --all-envs] [--out DIR] [--ops-docs DIR] [--atomic] [--force] [--check] [--watch] | monspec build --workspace [FILE] [--out DIR] [--only DIR | --merge [--from PATTERN]] [--rebuild] [--force] [--check]',
  options: {
    spec: SPEC_OPTION,
    env: { type: 'string', help: 'Build this environment only (default: the spec\'s default environment).' },
    'all-envs': { type: 'boolean', help: 'Build every environment the spec declares.' },
    out: { type: 'string', help: 'Output root; artifacts go to OUT/<env>/ (default: ./generated).' },
    'ops-docs': { type: 'string', help: 'Also write the production setup guide and runbooks to this directory (e.g. docs/OPERATIONS).' },
    check: { type: 'boolean', help: 'Write nothing; list stale, missing and extra files and a killed build\'s leftovers, and exit 1 if any.' },
    force: { type: 'boolean', help: 'Write into a folder without a monspec manifest that holds other files, beside them (they are never overwritten or deleted).' },
    atomic: { type: 'boolean', help: 'Publish all environments at once with one rename, for an OUT a running Prometheus, Alertmanager or Grafana reads: OUT/<env> files become links into one snapshot. Kept by every later build.' },
    watch: { type: 'boolean', short: 'w', help: 'Rebuild whenever a spec file changes.' },
    quiet: { type: 'boolean', short: 'q', help: 'Print only problems.' },
    timings: { type: 'boolean', help: 'Print per-stage durations and peak memory as one JSON line on stderr (for benchmarks).' },
    jobs: { type: 'string', help: 'Threads (default: the available cores; 1 builds in this thread only). With --workspace: services built at once, in worker threads; otherwise a large spec\'s docs are generated in a worker thread, same bytes.' },
    only: { type: 'string', help: 'With --workspace: build only the service of this spec folder (one the workspace lists) into OUT/<service>/<env>/, no org files (a turbo layout\'s per-service task).' },
    merge: { type: 'boolean', help: 'With --workspace: build no service; merge the org files (OUT/org/<env>/) from the services\' built folders, refusing a missing or stale one (exit 2).' },
    from: { type: 'string', help: 'With --merge: where the built services are, a folder holding <service>/<env>/ (* matches a folder name, e.g. \'services/*/generated\'; default: OUT).' },
    rebuild: { type: 'boolean', help: 'With --workspace: generate every service again, even one whose built folder is this monspec\'s build of its spec as it is now.' },
    workspace: {
      type: 'boolean',
      help: 'Build a fleet: the workspace file given after the flag (default ./monspec.workspace.yaml) lists service specs; each goes to OUT/<service>/<env>/, the merged org files (one Alertmanager config, Grafana policies, fleet docs) to OUT/org/<env>/.',
    },
  },
  examples: [
    'monspec build',
    'monspec build --all-envs --ops-docs docs/OPERATIONS',
    'monspec build --check --all-envs',
    'monspec build --spec ./monitoring --env staging --out ./out',
    'monspec build --watch',
    'monspec build --all-envs --out ./published --atomic',
    "printf 'services: [monitoring]\\norg: { name: Acme, receiver: { name: org-oncall, email: sre@example.com } }\\n' > monspec.workspace.yaml && monspec build --workspace --out fleet",
  ],
  async run(args: Parsed, io: Io) {
    if (boolOpt(args, 'workspace')) return runWorkspace(args, io);
    for (const fleetOnly of ['only', 'merge', 'from', 'rebuild']) {
      if (args.values[fleetOnly] !== undefined) throw new UsageError(`Unexpected --${fleetOnly} without --workspace, expected it with --workspace only`);
    }
    if (args.positionals.length > 0) throw new UsageError(`Unexpected argument "${args.positionals[0]}", expected options only (a workspace file follows --workspace)`);
    const env = stringOpt(args, 'env');
    if (env !== undefined && boolOpt(args, 'all-envs')) throw new UsageError('Unexpected --env together with --all-envs, expected one of them');
    if (boolOpt(args, 'check') && boolOpt(args, 'watch')) throw new UsageError('Unexpected --check together with --watch, expected one of them');
    const opsDocs = stringOpt(args, 'ops-docs');
    const jobs = jobsOption(args);
    const settings: BuildSettings = {
      spec: locateSpec(stringOpt(args, 'spec'), io),
      envs: boolOpt(args, 'all-envs') ? 'all' : (env ?? 'default'),
      out: resolve(io.cwd, stringOpt(args, 'out') ?? 'generated'),
      opsDocs: opsDocs === undefined ? undefined : resolve(io.cwd, opsDocs),
      check: boolOpt(args, 'check'),
      force: boolOpt(args, 'force'),
      atomic: boolOpt(args, 'atomic'),
      quiet: boolOpt(args, 'quiet'),
      timings: boolOpt(args, 'timings') ? {} : undefined,
      jobs,
    };
    const code = await buildOnce(settings, io);
    if (settings.timings) {
      const stages = Object.fromEntries(Object.entries(settings.timings).map(([k, v]) => [k, Number(v.toFixed(2))]));
      io.err(JSON.stringify({ timings: stages, maxRssMiB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)) }));
    }
    if (!boolOpt(args, 'watch')) return code;
    return watchAndRebuild(settings, io);
  },
};

/** The --only spec folder as the workspace lists it (real path); a missing one is a usage error. */
function resolveOnly(cwd: string, only: string): string {
  const dir = resolve(cwd, only);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`Unexpected --only ${only}: it is not a folder, expected a service spec folder the workspace lists`);
  return realpathSync(dir);
}

/** --jobs: threads (default: the available cores). */
function jobsOption(args: Parsed): number {
  const jobsArg = stringOpt(args, 'jobs');
  if (jobsArg !== undefined && !/^[1-9][0-9]{0,2}$/.test(jobsArg)) throw new UsageError(`Unexpected --jobs ${jobsArg}, expected a whole number from 1 to 999`);
  return jobsArg === undefined ? availableParallelism() : Number(jobsArg);
}

/** `build --workspace [FILE]`: the fleet build (fleet/build-fleet.ts), loaded only for it. */
async function runWorkspace(args: Parsed, io: Io): Promise<ExitCode> {
  for (const single of ['spec', 'env', 'all-envs', 'ops-docs', 'atomic', 'watch', 'timings']) {
    if (args.values[single] !== undefined) throw new UsageError(`Unexpected --${single} together with --workspace, expected --out, --only, --merge, --from, --rebuild, --jobs, --force, --check or --quiet (a workspace builds every service in each of its environments)`);
  }
  if (args.positionals.length > 1) throw new UsageError(`Unexpected arguments ${args.positionals.join(' ')}, expected at most one workspace file after --workspace`);
  const jobs = jobsOption(args);
  const only = stringOpt(args, 'only');
  const from = stringOpt(args, 'from');
  const merge = boolOpt(args, 'merge');
  if (only !== undefined && merge) throw new UsageError('Unexpected --only together with --merge, expected one of them (--only builds one service, --merge only the org files)');
  if (from !== undefined && !merge) throw new UsageError('Unexpected --from without --merge, expected it with --merge only');
  if (merge && boolOpt(args, 'rebuild')) throw new UsageError('Unexpected --rebuild together with --merge, expected one of them (--merge builds no service)');
  const out = resolve(io.cwd, stringOpt(args, 'out') ?? 'generated');
  const { buildFleet } = await import('../fleet/build-fleet.js');
  const { expandFolders } = await import('../fleet/built-folders.js');
  const mergeFrom = !merge ? undefined : from === undefined ? [out] : expandFolders(io.cwd, from);
  if (mergeFrom !== undefined && mergeFrom.length === 0) throw new UsageError(`Unexpected --from ${from}: it matches no folder, expected folders holding the services' built <service>/<env>/ folders`);
  return buildFleet(
    {
      file: args.positionals[0],
      out,
      check: boolOpt(args, 'check'),
      force: boolOpt(args, 'force'),
      quiet: boolOpt(args, 'quiet'),
      jobs,
      only: only === undefined ? undefined : resolveOnly(io.cwd, only),
      mergeFrom,
      rebuild: boolOpt(args, 'rebuild'),
    },
    io,
    checkTargets,
  );
}
