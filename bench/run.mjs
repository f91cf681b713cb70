// monspec benchmark: times the compiled CLI as a whole process and per stage, with peak memory, on
// the embedded spec and on synthetic specs of N dashboards; compares with the write floor and, in the
// same run, with the peer (go-jsonnet + grafonnet rendering N dashboards, ../shared/peer or
// MONSPEC_PEER), alternating one monspec build and one peer render.
//   npm run bench            full table (N = 1, 10, 100, 1000), written to bench/README.md
//   npm run bench -- --quick a short subset, one summary line, nothing written
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
// Built by `npx turbo build` (packages/test-kit), like the CLI this benchmark times.
import { writeSyntheticSpec } from '@monspec/test-kit';
import { benchFleet, fleetTable } from './fleet.mjs';
import { fmt, lastJson, median, timed as timedIn } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.work');
const bin = join(root, 'apps', 'cli', 'bin', 'monspec.js');
const quick = process.argv.includes('--quick');
const peerDir = process.env.MONSPEC_PEER ?? join(root, '..', 'shared', 'peer');
const peerBin = join(peerDir, 'bin', 'go-jsonnet');
const haveGnuTime = existsSync('/usr/bin/time');

const timed = (args) => timedIn(args, root);

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * One render of N dashboards by the peer, as its README says: wall time, and peak RSS through GNU
 * time when it is installed.
 */
function peerRender(n) {
  const dest = join(work, 'peer-out');
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const args = ['-J', join(peerDir, 'vendor'), '-m', dest, '--tla-code', `n=${n}`, join(peerDir, 'jsonnet', 'main.jsonnet')];
  const t = process.hrtime.bigint();
  const r = haveGnuTime ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', peerBin, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(peerBin, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`the peer failed (${r.status}):\n${r.stderr}`);
  const kib = /maxrss=(\d+)/.exec(r.stderr ?? '')?.[1];
  return { ms, rss: kib === undefined ? undefined : Math.round(Number(kib) / 102.4) / 10, files: readdirSync(dest).length };
}

/**
 * Runs `monspec build` `runs` times; returns medians of wall time and stages, and the peak RSS. With
 * `peerN`, each build is followed by one peer render of that many dashboards (A/B alternating, so a
 * busy moment of the machine falls on both).
 */
function benchBuild(specDir, runs, peerN) {
  const out = join(work, 'out');
  const walls = [];
  const stages = {};
  const peer = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    const { ms, stderr } = timed([bin, 'build', '--spec', specDir, '--out', out, '--quiet', '--timings']);
    walls.push(ms);
    const t = lastJson(stderr);
    for (const [k, v] of Object.entries(t.timings)) (stages[k] ??= []).push(v);
    rss = Math.max(rss, t.maxRssMiB);
    if (peerN !== undefined) peer.push(peerRender(peerN));
  }
  const files = listFiles(out);
  const bytes = files.reduce((n, f) => n + statSync(join(out, f)).size, 0);
  const peerResult = peer.length === 0 ? undefined : { wall: median(peer.map((p) => p.ms)), rss: peer.some((p) => p.rss === undefined) ? undefined : Math.max(...peer.map((p) => p.rss)), files: peer[0].files };
  return { wall: median(walls), stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)])), rss, files: files.length, bytes, out, peer: peerResult };
}

/** Time to write the same bytes from a fresh node process. */
function benchFloor(outDir, runs) {
  const packed = join(work, 'packed.json');
  writeFileSync(packed, JSON.stringify(listFiles(outDir).map((f) => [f, readFileSync(join(outDir, f), 'utf8')])));
  const walls = [];
  for (let i = 0; i < runs; i++) {
    const dest = join(work, 'floor');
    rmSync(dest, { recursive: true, force: true });
    walls.push(timed([join(root, 'bench', 'write-floor.mjs'), packed, dest]).ms);
  }
  return median(walls);
}

/** `monspec preview` (every dashboard as SVG and PNG with sample data), whole process. */
function benchPreview(specDir, runs) {
  return median(Array.from({ length: runs }, () => timed([bin, 'preview', '--spec', specDir, '--out', join(work, 'previews')]).ms));
}

function benchValidate(specDir, runs) {
  return median(Array.from({ length: runs }, () => timed([bin, 'validate', '--spec', specDir, '--quiet']).ms));
}

