import { mkdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { UsageError } from '../errors.js';
import { fsDo } from './fs-errors.js';
import { leftBy } from './lock.js';
import type { TargetPlan, WriteTarget } from './plan-target.js';
import { crashPoint, newBuildId, removeOwned } from './transaction.js';
import { CURRENT_LINK, lstatOrUndefined, namesIn, scanTree, SNAPSHOTS_DIR, STAGING_PREFIX } from './tree.js';

/*
 * The atomic layout (`build --atomic`), for an output a running Prometheus, Alertmanager or Grafana
 * reads. Every build writes a complete snapshot of all its environments, and one rename(2) of a
 * symbolic link publishes it:
 *
 *   OUT/.monspec-current              → .monspec-snapshots/<build id>      (swapped by rename)
 *   OUT/.monspec-snapshots/<id>/<env>/…                                   (one complete build)
 *   OUT/<env>/prometheus/rules/x.yml  → ../../../.monspec-current/<env>/prometheus/rules/x.yml
 *
 * The environment folders, and every folder in them, are real and never move; only their files are
 * links, each through `.monspec-current`. So at every instant every path shows one build, all
 * environments together, and a killed build leaves the previous build published. Why not link the
 * environment folders themselves: Grafana's file provider resolves its folder's links and keys each
 * provisioned dashboard by that resolved path, so a swapped folder makes it delete and re-create every
 * dashboard (grafana/grafana#80055); a real folder keeps the path and the dashboards' identity.
 *
 * Names a build adds or drops are the one non-atomic part, as in Kubernetes' atomic volume writer:
 * a dropped file's link goes just before the swap (it never dangles), an added file's link comes
 * just after it. A build killed in between leaves those links to the next build, which makes them.
 */

const SNAPSHOT_ID = /^(\d+)-[0-9a-f]{8}$/;

/** The atomic layout is a property of the output folder: chosen once with --atomic, kept after. */
export function usesAtomicLayout(out: string): boolean {
  return lstatOrUndefined(join(out, CURRENT_LINK)) !== undefined;
}

/** The text of the link at OUT/<env>/<path>: relative, through OUT/.monspec-current. */
export function linkTextFor(out: string, envDir: string): (path: string) => string {
  return (path) => relative(dirname(join(envDir, path)), join(out, CURRENT_LINK, basename(envDir), path));
}

/** The snapshot id .monspec-current names, after checking that it is monspec's link. */
function currentSnapshot(out: string): string | undefined {
  const link = join(out, CURRENT_LINK);
  const st = lstatOrUndefined(link);
  if (st === undefined) return undefined;
  const text = st.isSymbolicLink() ? fsDo('reading the link', link, () => readlinkSync(link)) : '';
  const id = text.startsWith(`${SNAPSHOTS_DIR}/`) ? text.slice(SNAPSHOTS_DIR.length + 1) : '';
  if (!SNAPSHOT_ID.test(id)) {
    throw new UsageError(`Unexpected ${link} (${st.isSymbolicLink() ? `a link to ${text}` : 'not a link'}), expected monspec's link to ${SNAPSHOTS_DIR}/<build id>: delete it and build again`);
  }
  return id;
}

/** OUT/.monspec-snapshots, refused when it is anything but a real folder (it is emptied by builds). */
function snapshotsDir(out: string): string {
  const dir = join(out, SNAPSHOTS_DIR);
  const st = lstatOrUndefined(dir);
  if (st !== undefined && (st.isSymbolicLink() || !st.isDirectory())) {
    throw new UsageError(`Unexpected ${dir}: it is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}, expected the folder monspec keeps its snapshots in: delete it and build again`);
  }
  return dir;
}

/**
 * What killed builds left in the atomic layout, for --check and cleanup: snapshots nothing publishes,
 * and the temp links placeLink makes beside a file (in any folder of an environment).
 */
export function staleSnapshots(out: string, envDirs: readonly string[]): string[] {
  if (!usesAtomicLayout(out)) return [];
  const current = currentSnapshot(out);
  const dir = snapshotsDir(out);
  const snapshots = namesIn(dir)
    .sort()
    .filter((name) => {
      const m = SNAPSHOT_ID.exec(name);
      return name !== current && (!m || leftBy(Number(m[1])));
    })
    .map((name) => join(dir, name));
  const links: string[] = [];
  for (const env of envDirs) {
    if (!lstatOrUndefined(env)?.isDirectory()) continue;
    for (const [path, kind] of scanTree(env)) {
      const name = basename(path);
      if (kind === 'link' && name.startsWith(STAGING_PREFIX) && name.endsWith('.link') && leftBy(Number.parseInt(name.slice(STAGING_PREFIX.length), 10))) links.push(join(env, path));
    }
  }
  return [...snapshots, ...links.sort()];
}

/** Under the lock: snapshots of killed builds, the one the last build replaced, and temp links go. */
export function removeStaleSnapshots(out: string, envDirs: readonly string[]): string[] {
  const stale = staleSnapshots(out, envDirs);
  for (const s of stale) fsDo('removing the old snapshot', s, () => rmSync(s, { recursive: true, force: true }));
  return stale;
}

/** Creates or replaces the link at `abs` in one rename, so a reader never finds the path missing. */
function placeLink(abs: string, text: string, build: string): void {
  fsDo('creating the folder', dirname(abs), () => mkdirSync(dirname(abs), { recursive: true }));
  const temp = join(dirname(abs), `${STAGING_PREFIX}${build}.link`);
  fsDo('creating the link', temp, () => symlinkSync(text, temp));
  fsDo('replacing', abs, () => renameSync(temp, abs));
  crashPoint('rename');
}

/**
 * Publishes the environments' plans (made with `linkText`) as one snapshot, and returns its folder.
 * Runs under the output's lock, after removeStaleSnapshots.
 */
export function publishSnapshot(out: string, plans: readonly TargetPlan[]): string {
  const build = newBuildId();
  const snapshot = join(snapshotsDir(out), build);
  const previous = currentSnapshot(out);
  try {
    for (const { target } of plans) writeEnvironment(join(snapshot, basename(target.dir)), target);
  } catch (err) {
    rmSync(snapshot, { recursive: true, force: true });
    throw err;
  }
  crashPoint('staged');
  for (const p of plans) for (const path of [...p.removeFirst, ...p.removeAfter]) removeOwned(p.target.dir, path);
  // The commit point: one rename publishes every environment of this build.
  const temp = join(out, `${STAGING_PREFIX}${build}.current`);
  fsDo('creating the link', temp, () => symlinkSync(`${SNAPSHOTS_DIR}/${build}`, temp));
  fsDo('publishing', join(out, CURRENT_LINK), () => renameSync(temp, join(out, CURRENT_LINK)));
  crashPoint('swapped');
  for (const p of plans) {
    const text = p.target.linkText;
    if (text === undefined) throw new Error(`internal: ${p.target.dir} was planned without the atomic layout's links`);
    // The manifest last: it is the folder's deed, and it names only files that are there.
    for (const a of p.writes) placeLink(join(p.target.dir, a.path), text(a.path), build);
  }
  if (previous !== undefined) fsDo('removing the old snapshot', join(out, SNAPSHOTS_DIR, previous), () => rmSync(join(out, SNAPSHOTS_DIR, previous), { recursive: true, force: true }));
  return snapshot;
}

function writeEnvironment(dir: string, target: WriteTarget): void {
  for (const a of target.artifacts) {
    const abs = join(dir, a.path);
    fsDo('creating the folder', dirname(abs), () => mkdirSync(dirname(abs), { recursive: true }));
    fsDo('writing', abs, () => writeFileSync(abs, a.content));
  }
}
