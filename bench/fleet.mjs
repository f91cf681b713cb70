// The fleet benchmark (issue 17): a synthetic workspace of N services, each a few lines built from
// the HTTP service library (RED metrics, an error-ratio and a latency alert, an availability SLO,
// a dashboard, runbooks: about the `init` starter plus a dashboard), one environment.
// Measured: a cold `monspec build --workspace` (every service and the merged org files), and the
// time to fresh org files after editing one service's threshold (the same command again: it
// rebuilds every service in the one process; what a turbo layout would cache is not measured here).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './measure.mjs';

/** One `monspec build --workspace` under GNU time: wall milliseconds and peak RSS (MiB, worker threads included: one process). */
function timedBuild(root, bin, workspace, out) {
  const args = [process.execPath, bin, 'build', '--workspace', workspace, '--out', out, '--quiet'];
  const t = process.hrtime.bigint();
  // Peak RSS through GNU time when it is installed (as for the peer), else the wall time only.
  const r = existsSync('/usr/bin/time') ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(args[0], args.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`build --workspace failed (${r.status}):\n${r.stderr}`);
  const kib = /maxrss=(\d+)/.exec(r.stderr)?.[1];
  return { ms, rss: kib === undefined ? undefined : Math.round(Number(kib) / 102.4) / 10 };
}

/** Writes the workspace under `dir` (inside the repository, so the library resolves from node_modules). */
export function writeSyntheticFleet(dir, services) {
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < services; i++) {
    const name = `svc${i}`;
    const folder = join(dir, 'services', name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'service.yaml'),
      `imports:
  - from: '@monspec/lib-http-service'
    params: { service: ${name}, job: ${name}, team_email: team${i % 20}@example.com, error_ratio_critical: 5% }
service:
  name: ${name}
  title: Service ${i}
  description: Synthetic service ${i} of the fleet benchmark.
  team: team${i % 20}
  job: ${name}
  grafana: { url: https://grafana.example.com, folder: team${i % 20} }
notifications:
  smtp: { smarthost: smtp.example.com:587, from: alerts@example.com }
`,
    );
  }
  writeFileSync(
    join(dir, 'monspec.workspace.yaml'),
    `services: [services/*]
libraries: ['@monspec/lib-http-service']
environments: [production]
org:
  name: Bench Org
  receiver: { name: org-oncall, email: sre@example.com }
  smtp: { smarthost: smtp.example.com:587, from: alertmanager@example.com }
`,
  );
  return join(dir, 'monspec.workspace.yaml');
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
  const rss = (xs) => (xs.some((x) => x.rss === undefined) ? undefined : Math.max(...xs.map((x) => x.rss)));
  return { services, cold: median(cold.map((x) => x.ms)), coldRss: rss(cold), edit: median(edits.map((x) => x.ms)), editRss: rss(edits) };
}
