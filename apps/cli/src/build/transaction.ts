import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { fsDo } from './fs-errors.js';
import { leftBy, processAlive } from './lock.js';
import { isSafeRelativePath } from './manifest.js';
import type { TargetPlan } from './plan-target.js';
import { ancestors, JOURNAL_NAME, lstatOrUndefined, namesIn, STAGING_PREFIX } from './tree.js';

/*
 * How a build replaces its folders without a moment where a reader sees a missing folder or manifest,
 * and without a state a killed build cannot be recovered from (rename(2) cannot swap two non-empty
 * folders, so the folders stay and their files are replaced one by one):
 *
 * 1. stage:   every changed file is written to `<folder>/.monspec-staging-<id>/` (same file system),
 *             with a plan.json saying where each goes and which owned files go away.
 * 2. commit:  `OUT/.monspec-journal.json` names every staging folder of the build. Writing it (by
 *             rename) is the one commit point for all environments and the ops docs together.
 * 3. apply:   per folder: remove owned files in the way, rename each staged file over its target
 *             (readers see the old or the new bytes, never a partial file), remove files the previous
 *             manifest listed and this build does not, and rename the manifest last.
 * 4. finish:  delete the journal, then the staging folders.
 *
 * The next build (under the same lock) rolls forward a journal it finds, and removes staging folders
 * no journal names: those are builds killed before step 2, which changed nothing.
 */

const PLAN_NAME = 'plan.json';

interface StagedPlan {
  readonly build: string;
  /** From the staging folder to the journal that commits it. */
  readonly journal: string;
  readonly removeFirst: readonly string[];
  /** [staged file name, target path]. */
  readonly writes: readonly (readonly [string, string])[];
  readonly removeAfter: readonly string[];
  readonly manifest: readonly [string, string] | null;
}

interface Journal {
  readonly build: string;
  readonly pid: number;
  /** Staging folders, relative to the journal's folder. */
  readonly staging: readonly string[];
}

/**
 * Test-only crash points (MONSPEC_TEST_KILL_AT=staged | swapped | renamed:N): the process dies as if
 * killed. `swapped` is the atomic layout's (snapshot.ts) commit point.
 */
let renames = 0;
export function crashPoint(name: 'staged' | 'swapped' | 'rename'): void {
  const at = process.env.MONSPEC_TEST_KILL_AT;
  if (at === undefined) return;
  if (name === 'rename') renames++;
  if (at === name || (name === 'rename' && at === `renamed:${renames}`)) process.kill(process.pid, 'SIGKILL');
}

