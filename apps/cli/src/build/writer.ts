import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Artifact } from '@monspec/metrics-spec';
import { acquireLock } from './lock.js';
import { planTarget, type TargetPlan, type WriteTarget } from './plan-target.js';
import { linkTextFor, publishSnapshot, removeStaleSnapshots, staleSnapshots, usesAtomicLayout } from './snapshot.js';
import { leftovers, recover, writeAll } from './transaction.js';
import { lstatOrUndefined, scanTree } from './tree.js';

export type { WriteTarget } from './plan-target.js';

export interface WriteOptions {
  readonly out: string;
  readonly opsDocs: string | undefined;
  readonly targets: readonly WriteTarget[];
  readonly force: boolean;
  /** Publish the environments as one snapshot (snapshot.ts); kept once the output uses it. */
  readonly atomic: boolean;
  /** Messages about locks and recovery (stderr). */
  readonly say: (text: string) => void;
}

/**
 * Writes every target folder of one build as one transaction (see transaction.ts), under a lock per
 * output root. Conflicts with files monspec does not own are refused before anything is written,
 * and again under the lock, where they count.
 */
export interface WriteResult {
  readonly plans: readonly TargetPlan[];
  /** The atomic layout: the snapshot this build published (undefined: nothing changed, or not atomic). */
  readonly published: string | undefined;
}

export async function writeTargets(options: WriteOptions): Promise<WriteResult> {
  const lockDirs = [...new Set([options.out, ...(options.opsDocs === undefined ? [] : [options.opsDocs])])].sort();
  // Read-only first where the lock file would go into the target itself (the ops docs): a folder
  // monspec may not own gets no lock file either. The rest are planned under the lock only.
  for (const t of options.targets) if (lockDirs.includes(t.dir)) planTarget(t, options.force);
  const releases: (() => void)[] = [];
  try {
    for (const dir of lockDirs) releases.push(await acquireLock(dir, { say: options.say }));
    const recovered = recover(options.out, options.targets.map((t) => t.dir));
    for (const c of recovered.completed) options.say(`monspec: completed ${c}, which was killed after its commit point`);
    for (const r of recovered.removed) options.say(`monspec: removed ${r}, a temp folder a killed build left (nothing in it was committed)`);
    for (const [to, from] of recovered.restored) options.say(`monspec: restored ${to} from ${from}, which a build of an older monspec left when it was killed`);
    // Test-only: hold the lock until a file appears, so a test can run a second build against it.
    const release = process.env.MONSPEC_TEST_HOLD_LOCK_UNTIL;
    for (let waited = 0; release !== undefined && !existsSync(release) && waited < 60_000; waited += 50) await sleep(50);
    if (!(options.atomic || usesAtomicLayout(options.out))) {
      const plans = options.targets.map((t) => planTarget(t, options.force));
      writeAll(options.out, plans);
      return { plans, published: undefined };
    }
    for (const s of removeStaleSnapshots(options.out, envDirs(options.targets))) options.say(`monspec: removed ${s}, which a killed build left`);
    const linked = withLinks(options.out, options.targets);
    const envPlans = linked.filter((t) => t.linkText !== undefined).map((t) => planTarget(t, options.force));
    const otherPlans = linked.filter((t) => t.linkText === undefined).map((t) => planTarget(t, options.force));
    // Nothing to publish when every link is in place and reads the bytes this build makes.
    const unchanged = envPlans.every((p) => p.writes.length + p.removeFirst.length + p.removeAfter.length === 0 && isEmpty(diffTree(p.target.dir, p.target.artifacts, p.target.linkText)));
    const published = unchanged ? undefined : publishSnapshot(options.out, envPlans);
    // The ops docs are for people, not for a running server: written file by file, after the swap.
    writeAll(options.out, otherPlans);
    return { plans: [...envPlans, ...otherPlans], published };
  } finally {
    for (const release of releases.reverse()) release();
  }
}

function envDirs(targets: readonly WriteTarget[]): string[] {
  return targets.filter((t) => t.option === '--out').map((t) => t.dir);
}

/** The environment folders (OUT/<env>) with the atomic layout's link text; other targets as they are. */
export function withLinks(out: string, targets: readonly WriteTarget[]): WriteTarget[] {
  return targets.map((t) => (t.option === '--out' ? { ...t, linkText: linkTextFor(out, t.dir) } : t));
}

export interface TreeDifference {
  readonly stale: readonly string[];
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

/**
 * What `build --check` reports: files whose bytes differ, files not there, files nobody generates. In
 * the atomic layout (`linkText`) a file is read through its link, which must be exactly monspec's.
 */
export function diffTree(dir: string, artifacts: readonly Artifact[], linkText?: (path: string) => string): TreeDifference {
  const onDisk = new Map<string, string>();
  if (lstatOrUndefined(dir)?.isDirectory()) for (const [p, kind] of scanTree(dir)) if (kind !== 'dir') onDisk.set(p, kind);
  const stale: string[] = [];
  const missing: string[] = [];
  for (const a of artifacts) {
    const kind = onDisk.get(a.path);
    const abs = join(dir, ...a.path.split('/'));
    const readable = kind === 'file' || (kind === 'link' && linkText !== undefined && readlinkSync(abs) === linkText(a.path) && existsSync(abs));
    if (kind === undefined) missing.push(a.path);
    else if (!readable || !readFileSync(abs).equals(Buffer.from(a.content))) stale.push(a.path);
    onDisk.delete(a.path);
  }
  return { stale, missing, extra: [...onDisk.keys()].sort() };
}

function isEmpty(d: TreeDifference): boolean {
  return d.stale.length + d.missing.length === 0;
}

/** Temp folders and journals a killed build left (the next build removes or completes them). */
export function leftoverFindings(out: string, targets: readonly WriteTarget[]): string[] {
  const found = leftovers(out, targets.map((t) => t.dir));
  return [...(found.journal ? [found.journal] : []), ...found.staging, ...found.legacy, ...staleSnapshots(out, envDirs(targets))];
}
