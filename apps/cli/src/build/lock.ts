import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors.js';
import { asUsageError, fsDo } from './fs-errors.js';
import { LOCK_NAME } from './tree.js';

/** Whether a process with this id runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether bookkeeping named after a build's process is a leftover: its process no longer runs, or it
 * is this process's own (which has none in flight where the caller looks).
 */
export function leftBy(pid: number): boolean {
  return pid === process.pid || !processAlive(pid);
}

function holder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isNaN(pid) ? undefined : pid;
  } catch {
    return undefined;
  }
}

export interface LockOptions {
  readonly say: (text: string) => void;
  /** How long to wait for a running build before giving up. */
  readonly timeoutMs?: number;
}

/**
 * Takes `dir/.monspec.lock` (created with O_EXCL, holding our pid), so two builds into the same folder
 * run one after the other. A lock whose pid no longer runs is stale (a killed build) and taken over,
 * with a message. Returns the release function.
 */
export async function acquireLock(dir: string, options: LockOptions): Promise<() => void> {
  const path = join(dir, LOCK_NAME);
  fsDo('creating the folder', dir, () => mkdirSync(dir, { recursive: true }));
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  let waitingFor: number | undefined;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw asUsageError(err, 'creating the lock', path);
    }
    if (fd !== undefined) {
      fsDo('writing the lock', path, () => writeSync(fd, `${process.pid}\n`));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    }
    const pid = holder(path);
    if (pid === undefined || !processAlive(pid)) {
      // An empty lock may be one another build is writing this instant: give it a moment first.
      if (pid === undefined) await sleep(50);
      if (holder(path) !== pid) continue;
      options.say(`monspec: taking over the stale lock ${path} (${pid === undefined ? 'it names no process' : `process ${pid} is no longer running`}; a killed build left it)`);
      try {
        unlinkSync(path);
      } catch {
        // Someone else took it over first; try again.
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new UsageError(`Unexpected lock ${path} held by process ${pid} for too long, expected that build to finish: wait for it, or stop it (kill ${pid}) and build again`);
    }
    if (waitingFor !== pid) options.say(`monspec: waiting for the build in process ${pid} to finish (lock ${path})`);
    waitingFor = pid;
    await sleep(100);
  }
}