export function newBuildId(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

function pidOfStaging(name: string): number {
  return Number.parseInt(name.slice(STAGING_PREFIX.length), 10);
}

/** Writes one folder's changes beside it; undefined when the folder needs no change. */
function stage(plan: TargetPlan, build: string, journalPath: string): string | undefined {
  if (plan.writes.length === 0 && plan.removeFirst.length === 0 && plan.removeAfter.length === 0) return undefined;
  const dir = plan.target.dir;
  const staging = join(dir, `${STAGING_PREFIX}${build}`);
  try {
    writeStaging(plan, staging, build, journalPath);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return staging;
}

function writeStaging(plan: TargetPlan, staging: string, build: string, journalPath: string): void {
  fsDo('creating the folder', staging, () => mkdirSync(staging, { recursive: true }));
  const manifest = plan.writes.find((a) => a.path === plan.target.manifestPath);
  const writes: [string, string][] = [];
  let n = 0;
  for (const a of plan.writes) {
    const name = `f${n++}`;
    fsDo('writing', join(staging, name), () => writeFileSync(join(staging, name), a.content));
    if (a !== manifest) writes.push([name, a.path]);
  }
  const staged: StagedPlan = {
    build,
    journal: relative(staging, journalPath),
    removeFirst: plan.removeFirst,
    writes,
    removeAfter: plan.removeAfter,
    manifest: manifest ? [`f${plan.writes.indexOf(manifest)}`, manifest.path] : null,
  };
  fsDo('writing', join(staging, PLAN_NAME), () => writeFileSync(join(staging, PLAN_NAME), JSON.stringify(staged)));
}

/** A plan read back from disk must not lead outside its folder through a symbolic link. */
function noLinkOnTheWay(dir: string, path: string): void {
  for (const folder of ancestors(path)) {
    if (lstatOrUndefined(join(dir, folder))?.isSymbolicLink()) {
      throw new UsageError(`Unexpected symbolic link ${join(dir, folder)}, expected a real folder (monspec does not write through links): replace the link by a folder and build again`);
    }
  }
}

/** Removes a file (or link) the previous manifest listed, then the folders it leaves empty. */
export function removeOwned(dir: string, path: string): void {
  noLinkOnTheWay(dir, path);
  const abs = join(dir, path);
  const st = lstatOrUndefined(abs);
  if (st === undefined || st.isDirectory()) return;
  fsDo('removing', abs, () => unlinkSync(abs));
  for (const folder of ancestors(path).reverse()) {
    try {
      rmdirSync(join(dir, folder));
    } catch {
      break; // not empty (or gone): the folders above are not empty either
    }
  }
}

/**
 * Moves one staged file to its place. `ready` holds the folders (relative) this run has already
 * checked for links and created: at N=1000 a folder holds thousands of files, and checking and
 * creating it once each saves two system calls per file.
 */
function moveIn(staging: string, name: string, dir: string, path: string, ready: Set<string>): void {
  const from = join(staging, name);
  if (!existsSync(from)) return; // already moved by the run this one completes
  const to = join(dir, path);
  const folder = dirname(path);
  if (!ready.has(folder)) {
    noLinkOnTheWay(dir, path);
    fsDo('creating the folder', dirname(to), () => mkdirSync(dirname(to), { recursive: true }));
    ready.add(folder);
  }
  fsDo('replacing', to, () => renameSync(from, to));
  crashPoint('rename');
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new UsageError(`Unexpected unreadable ${path} (${(err as Error).message}), expected the writer's own bookkeeping: delete it and build again`);
  }
}

function checkedPaths(paths: readonly unknown[], where: string): readonly string[] {
  for (const p of paths) if (typeof p !== 'string' || !isSafeRelativePath(p)) throw new UsageError(`Unexpected path ${JSON.stringify(p)} in ${where}, expected a path inside its folder: delete ${where} and build again`);
  return paths as readonly string[];
}

/** Step 3 for one folder; idempotent, so a run killed half-way is completed by running it again. */
function apply(staging: string): void {
  const planPath = join(staging, PLAN_NAME);
  if (!existsSync(planPath)) return;
  const plan = readPlan(planPath);
  const dir = dirname(staging);
  for (const p of checkedPaths(plan.removeFirst, planPath)) removeOwned(dir, p);
  const ready = new Set<string>();
  for (const [name, p] of plan.writes) moveIn(staging, name, dir, checkedPaths([p], planPath)[0] as string, ready);
  for (const p of checkedPaths(plan.removeAfter, planPath)) removeOwned(dir, p);
  // Its folder checked again: removing files may have removed folders.
  if (plan.manifest) moveIn(staging, plan.manifest[0], dir, checkedPaths([plan.manifest[1]], planPath)[0] as string, new Set());
}

function bad(path: string, what: string): UsageError {
  return new UsageError(`Unexpected ${path}: ${what}, expected the writer's own bookkeeping: delete it and build again`);
}

function readPlan(path: string): StagedPlan {
  const plan = readJson<Partial<StagedPlan>>(path);
  const pairs = (v: unknown): v is [string, string][] => Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && /^f\d+$/.test(e[0]));
  if (typeof plan !== 'object' || plan === null || typeof plan.build !== 'string' || typeof plan.journal !== 'string') throw bad(path, 'no build id or journal');
  if (!Array.isArray(plan.removeFirst) || !Array.isArray(plan.removeAfter) || !pairs(plan.writes) || !(plan.manifest === null || pairs([plan.manifest]))) throw bad(path, 'not a staging plan');
  return plan as StagedPlan;
}

function readJournal(path: string): Journal {
  const journal = readJson<Partial<Journal>>(path);
  if (typeof journal !== 'object' || journal === null || typeof journal.build !== 'string' || typeof journal.pid !== 'number' || !Array.isArray(journal.staging) || !journal.staging.every((s) => typeof s === 'string')) {
    throw bad(path, 'not a build journal');
  }
  return journal as Journal;
}

function removeStaging(staging: string): void {
  fsDo('removing the temp folder', staging, () => rmSync(staging, { recursive: true, force: true }));
}

/**
 * Steps 3 and 4 from a journal (after step 2, or when a killed build's journal is found). Its temp
 * folders must sit in a folder of the journal's output or in one of `targets`: a journal committed by
 * a hostile PR cannot make the build apply a plan elsewhere.
 */
function completeJournal(journalPath: string, targets: readonly string[]): number {
  const journal = readJournal(journalPath);
  const base = dirname(journalPath);
  const allowed = new Set([...subfolders(base), ...targets.map((t) => resolve(t))]);
  const stagings = journal.staging.map((s) => resolve(base, s));
  for (const s of stagings) {
    if (!basename(s).startsWith(STAGING_PREFIX) || !allowed.has(dirname(s))) throw bad(journalPath, `it names ${s}, which is not a temp folder of this output`);
  }
  for (const s of stagings) apply(s);
  fsDo('removing', journalPath, () => unlinkSync(journalPath));
  for (const s of stagings) removeStaging(s);
  return journal.pid;
}