/** `build --watch`: edit one threshold, wait for the rebuild line, report its own timing and the wall. */
async function benchWatch(specDir, edits) {
  const out = join(work, 'watch-out');
  const child = spawn(process.execPath, [bin, 'build', '--watch', '--spec', specDir, '--out', out], { cwd: root });
  let buffer = '';
  const waitFor = (re, timeoutMs) =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ${re} within ${timeoutMs} ms:\n${buffer}`)), timeoutMs);
      const check = () => {
        const m = re.exec(buffer);
        if (m) {
          clearTimeout(timer);
          child.stderr.off('data', onData);
          buffer = buffer.slice(m.index + m[0].length);
          done(m);
        }
      };
      const onData = (d) => {
        buffer += d.toString();
        check();
      };
      child.stderr.on('data', onData);
      check();
    });
  try {
    await waitFor(/watching .* for changes/, 60_000);
    const thresholds = join(specDir, 'thresholds.yaml');
    const original = readFileSync(thresholds, 'utf8');
    const results = [];
    for (let i = 0; i < edits; i++) {
      const edited = original.replace(/critical: 5%/, `critical: ${5 + ((i % 2) + 1) / 10}%`);
      const t = process.hrtime.bigint();
      writeFileSync(thresholds, edited);
      const m = await waitFor(/rebuilt in (\d+) ms/, 60_000);
      results.push({ reported: Number(m[1]), wall: Number(process.hrtime.bigint() - t) / 1e6 });
    }
    writeFileSync(thresholds, original);
    return { reported: median(results.map((r) => r.reported)), wall: median(results.map((r) => r.wall)) };
  } finally {
    child.kill('SIGTERM');
  }
}

function versions() {
  const pkg = (p) => JSON.parse(readFileSync(join(root, p), 'utf8')).version;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return { node: process.version, cpu: `${cpus().length} × ${cpu}`, mem: `${Math.round(totalmem() / 2 ** 30)} GiB`, kernel: release(), monspec: pkg('apps/cli/package.json') };
}

/**
 * monspec's synthetic spec against the peer's N dashboards, both measured above, one after the other.
 * The peer renders only the dashboards; monspec writes every output (dashboards, rules, tests,
 * routing, docs, site).
 */
function peerTable(rows) {
  const measured = rows.filter((r) => r.peer);
  if (measured.length === 0) return `The peer was not found at ${peerDir} (set MONSPEC_PEER): no comparison in this run.`;
  return [
    `go-jsonnet with grafonnet (${relative(root, peerDir)}, its README) rendering N dashboards of six panels, against \`monspec build\` of the synthetic spec of N dashboards writing every output; medians, one peer render after each monspec build.`,
    '',
    '| N | monspec build | peer (dashboards only) | monspec / peer | monspec peak RSS | peer peak RSS |',
    '|---|---|---|---|---|---|',
    ...measured.map((r) => `| ${r.n} | ${fmt(r.wall)} | ${fmt(r.peer.wall)} | ${(r.wall / r.peer.wall).toFixed(2)} | ${r.rss} MiB | ${r.peer.rss === undefined ? '–' : `${r.peer.rss} MiB`} |`),
  ].join('\n');
}


async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const runs = quick ? 3 : 5;
  const sizes = quick ? [1, 100] : [1, 10, 100, 1000];

  const embedded = join(root, 'packages', 'metrics-spec', 'spec');
  const embeddedBuild = benchBuild(embedded, runs);
  // Now: later builds reuse the same output directory.
  const embeddedFloor = benchFloor(embeddedBuild.out, runs);
  const embeddedValidate = benchValidate(embedded, runs);
  const embeddedPreview = benchPreview(embedded, runs);

  const rows = [];
  for (const n of sizes) {
    const spec = writeSyntheticSpec(join(work, `spec-${n}`), n);
    const r = benchBuild(spec, n >= 1000 ? 3 : runs, existsSync(peerBin) ? n : undefined);
    const floor = benchFloor(r.out, runs);
    rows.push({ n, ...r, floor });
    if (!quick) process.stderr.write(`N=${n}: ${fmt(r.wall)} (floor ${fmt(floor)}), ${r.rss} MiB${r.peer ? `; peer ${fmt(r.peer.wall)}, ${r.peer.rss ?? '?'} MiB` : ''}\n`);
  }
  const watchSpec = join(work, 'watch-spec');
  writeSyntheticSpec(watchSpec, 1);
  const embeddedCopy = join(work, 'embedded-copy');
  spawnSync('cp', ['-r', embedded, embeddedCopy]);
  const watch = await benchWatch(embeddedCopy, quick ? 3 : 7);

  if (quick) {
    const big = rows[rows.length - 1];
    console.log(
      `bench --quick: embedded build ${fmt(embeddedBuild.wall)}, validate ${fmt(embeddedValidate)}, watch rebuild ${watch.reported} ms; ` +
        `N=${big.n} build ${fmt(big.wall)} (floor ${fmt(big.floor)}, ${(big.wall / big.floor).toFixed(1)}x), ${big.rss} MiB` +
        (big.peer ? `; peer ${fmt(big.peer.wall)} (monspec/peer ${(big.wall / big.peer.wall).toFixed(2)})` : `; peer not found at ${peerDir}`),
    );
    return;
  }

  process.stderr.write('fleet of 200 services…\n');
  const fleet = benchFleet(root, bin, join(work, 'fleet'), 200, 3);

  const v = versions();
  const stageNames = ['read', 'parse', 'schema', 'merge', 'templates', 'checks', 'resolve', 'load', 'dashboards', 'alerts', 'loki-rules', 'instrumentation', 'previews', 'docs', 'describe', 'lint', 'headers', 'manifest', 'write'];
  const table = [
    `| spec | files | MiB | build (wall) | floor | × floor | per dashboard | peak RSS | ${stageNames.join(' | ')} |`,
    `|---|---|---|---|---|---|---|---|${stageNames.map(() => '---').join('|')}|`,
    ...[{ label: 'embedded tunnel', ...embeddedBuild, floor: embeddedFloor, n: 4 }, ...rows.map((r) => ({ label: `N=${r.n}`, ...r }))].map(
      (r) =>
        `| ${r.label} | ${r.files} | ${(r.bytes / 2 ** 20).toFixed(1)} | ${fmt(r.wall)} | ${fmt(r.floor)} | ${(r.wall / r.floor).toFixed(1)} | ${(r.wall / r.n).toFixed(1)} ms | ${r.rss} MiB | ${stageNames.map((s) => (r.stages[s] === undefined ? '–' : r.stages[s].toFixed(0))).join(' | ')} |`,
    ),
  ];
  const report = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${v.cpu}, ${v.mem}, Linux ${v.kernel}, Node ${v.node}, monspec ${v.monspec}.
