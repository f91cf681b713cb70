// Before/after: the compiled CLI of another checkout (`--against DIR`, built with `npx turbo build`)
// against this one, on the same specs in the same run, alternating one build of each so a busy moment
// of the machine falls on both. Prints a Markdown table of medians per stage; writes nothing else.
//   node bench/compare.mjs --against ../monspec-before [--sizes 100,1000] [--runs 5] [--big-runs 3]
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Built by `npx turbo build` (packages/test-kit), like the CLI this benchmark times.
import { writeSyntheticSpec } from '@monspec/test-kit';
import { fmt, lastJson, median, timed } from './measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, 'bench', '.work-compare');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
}

const against = option('--against');
if (!against) {
  console.error('Usage: node bench/compare.mjs --against DIR [--sizes 100,1000] [--runs 5]\n  DIR: another monspec checkout, built (npx turbo build)');
  process.exit(2);
}
const sides = { before: resolve(against, 'apps', 'cli', 'bin', 'monspec.js'), after: join(root, 'apps', 'cli', 'bin', 'monspec.js') };
for (const [side, bin] of Object.entries(sides)) {
  if (!existsSync(bin)) {
    console.error(`Unexpected missing ${bin} (${side}), expected a built monspec checkout`);
    process.exit(2);
  }
}
const sizes = option('--sizes', '100,1000').split(',').map(Number);
const runs = Number(option('--runs', '5'));
/** Builds at N >= 1000 take seconds each: fewer runs unless asked (`--big-runs`). */
const bigRuns = Number(option('--big-runs', '3'));

/** `runs` builds of `spec` by each side, alternating; per side the median wall, stages and peak RSS. */
function compareBuild(spec, n) {
  const samples = { before: { walls: [], stages: {}, rss: 0 }, after: { walls: [], stages: {}, rss: 0 } };
  for (let i = 0; i < n; i++) {
    for (const side of ['before', 'after']) {
      const out = join(work, `out-${side}`);
      rmSync(out, { recursive: true, force: true });
      const { ms, stderr } = timed([sides[side], 'build', '--spec', spec, '--out', out, '--quiet', '--timings'], root);
      const t = lastJson(stderr);
      const s = samples[side];
      s.walls.push(ms);
      for (const [k, v] of Object.entries(t.timings)) (s.stages[k] ??= []).push(v);
      s.rss = Math.max(s.rss, t.maxRssMiB);
    }
  }
  const summary = (s) => ({ wall: median(s.walls), rss: s.rss, stages: Object.fromEntries(Object.entries(s.stages).map(([k, v]) => [k, median(v)])) });
  return { before: summary(samples.before), after: summary(samples.after) };
}

function compareValidate(spec, n) {
  const walls = { before: [], after: [] };
  for (let i = 0; i < n; i++) for (const side of ['before', 'after']) walls[side].push(timed([sides[side], 'validate', '--spec', spec, '--quiet'], root).ms);
  return { before: median(walls.before), after: median(walls.after) };
}

const ratio = (b, a) => (b === undefined || a === undefined || b === 0 ? '–' : (a / b).toFixed(2));
const ms = (v) => (v === undefined ? '–' : v.toFixed(0));

function table(label, r) {
  const stages = [...new Set([...Object.keys(r.before.stages), ...Object.keys(r.after.stages)])];
  return [
    `### ${label}`,
    '',
    '| measure | before | after | after / before |',
    '|---|---|---|---|',
    `| build (wall) | ${fmt(r.before.wall)} | ${fmt(r.after.wall)} | ${ratio(r.before.wall, r.after.wall)} |`,
    `| peak RSS | ${r.before.rss} MiB | ${r.after.rss} MiB | ${ratio(r.before.rss, r.after.rss)} |`,
    ...stages.map((s) => `| ${s} (ms) | ${ms(r.before.stages[s])} | ${ms(r.after.stages[s])} | ${ratio(r.before.stages[s], r.after.stages[s])} |`),
    '',
  ].join('\n');
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const embedded = join(root, 'packages', 'metrics-spec', 'spec');
const sections = [];
const validate = compareValidate(embedded, runs);
sections.push(table('embedded tunnel spec', compareBuild(embedded, runs)));
for (const n of sizes) {
  process.stderr.write(`N=${n}…\n`);
  sections.push(table(`synthetic spec, N=${n}`, compareBuild(writeSyntheticSpec(join(work, `spec-${n}`), n), n >= 1000 ? bigRuns : runs)));
}
console.log(
  [
    `Before: ${resolve(against)}; after: this checkout. Medians of ${runs} alternating runs each (${bigRuns} at N=1000), one machine, one run.`,
    '',
    `Embedded spec \`monspec validate\` (whole process): before ${fmt(validate.before)}, after ${fmt(validate.after)} (${ratio(validate.before, validate.after)}).`,
    '',
    ...sections,
  ].join('\n'),
);
