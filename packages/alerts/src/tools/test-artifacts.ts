/**
 * What `monspec test` runs against an environment's generated output (I/O; never used by
 * `generate`): promtool check rules, promtool test rules, amtool check-config, and one
 * `amtool config routes test` per severity that must print the expected receivers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedModel, Severity } from '@monspec/metrics-spec';
import { parse } from 'yaml';
import { rulersGenerator } from '../rulers/generator.js';
import { ALERT_RULES_PATH } from '../prometheus/alert-rules.js';
import { RECORDING_RULES_PATH } from '../prometheus/recording-rules.js';
import { UNIT_TESTS_PATH } from '../prometheus/unit-tests.js';
import { ALERTMANAGER_PATH } from '../alertmanager/config.js';
import { expectedReceivers, routeTestLabels } from '../receivers.js';
import { runTool } from './run.js';

export type CheckStatus = 'ok' | 'failed' | 'missing-tool';

export interface CheckResult {
  /** What was checked, e.g. `promtool test rules`. */
  readonly name: string;
  /** The command line, for people to re-run. */
  readonly command: string;
  readonly status: CheckStatus;
  readonly ok: boolean;
  readonly output: string;
}

export interface TestArtifactsOptions {
  /** promtool binary (default `promtool` on PATH). */
  readonly promtool?: string;
  /** amtool binary (default `amtool` on PATH). */
  readonly amtool?: string;
  /** Routes to test: severity → expected receivers and the labels to send (default: from the model, when given). */
  readonly routes?: ReadonlyArray<{ readonly severity: Severity; readonly labels: readonly string[]; readonly receivers: readonly string[] }>;
}

export const DEBIAN_PACKAGES = { promtool: 'prometheus', amtool: 'prometheus-alertmanager' } as const;

function missing(tool: 'promtool' | 'amtool', binary: string): string {
  return `${binary} not found: install the Debian package ${DEBIAN_PACKAGES[tool]} (apt-get install ${DEBIAN_PACKAGES[tool]}).`;
}

function check(name: string, tool: 'promtool' | 'amtool', binary: string, args: readonly string[], cwd: string): CheckResult {
  const command = [binary, ...args].join(' ');
  const r = runTool(binary, args, cwd);
  if (r.missing) return { name, command, status: 'missing-tool', ok: false, output: missing(tool, binary) };
  return { name, command, status: r.ok ? 'ok' : 'failed', ok: r.ok, output: r.output };
}

/** The route tests `monspec test` runs for a model: every severity, the labels it sends, the receivers it must reach. */
export function routeTests(model: ResolvedModel): Array<{ severity: Severity; labels: string[]; receivers: string[] }> {
  const expected = expectedReceivers(model);
  return (Object.keys(expected) as Severity[]).map((severity) => ({ severity, labels: routeTestLabels(model, severity), receivers: expected[severity] }));
}

export function runPromtoolChecks(outDir: string, options: TestArtifactsOptions = {}): CheckResult[] {
  const promtool = options.promtool ?? 'promtool';
  const rules = [RECORDING_RULES_PATH, ALERT_RULES_PATH].filter((p) => existsSync(join(outDir, p)));
  const tests = join(outDir, UNIT_TESTS_PATH);
  return [
    check('promtool check rules', 'promtool', promtool, ['check', 'rules', ...rules], outDir),
    // From the tests directory: the test file names its rule files relative to itself.
    check('promtool test rules', 'promtool', promtool, ['test', 'rules', 'alerts.test.yml'], join(tests, '..')),
  ];
}

/** Where each ruler format keeps its rule groups (mimir and thanos: `groups`; a PrometheusRule: `spec.groups`). */
function groupsOf(data: unknown): unknown {
  const d = data as { groups?: unknown; spec?: { groups?: unknown } } | null;
  return d?.spec?.groups ?? d?.groups;
}

/**
 * `promtool check rules` on the groups of the selected ruler's file (rulers/…): promtool does not
 * read mimirtool's `namespace`, Thanos's `partial_response_strategy` or a Kubernetes object, so the
 * file's groups are checked as a plain rule file, the Thanos field left out.
 */
export function runRulerChecks(outDir: string, model: ResolvedModel, options: TestArtifactsOptions = {}): CheckResult[] {
  const promtool = options.promtool ?? 'promtool';
  const out: CheckResult[] = [];
  for (const d of rulersGenerator.describe(model).filter((x) => x.role === 'ruler-rules')) {
    const name = `promtool check rules (the groups of ${d.path})`;
    const path = join(outDir, d.path);
    if (!existsSync(path)) {
      out.push({ name, command: `promtool check rules ${d.path}`, status: 'failed', ok: false, output: `${d.path} is missing: build first` });
      continue;
    }
    const groups = groupsOf(parse(readFileSync(path, 'utf8')));
    if (!Array.isArray(groups)) {
      out.push({ name, command: `promtool check rules ${d.path}`, status: 'failed', ok: false, output: `Unexpected ${d.path} without a list of rule groups, expected the groups the build writes` });
      continue;
    }
    const plain = groups.map((g: Record<string, unknown>) => Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'partial_response_strategy')));
    const dir = mkdtempSync(join(tmpdir(), 'monspec-ruler-'));
    try {
      writeFileSync(join(dir, 'groups.rules.yml'), JSON.stringify({ groups: plain }));
      out.push({ ...check(name, 'promtool', promtool, ['check', 'rules', join(dir, 'groups.rules.yml')], outDir), command: `promtool check rules <the groups of ${d.path}>` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

export function runAmtoolChecks(outDir: string, options: TestArtifactsOptions = {}): CheckResult[] {
  const amtool = options.amtool ?? 'amtool';
  const config = join(outDir, ALERTMANAGER_PATH);
  const out = [check('amtool check-config', 'amtool', amtool, ['check-config', ALERTMANAGER_PATH], outDir)];
  for (const route of options.routes ?? []) {
    const args = ['config', 'routes', 'test', `--config.file=${config}`, `--verify.receivers=${route.receivers.join(',')}`, ...route.labels];
    const r = check(`amtool config routes test (${route.severity} → ${route.receivers.join(', ')})`, 'amtool', amtool, args, outDir);
    out.push(r.status === 'failed' ? { ...r, output: `expected receivers ${route.receivers.join(',')}\n${r.output}` } : r);
  }
  return out;
}

/** Every check of one environment's output directory. With a model, the route tests come from it. */
export function testArtifacts(outDir: string, options: TestArtifactsOptions & { readonly model?: ResolvedModel } = {}): CheckResult[] {
  const routes = options.routes ?? (options.model ? routeTests(options.model) : []);
  return [...runPromtoolChecks(outDir, options), ...(options.model ? runRulerChecks(outDir, options.model, options) : []), ...runAmtoolChecks(outDir, { ...options, routes })];
}

/** 0 all passed, 1 a check failed, 2 a tool is missing (as `monspec test` exits). */
export function exitCode(results: readonly CheckResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === 'missing-tool')) return 2;
  return results.some((r) => !r.ok) ? 1 : 0;
}