Whole-process wall times of the compiled CLI (\`node apps/cli/bin/monspec.js build\`), medians of
${runs} runs (3 at N=1000); stage columns are milliseconds inside the process (\`--timings\`), peak RSS
is the process's maxRSS. The floor is a fresh node process writing the same files (bench/write-floor.mjs).
Synthetic specs (packages/test-kit/src/synthetic-spec.ts): N service dashboards of six panels, each with three
metrics, three recording rules, two alerts with promtool scenarios and their runbooks.

## Results

${table.join('\n')}

- Embedded spec: \`monspec validate\` ${fmt(embeddedValidate)} (whole process).
- \`build --watch\` on the embedded spec, one threshold edited: rebuilt in ${watch.reported} ms as
  reported by the watcher (median of edits; ${fmt(watch.wall)} from the write to the message,
  including the file-system event and debounce).

## Targets (issue 8)

| target | measured |
|---|---|
| embedded build < 0.5 s | ${fmt(embeddedBuild.wall)} |
| embedded validate < 0.3 s | ${fmt(embeddedValidate)} |
| N=1000 < 2 s, < 300 MiB, within 3× the floor | ${rows.find((r) => r.n === 1000) ? `${fmt(rows.find((r) => r.n === 1000).wall)}, ${rows.find((r) => r.n === 1000).rss} MiB, ${(rows.find((r) => r.n === 1000).wall / rows.find((r) => r.n === 1000).floor).toFixed(1)}×` : 'not run'} |
| watch rebuild < 100 ms | ${watch.reported} ms |
| tunnel dashboard previews, sample data < 1 s (issue 18) | build stage \`previews\` (SVGs) ${embeddedBuild.stages.previews === undefined ? '–' : `${embeddedBuild.stages.previews.toFixed(0)} ms`}; \`monspec preview\` (SVG + PNG, whole process) ${fmt(embeddedPreview)} |

## Against the peer, in the same run

${peerTable(rows)}

## Fleet (issue 17)

A synthetic workspace of ${fleet.services} services (bench/fleet.mjs), each a few lines built from the HTTP service library
(RED metrics, two alerts with promtool scenarios, an availability SLO, a dashboard, runbooks), one
environment: \`monspec build --workspace\` in one process (services in worker threads, one per core)
and the turbo layout (a package per service and an org package, turbo's local cache), medians of 3
(the turbo cold build once), peak RSS by GNU time.

${fleetTable(fleet)}

Goal: under 2 s to fresh org files after a one-service edit.
`;
  const notes = join(root, 'bench', 'NOTES.md');
  let extra = '';
  try {
    extra = '\n' + readFileSync(notes, 'utf8');
  } catch {
    /* no notes */
  }
  writeFileSync(join(root, 'bench', 'README.md'), report + extra);
  console.log(report);
}

main().catch((err) => {
  console.error(err.stack ?? String(err));
  process.exit(1);
});
