// The fleet benchmark (issue 17): a synthetic workspace of N services, each a few lines built from
// the HTTP service library (RED metrics, an error-ratio and a latency alert, an availability SLO,
// a dashboard, runbooks: about the `init` starter plus a dashboard), one environment.
// Measured: a cold `monspec build --workspace` (every service and the merged org files), the time
// to fresh org files after editing one service's threshold with the same command (it reuses every
// other service's built folder), and the same in the turbo layout (README, "Fleet"): a package per
// service and an org package, a cold `turbo run build` and `turbo run build` after the edit.
// `node bench/fleet.mjs [services] [runs]` runs it alone and prints the table.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fmt, median } from './measure.mjs';
import { writeTurboLayout } from '@monspec/test-kit';

/** A command under GNU time: wall milliseconds and peak RSS (MiB: the largest process of the command's tree, worker threads included). */
function timed(cwd, args, what, env = process.env) {
  const t = process.hrtime.bigint();
  // Peak RSS through GNU time when it is installed (as for the peer), else the wall time only.
  const r = existsSync('/usr/bin/time') ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(args[0], args.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const kib = /maxrss=(\d+)/.exec(r.stderr)?.[1];
  return { ms, rss: kib === undefined ? undefined : Math.round(Number(kib) / 102.4) / 10 };
}

/** One `monspec build --workspace` (worker threads: one process). */
function timedBuild(root, bin, workspace, out) {
  return timed(root, [process.execPath, bin, 'build', '--workspace', workspace, '--out', out, '--quiet'], 'build --workspace');
}

function serviceSpec(name, i, errorRatio = 5) {
  return `imports:
  - from: '@monspec/lib-http-service'
    params: { service: ${name}, job: ${name}, team_email: team${i % 20}@example.com, error_ratio_critical: ${errorRatio}% }
service:
  name: ${name}
  title: Service ${i}
  description: Synthetic service ${i} of the fleet benchmark.
  team: team${i % 20}
  job: ${name}
  grafana: { url: https://grafana.example.com, folder: team${i % 20} }
notifications:
  smtp: { smarthost: smtp.example.com:587, from: alerts@example.com }
`;
}

const WORKSPACE_FILE = `services: [services/*]
libraries: ['@monspec/lib-http-service']
environments: [production]
org:
  name: Bench Org
  receiver: { name: org-oncall, email: sre@example.com }
  smtp: { smarthost: smtp.example.com:587, from: alertmanager@example.com }
`;

/** Writes the workspace under `dir` (inside the repository, so the library resolves from node_modules). */
export function writeSyntheticFleet(dir, services) {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < services; i++) {
    const name = `svc${i}`;
    const folder = join(dir, 'services', name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'service.yaml'), serviceSpec(name, i));
  }
  writeFileSync(join(dir, 'monspec.workspace.yaml'), WORKSPACE_FILE);
  return join(dir, 'monspec.workspace.yaml');
}

/**
 * The same fleet in the turbo layout, in a repository of its own (git init; the library copied into
 * its node_modules): services/<name>/ packages building with `--only`, org/ merging with `--merge`.
 */
function writeTurboFleet(root, bin, services) {
  const dir = mkdtempSync(join(tmpdir(), 'monspec-bench-turbo-'));
  spawnSync('git', ['init', '-q'], { cwd: dir });
  const lib = join(dir, 'node_modules', '@monspec', 'lib-http-service');
  cpSync(join(root, 'libraries', 'http-service', 'spec'), join(lib, 'spec'), { recursive: true });
  cpSync(join(root, 'libraries', 'http-service', 'package.json'), join(lib, 'package.json'));
  writeFileSync(join(dir, 'monspec.workspace.yaml'), WORKSPACE_FILE);
  const names = [];
  for (let i = 0; i < services; i++) {
    const name = `svc${i}`;
    names.push(name);
    mkdirSync(join(dir, 'services', name), { recursive: true });
    writeFileSync(join(dir, 'services', name, 'service.yaml'), serviceSpec(name, i));
  }
  writeTurboLayout(dir, `node ${JSON.stringify(bin)}`, names);
  return dir;
}

/** The turbo layout: a cold `turbo run build` (once: it runs a process per service) and `runs` one-service edits. */
function benchTurbo(root, bin, services, runs) {
  const dir = writeTurboFleet(root, bin, services);
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
  const run = () => timed(dir, [turbo, 'run', 'build', '--output-logs=errors-only'], 'turbo run build', env);
  try {
    const cold = run();
    const spec = join(dir, 'services', 'svc0', 'service.yaml');
    const edits = [];
    for (let i = 0; i < runs; i++) {
      writeFileSync(spec, serviceSpec('svc0', 0, i % 2 ? 5 : 4));
      edits.push(run());
    }
    return { turboCold: cold.ms, turboColdRss: cold.rss, turboEdit: median(edits.map((x) => x.ms)), turboEditRss: maxRss(edits) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function maxRss(xs) {
  return xs.some((x) => x.rss === undefined) ? undefined : Math.max(...xs.map((x) => x.rss));
}

/** Cold builds (output removed first) and one-service edits, `runs` each: median walls and peak RSS. */
export function benchFleet(root, bin, dir, services, runs) {
  const workspace = writeSyntheticFleet(dir, services);
  const out = join(dir, 'generated');
  const build = () => timedBuild(root, bin, workspace, out);
  const cold = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    cold.push(build());
  }
  const spec = join(dir, 'services', 'svc0', 'service.yaml');
  const edits = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the threshold, so every edit changes the org files' inputs.
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/error_ratio_critical: \d+%/, `error_ratio_critical: ${i % 2 ? 5 : 4}%`));
    edits.push(build());
  }
  return { services, cold: median(cold.map((x) => x.ms)), coldRss: maxRss(cold), edit: median(edits.map((x) => x.ms)), editRss: maxRss(edits), ...benchTurbo(root, bin, services, runs) };
}

/** The fleet rows of bench/README.md's table. */
export function fleetTable(fleet) {
  const mib = (x) => (x === undefined ? '?' : `${x} MiB`);
  return `| measure | wall | peak RSS |
|---|---|---|
| cold \`build --workspace\`: every service and the merged org files | ${fmt(fleet.cold)} | ${mib(fleet.coldRss)} |
| one service's threshold edited, \`build --workspace\` again (reuses the other services' folders; fresh org files) | ${fmt(fleet.edit)} | ${mib(fleet.editRss)} |
| turbo layout, cold \`turbo run build\` (a process per service, then the merge) | ${fmt(fleet.turboCold)} | ${mib(fleet.turboColdRss)} (largest process) |
| turbo layout, one service's threshold edited, \`turbo run build\` (that service and the merge; the rest from turbo's cache) | ${fmt(fleet.turboEdit)} | ${mib(fleet.turboEditRss)} (largest process) |`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const services = Number(process.argv[2] ?? 200);
  const runs = Number(process.argv[3] ?? 3);
  const fleet = benchFleet(root, join(root, 'apps', 'cli', 'bin', 'monspec.js'), join(root, 'bench', '.work', 'fleet'), services, runs);
  console.log(`${services} services, medians of ${runs}:\n${fleetTable(fleet, fmt)}`);
}