/** Stages every folder, commits them together through one journal in `out`, applies and cleans up. */
export function writeAll(out: string, plans: readonly TargetPlan[]): void {
  const build = newBuildId();
  const journalPath = join(out, JOURNAL_NAME);
  const stagings: string[] = [];
  try {
    for (const plan of plans) {
      const s = stage(plan, build, journalPath);
      if (s) stagings.push(s);
    }
  } catch (err) {
    for (const s of stagings) rmSync(s, { recursive: true, force: true });
    throw err;
  }
  if (stagings.length === 0) return;
  crashPoint('staged');
  const journal: Journal = { build, pid: process.pid, staging: stagings.map((s) => relative(out, s)) };
  const temp = join(out, `${STAGING_PREFIX}${build}.journal`);
  fsDo('writing', temp, () => writeFileSync(temp, JSON.stringify(journal)));
  fsDo('writing', journalPath, () => renameSync(temp, journalPath));
  try {
    completeJournal(journalPath, plans.map((p) => p.target.dir));
  } catch (err) {
    // Past the commit point the journal stays: the next build completes what this one could not.
    if (err instanceof UsageError) throw new UsageError(`${err.message}; the build is committed in ${journalPath}, and the next build completes it once this is fixed`);
    throw err;
  }
}

export interface Recovery {
  readonly completed: string[];
  readonly removed: string[];
  /** [restored folder, from] */
  readonly restored: [string, string][];
}

/**
 * Temp folders of older monspec versions, which replaced a whole folder by renames: `.<name>.tmp-<pid>`
 * (the new copy) and `.<name>.old-<pid>` (the previous one, the only copy if it was killed between its
 * two renames). Only those of processes no longer running.
 */
function legacyTemps(dirs: readonly string[]): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    const parent = dirname(dir);
    const pattern = new RegExp(`^\\.${basename(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`);
    for (const name of namesIn(parent)) {
      const m = pattern.exec(name);
      if (m && !processAlive(Number(m[2]))) found.push(join(parent, name));
    }
  }
  return found.sort();
}

/** Bookkeeping leftovers in the folders a build is about to write (for --check, and for recover). */
export function leftovers(out: string, dirs: readonly string[]): { journal: string | undefined; staging: string[]; legacy: string[] } {
  const journalPath = join(out, JOURNAL_NAME);
  const staging: string[] = [];
  for (const dir of new Set([out, ...dirs, ...subfolders(out)])) {
    for (const name of namesIn(dir)) {
      const pid = pidOfStaging(name);
      if (name.startsWith(STAGING_PREFIX) && leftBy(pid)) staging.push(join(dir, name));
    }
  }
  // A journal is a leftover only when its build is no longer running (--check may run beside a build).
  const journalPid = existsSync(journalPath) ? readJournal(journalPath).pid : undefined;
  const journal = journalPid !== undefined && leftBy(journalPid) ? journalPath : undefined;
  return { journal, staging: staging.sort(), legacy: legacyTemps(dirs) };
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

/**
 * Run under the lock before a build: completes a build that was killed after its commit point (its
 * journal is still there), and removes temp folders of builds killed before it (nothing of theirs
 * reached the output).
 */
export function recover(out: string, dirs: readonly string[]): Recovery {
  const completed: string[] = [];
  const removed: string[] = [];
  const restored: [string, string][] = [];
  const found = leftovers(out, dirs);
  for (const temp of found.legacy) {
    const target = join(dirname(temp), basename(temp).replace(/^\.(.+)\.(tmp|old)-\d+$/, '$1'));
    if (/\.old-\d+$/.test(temp) && lstatOrUndefined(target) === undefined) {
      fsDo('restoring', target, () => renameSync(temp, target));
      restored.push([target, temp]);
    } else {
      removeStaging(temp);
      removed.push(temp);
    }
  }
  // Under the lock any journal is a dead build's, whatever process now has its pid.
  const journalPath = join(out, JOURNAL_NAME);
  if (existsSync(journalPath)) completed.push(`the build of process ${completeJournal(journalPath, dirs)} (${journalPath})`);
  for (const s of found.staging) {
    if (!existsSync(s)) continue; // completed above
    const planPath = join(s, PLAN_NAME);
    const plan = existsSync(planPath) ? readPlan(planPath) : undefined;
    const other = plan ? resolve(s, plan.journal) : undefined;
    if (other && basename(other) === JOURNAL_NAME && existsSync(other) && readJournal(other).build === plan?.build) {
      completed.push(`the build of process ${completeJournal(other, dirs)} (${other})`);
    } else {
      removeStaging(s);
      removed.push(s);
    }
  }
  return { completed, removed, restored };
}
