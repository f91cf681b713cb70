/**
 * Applies a Prometheus/Alertmanager plan: validate the new files with the real promtool/amtool (staged
 * in a temporary build-shaped directory), write each atomically (a temporary file and a rename in the
 * same directory; only the generated file names, nothing else in the directory is touched),
 * `POST /-/reload`, then confirm through the API that the daemon runs the new files. When the reload
 * or the confirmation fails, the previous files are put back (a file that did not exist is removed)
 * and the daemon reloaded again; the caller exits 2.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { runAmtoolChecks, runPromtoolChecks, type CheckResult } from '@monspec/alerts/tools';
import { UsageError } from '../errors.js';
import { loadedRuleGroups, prometheusLastLoad, reload, type DaemonTargets } from './daemons.js';
import { alertmanagerLoaded, alertmanagerState, rulesLoaded, type DaemonPlan, type DaemonPlanItem } from './rules-plan.js';

export interface DaemonApplyOptions {
  /** How long the API may take to show the new files after a successful reload. */
  readonly confirmTimeoutMs?: number;
  /** Skip promtool/amtool: only for the test that makes a reload fail (a file the tools would refuse). */
  readonly skipValidation?: boolean;
}

/** promtool check rules + test rules and amtool check-config on the new files; throws (exit 2) with the tool's output when one refuses. */
function validate(plan: DaemonPlan): void {
  const stage = mkdtempSync(join(tmpdir(), 'monspec-apply-'));
  try {
    for (const f of [...plan.items.filter((i) => i.action !== 'remove').map((i) => ({ path: i.file.artifactPath, content: i.file.content })), ...plan.staged]) {
      mkdirSync(dirname(join(stage, f.path)), { recursive: true });
      writeFileSync(join(stage, f.path), f.content);
    }
    const results: CheckResult[] = [];
    if (plan.items.some((i) => i.file.engine === 'prometheus')) results.push(...runPromtoolChecks(stage));
    if (plan.items.some((i) => i.file.engine === 'alertmanager')) results.push(...runAmtoolChecks(stage));
    const bad = results.filter((r) => !r.ok);
    if (bad.length) throw new UsageError(`refused before writing anything (the running config is unchanged):\n${bad.map((r) => `${r.command}:\n${r.output}`).join('\n')}`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function writeAtomic(path: string, content: string | undefined): void {
  if (content === undefined) {
    rmSync(path, { force: true });
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.monspec-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UsageError(`could not write ${path}: ${(err as Error).message}`);
  }
}

async function confirmed(items: readonly DaemonPlanItem[], targets: DaemonTargets, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const groups = targets.prometheus && items.some((i) => i.file.engine === 'prometheus') ? await loadedRuleGroups(targets.prometheus) : [];
    const lastLoad = targets.prometheus && items.some((i) => i.file.engine === 'prometheus') ? await prometheusLastLoad(targets.prometheus) : undefined;
    const am = await alertmanagerState(items.some((i) => i.file.engine === 'alertmanager') ? targets.alertmanager : undefined);
    const done = (i: DaemonPlanItem) =>
      i.action === 'remove' ? !groups.some((g) => g.file === i.file.target) : i.file.engine === 'prometheus' ? rulesLoaded(i.file.content, i.file.target, groups, lastLoad) : alertmanagerLoaded(i.file.content, am);
    const missing = items.filter((i) => !done(i));
    if (missing.length === 0) return undefined;
    if (Date.now() > deadline) return `not loaded after ${timeoutMs} ms: ${missing.map((i) => i.file.target).join(', ')}`;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function reloadAll(items: readonly DaemonPlanItem[], targets: DaemonTargets): Promise<string | undefined> {
  for (const [engine, t] of [['prometheus', targets.prometheus?.url], ['alertmanager', targets.alertmanager?.url]] as const) {
    if (t && items.some((i) => i.file.engine === engine)) {
      const err = await reload(t);
      if (err) return err;
    }
  }
  return undefined;
}

/** The lines of what was done; throws a UsageError (exit 2) after restoring the previous files when it could not be applied. */
export async function applyDaemonPlan(plan: DaemonPlan, targets: DaemonTargets, options: DaemonApplyOptions = {}): Promise<string[]> {
  const todo = plan.items.filter((i) => i.action !== 'unchanged' || i.notLoaded);
  if (todo.length === 0) return [];
  const refused = todo.filter((i) => i.action === 'refused');
  if (refused.length) throw new UsageError(`refused before writing anything:\n${refused.map((i) => `  ${i.file.target}: ${i.details.join('; ')}`).join('\n')}`);
  if (!options.skipValidation) validate(plan);
  const written = todo.filter((i) => i.action !== 'unchanged');
  let failure: string | undefined;
  try {
    for (const i of written) writeAtomic(i.file.target, i.action === 'remove' ? undefined : i.file.content);
  } catch (err) {
    failure = (err as Error).message;
  }
  failure ??= (await reloadAll(todo, targets)) ?? (await confirmed(todo, targets, options.confirmTimeoutMs ?? 10_000));
  const DONE = { unchanged: 'reloaded', create: 'created', update: 'updated', remove: 'removed', refused: 'refused' } as const;
  if (failure === undefined) return todo.map((i) => `${DONE[i.action]} ${i.file.target} (${i.action === 'remove' ? 'no longer loaded' : 'loaded'})`);
  for (const i of written) writeAtomic(i.file.target, i.onDisk);
  const again = await reloadAll(todo, targets);
  throw new UsageError(`${failure}\nrestored the previous files (${written.map((i) => i.file.target).join(', ')})${again ? ` but the reload after restoring failed too: ${again}` : ' and reloaded them'}`);
}
