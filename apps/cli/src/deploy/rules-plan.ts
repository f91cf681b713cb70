/**
 * The Prometheus/Alertmanager plan: the files `monspec build` writes (headers included) for the roles
 * the daemons load, read through the generator registry by role, against the bytes on disk in the
 * target's directory or file, and whether the live daemon has loaded what is on disk (drift when not).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { Artifact, ArtifactRole, ResolvedModel } from '@monspec/metrics-spec';
import { generateEnvironment } from '../build/generate-all.js';
import { UsageError } from '../errors.js';
import { GENERATORS } from '../generators/registry.js';
import { TOOL_VERSION } from '../version.js';
import { loadedAlertmanagerConfig, loadedAlertmanagerHash, loadedRuleGroups, prometheusLastLoad, type DaemonTargets, type LoadedGroup } from './daemons.js';

const RULE_ROLES: ReadonlySet<ArtifactRole> = new Set(['prometheus-recording-rules', 'prometheus-alerting-rules']);
/** Generated beside the rules for validation only (promtool test rules), never deployed. */
const STAGED_ROLES: ReadonlySet<ArtifactRole> = new Set([...RULE_ROLES, 'alertmanager-config', 'promtool-tests']);

export interface DaemonFile {
  readonly engine: 'prometheus' | 'alertmanager';
  /** Where it goes on the target (absolute). */
  readonly target: string;
  /** Its path in the build output (`prometheus/rules/alerts.rules.yml`), where the validators expect it. */
  readonly artifactPath: string;
  readonly content: string;
}

export interface DaemonPlanItem {
  readonly file: DaemonFile;
  readonly action: 'create' | 'update' | 'unchanged';
  readonly details: readonly string[];
  /** What is on disk now (undefined: no file). */
  readonly onDisk: string | undefined;
  /** Drift: the file on disk is not what the daemon has loaded. */
  readonly notLoaded?: string;
}

export interface DaemonPlan {
  readonly items: readonly DaemonPlanItem[];
  /** The other generated files validation needs (the promtool tests). */
  readonly staged: readonly Artifact[];
}

/** The deployed rule files and Alertmanager config of the targets set, as `monspec build` writes them. */
async function desiredDaemonFiles(model: ResolvedModel, targets: DaemonTargets): Promise<{ files: DaemonFile[]; staged: Artifact[] }> {
  const generators = [];
  for (const g of GENERATORS) if ((await g.describe(model)).some((d) => STAGED_ROLES.has(d.role))) generators.push(g);
  const { artifacts } = await generateEnvironment(model, TOOL_VERSION, generators);
  const files: DaemonFile[] = [];
  for (const a of artifacts) {
    if (!a.deployed) continue;
    if (targets.prometheus && RULE_ROLES.has(a.role)) files.push({ engine: 'prometheus', target: join(targets.prometheus.rulesDir, basename(a.path)), artifactPath: a.path, content: a.content });
    if (targets.alertmanager && a.role === 'alertmanager-config') files.push({ engine: 'alertmanager', target: targets.alertmanager.configFile, artifactPath: a.path, content: a.content });
  }
  return { files, staged: artifacts.filter((a) => a.role === 'promtool-tests') };
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`could not read ${path}: ${(err as Error).message}`);
  }
}

interface RuleGroupYaml {
  name?: unknown;
  rules?: Array<Record<string, unknown>>;
}

/** A rule file's groups by name; undefined when it is not a rule file (the change is then just "changed"). */
function ruleGroups(text: string): Map<string, RuleGroupYaml> | undefined {
  try {
    const doc = parse(text) as { groups?: RuleGroupYaml[] } | null;
    if (!doc || !Array.isArray(doc.groups)) return undefined;
    return new Map(doc.groups.map((g) => [String(g.name), g]));
  } catch {
    return undefined;
  }
}

const ruleName = (r: Record<string, unknown>) => String(r['alert'] ?? r['record']);

/** Which groups and rules differ, by name (cheap and enough to review; the bytes decide whether it changed). */
function ruleChanges(before: string, after: string): string[] {
  const a = ruleGroups(before);
  const b = ruleGroups(after);
  if (!a || !b) return ['changed'];
  const out: string[] = [];
  for (const [name, g] of b) {
    const old = a.get(name);
    if (!old) {
      out.push(`group ${JSON.stringify(name)} added`);
      continue;
    }
    const oldRules = new Map((old.rules ?? []).map((r) => [ruleName(r), JSON.stringify(r)]));
    for (const r of g.rules ?? []) {
      const was = oldRules.get(ruleName(r));
      if (was === undefined) out.push(`group ${JSON.stringify(name)}: rule ${ruleName(r)} added`);
      else if (was !== JSON.stringify(r)) out.push(`group ${JSON.stringify(name)}: rule ${ruleName(r)} changed`);
      oldRules.delete(ruleName(r));
    }
    for (const r of oldRules.keys()) out.push(`group ${JSON.stringify(name)}: rule ${r} removed`);
  }
  for (const name of a.keys()) if (!b.has(name)) out.push(`group ${JSON.stringify(name)} removed`);
  return out.length ? out : ['changed (comments or formatting)'];
}

/**
 * Whether Prometheus runs exactly the groups of `text` from `file` (names and rule names, in order)
 * and, given `lastLoadMs`, loaded after the file was last written (an expression edited on disk keeps
 * the names; Prometheus prints queries reformatted, so they are not compared as text).
 */
export function rulesLoaded(text: string, file: string, loaded: readonly LoadedGroup[], lastLoadMs?: number): boolean {
  const groups = ruleGroups(text);
  if (!groups) return false;
  // lastConfigTime has whole seconds (the reload timestamp gauge, truncated): compare seconds, so an
  // edit within the second of the last reload is not seen (the names check still applies).
  if (lastLoadMs !== undefined && Math.floor(statSync(file).mtimeMs / 1000) > Math.floor(lastLoadMs / 1000)) return false;
  const live = loaded.filter((g) => g.file === file);
  if (live.length !== groups.size) return false;
  return [...groups.values()].every((g, i) => live[i]?.name === String(g.name) && JSON.stringify(live[i].rules.map((r) => r.name)) === JSON.stringify((g.rules ?? []).map(ruleName)));
}

interface RouteYaml {
  receiver?: unknown;
  routes?: RouteYaml[];
}

/** What of an Alertmanager config survives its own re-rendering in `config.original` (defaults are filled in, secrets masked): receiver names and the routing tree's receivers. */
function amShape(text: string): string | undefined {
  try {
    const doc = parse(text) as { receivers?: Array<{ name?: unknown }>; route?: RouteYaml } | null;
    if (!doc) return undefined;
    const walk = (r: RouteYaml | undefined): unknown => (r ? [String(r.receiver ?? ''), (r.routes ?? []).map(walk)] : null);
    return JSON.stringify([(doc.receivers ?? []).map((r) => String(r.name)), walk(doc.route)]);
  } catch {
    return undefined;
  }
}

/** Alertmanager's `alertmanager_config_hash` of these bytes (see daemons.ts). */
function amHash(text: string): number {
  const b = Buffer.alloc(8);
  createHash('md5').update(text).digest().copy(b, 0, 0, 6);
  return Number(b.readBigUInt64LE());
}

/** What Alertmanager runs: its re-rendered config (`/api/v2/status`) and the hash of the loaded bytes (`/metrics`). */
export interface AlertmanagerLoaded {
  readonly original: string;
  readonly hash: number;
}

export async function alertmanagerState(target: DaemonTargets['alertmanager']): Promise<AlertmanagerLoaded> {
  if (!target) return { original: '', hash: Number.NaN };
  return { original: await loadedAlertmanagerConfig(target), hash: await loadedAlertmanagerHash(target) };
}

export function alertmanagerLoaded(text: string, loaded: AlertmanagerLoaded): boolean {
  const want = amShape(text);
  return want !== undefined && want === amShape(loaded.original) && amHash(text) === loaded.hash;
}

export async function makeDaemonPlan(model: ResolvedModel, targets: DaemonTargets): Promise<DaemonPlan> {
  const { files, staged } = await desiredDaemonFiles(model, targets);
  const groups = targets.prometheus ? await loadedRuleGroups(targets.prometheus) : [];
  const lastLoad = targets.prometheus ? await prometheusLastLoad(targets.prometheus) : undefined;
  const amConfig = await alertmanagerState(targets.alertmanager);
  const items = files.map((file): DaemonPlanItem => {
    const onDisk = readIfExists(file.target);
    const action = onDisk === undefined ? 'create' : onDisk === file.content ? 'unchanged' : 'update';
    const details = action === 'update' ? (file.engine === 'prometheus' ? ruleChanges(onDisk ?? '', file.content) : ['changed']) : [];
    const loaded = onDisk === undefined || (file.engine === 'prometheus' ? rulesLoaded(onDisk, file.target, groups, lastLoad) : alertmanagerLoaded(onDisk, amConfig));
    const notLoaded = loaded ? undefined : file.engine === 'prometheus' ? 'on disk but not loaded by Prometheus (its rule groups from this file differ)' : 'on disk but not loaded by Alertmanager (its running config differs)';
    return { file, action, details, onDisk, ...(notLoaded ? { notLoaded } : {}) };
  });
  return { items, staged };
}

export const daemonChangeCount = (plan: DaemonPlan) => plan.items.filter((i) => i.action !== 'unchanged' || i.notLoaded).length;

const MARK = { create: '+', update: '~', unchanged: '=' } as const;

export function daemonPlanText(plan: DaemonPlan, targets: DaemonTargets): string {
  const lines: string[] = [];
  for (const [engine, t] of [['Prometheus', targets.prometheus?.url], ['Alertmanager', targets.alertmanager?.url]] as const) {
    const mine = plan.items.filter((i) => (i.file.engine === 'prometheus') === (engine === 'Prometheus'));
    if (!t) continue;
    lines.push(`${engine} ${t}:`);
    for (const i of mine) {
      lines.push(`  ${MARK[i.action]} file ${i.file.target}: ${i.action}${i.notLoaded ? ` (drift: ${i.notLoaded})` : ''}`);
      for (const d of i.details) lines.push(`      ${d}`);
    }
  }
  const n = daemonChangeCount(plan);
  lines.push(n === 0 ? 'No changes to rule files or Alertmanager config.' : `${n} change(s) to rule files or Alertmanager config.`);
  return lines.join('\n');
}

/** The files part of `plan --format json`: one entry per file. */
export function daemonPlanJson(plan: DaemonPlan): Array<Record<string, unknown>> {
  return plan.items.map((i) => ({ engine: i.file.engine, path: i.file.target, action: i.action, details: i.details, ...(i.notLoaded ? { drift: i.notLoaded } : {}) }));
}
