/**
 * The docs tell the truth: this test reads the generated setup guide and runbooks as Markdown (remark's
 * syntax tree, not regexes over the text) and checks every alert name, severity, condition, threshold,
 * `for`, route, SLO branch, notification timing and test count they state against the generated
 * Prometheus/Loki rules, promtool tests and Alertmanager configuration — routes through the real
 * `amtool config routes test`. It runs for every environment of the embedded spec and for the `init`
 * starter, so a docs view that prints something other than what is deployed fails for any spec.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { requireTools, toolPath } from '@monspec/test-kit';
import { compileSpec, parseDuration, UNITS, type Artifact, type ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { generateEnvironment } from './build/generate-all.js';
import { starterSpec } from './init/starter-spec.js';
import { TOOL_VERSION } from './version.js';

const tools = requireTools(['amtool']);
const AMTOOL = toolPath('amtool') ?? 'amtool';
const run = tools.skip ? describe.skip : describe;
if (tools.skip) console.warn(`the docs-truth test ${tools.reason}`);

interface Rule {
  readonly alert?: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Record<string, string>;
}

interface AmRoute {
  readonly receiver?: string;
  readonly matchers?: string[];
  readonly group_wait?: string;
  readonly group_interval?: string;
  readonly repeat_interval?: string;
  readonly routes?: AmRoute[];
}

/** A Markdown table as rows of cell text, keyed by its header cells. */
type Rows = Record<string, string>[];

function markdown(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}

function tables(root: Root): { header: string[]; rows: Rows }[] {
  const out: { header: string[]; rows: Rows }[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'table') {
      const [head, ...body] = (node as Table).children;
      const header = (head?.children ?? []).map((c) => toString(c));
      out.push({ header, rows: body.map((r) => Object.fromEntries(r.children.map((c, i) => [header[i] ?? String(i), toString(c)]))) });
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  visit(root);
  return out;
}

/** The text of each item of the list under the `## title` heading. */
function listUnder(root: Root, title: string): string[] {
  const i = root.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && toString(n) === title);
  const list = i < 0 ? undefined : root.children.slice(i + 1).find((n) => n.type === 'list' || n.type === 'heading');
  return list?.type === 'list' ? list.children.map((item) => toString(item)) : [];
}

/** The rows of every table whose header starts with `columns`. */
function rowsOf(root: Root, columns: readonly string[]): Rows {
  return tables(root)
    .filter((t) => columns.every((c, i) => t.header[i] === c))
    .flatMap((t) => t.rows);
}

const content = (artifacts: readonly Artifact[], path: string) => artifacts.find((a) => a.path === path)?.content;

function rulesOf(artifacts: readonly Artifact[]): Rule[] {
  const files = ['prometheus/rules/alerts.rules.yml', 'loki/rules/logs.rules.yml'];
  return files.flatMap((f) => {
    const text = content(artifacts, f);
    if (text === undefined) return [];
    const doc = parseYaml(text) as { groups?: { rules: Rule[] }[] } | null;
    return (doc?.groups ?? []).flatMap((g) => g.rules).filter((r) => r.alert !== undefined);
  });
}

/** "oncall-pagerduty (PagerDuty), team-slack (Slack #x)" → the receiver names. */
const receiverNames = (cell: string) =>
  cell
    .split(/,\s+(?![^(]*\))/)
    .map((s) => s.replace(/\s*\(.*\)$/, '').trim())
    .filter((s) => s !== '' && s !== '—')
    .sort();

/** An expression with its line breaks and runs of blanks as single spaces (the docs print it on one line). */
const oneLine = (expr: string) => expr.replace(/\s+/g, ' ').trim();

/** "2m (2 minutes)" → "2m". */
const durationOf = (cell: string) => cell.split(' ')[0] ?? '';

const amtoolMemo = new Map<string, string[]>();

/** Receivers the real Alertmanager routing picks for a label set (amtool's own evaluation). */
function amtoolReceivers(configFile: string, labels: Record<string, string>): string[] {
  const key = `${configFile}\n${JSON.stringify(Object.entries(labels).sort())}`;
  const known = amtoolMemo.get(key);
  if (known) return known;
  const receivers = runAmtool(configFile, labels);
  amtoolMemo.set(key, receivers);
  return receivers;
}

function runAmtool(configFile: string, labels: Record<string, string>): string[] {
  const args = ['config', 'routes', 'test', `--config.file=${configFile}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)];
  const r = spawnSync(AMTOOL, args, { encoding: 'utf8' });
  expect(r.status, `amtool ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout.trim().split(',').map((s) => s.trim()).sort();
}

/** The comparison literal of a condition, as every unit would print it (one of them is the docs'). */
function printedLiterals(expr: string): string[] {
  const m = /(>=|<=|==|!=|>|<)\s*(-?[\d.e+]+)\s*\)?\s*$/.exec(expr);
  if (!m) return [];
  const n = Number(m[2]);
  return Object.values(UNITS).map((u) => `${m[1]} ${u.format(n)}`);
}

function routeTimings(config: { route: AmRoute }, severity: string): { wait?: string; interval?: string; repeat?: string } {
  const found: AmRoute[] = [];
  const walk = (r: AmRoute, inherited: AmRoute) => {
    const merged = { ...inherited, ...r };
    if ((r.matchers ?? []).includes(`severity="${severity}"`)) found.push(merged);
    for (const child of r.routes ?? []) walk(child, merged);
  };
  walk(config.route, {});
  const first = found[0];
  return { wait: first?.group_wait, interval: first?.group_interval, repeat: first?.repeat_interval };
}

async function checkEnvironment(model: ResolvedModel): Promise<string[]> {
  const problems: string[] = [];
  const { artifacts } = await generateEnvironment(model, TOOL_VERSION);
  const rules = rulesOf(artifacts);
  const dir = mkdtempSync(join(tmpdir(), 'monspec-docs-truth-'));
  const amConfigText = content(artifacts, 'alertmanager/alertmanager.yml');
  const amFile = join(dir, 'alertmanager.yml');
  if (amConfigText) writeFileSync(amFile, amConfigText);
  const amConfig = amConfigText ? (parseYaml(amConfigText) as { route: AmRoute }) : undefined;
  const docs = artifacts.filter((a) => a.path.startsWith('docs/') && a.path.endsWith('.md'));
  expect(docs.length, 'the build writes Markdown docs').toBeGreaterThan(0);

  for (const doc of docs) {
    const tree = markdown(doc.content);
    const where = `${model.environment}: ${doc.path}`;
    // Alert tables: the guide's overview and each runbook's header.
    const alertRows: Rows = [
      ...rowsOf(tree, ['Alert', 'Severity', 'Condition', 'Threshold', 'For', 'Route']),
      ...rowsOf(tree, ['Severity', 'Condition', 'Threshold', 'For', 'Route']).map((r) => ({ ...r, Alert: doc.path.replace(/^.*\/|\.md$/g, '') })),
    ];
    for (const row of alertRows) {
      const name = row.Alert ?? '';
      const candidates = rules.filter((r) => r.alert === name && r.labels?.severity === row.Severity);
      const rule = candidates.find((r) => oneLine(r.expr) === oneLine(row.Condition ?? ''));
      if (!rule) {
        problems.push(`${where}: ${name} (${row.Severity}) states condition \`${row.Condition}\`, but the deployed ${name} rules with that severity are: ${candidates.map((r) => `\`${r.expr}\``).join(', ') || 'none'}`);
        continue;
      }
      if (durationOf(row.For ?? '') !== (rule.for ?? '0s')) problems.push(`${where}: ${name} (${row.Severity}) states for ${row.For}, deployed for: ${rule.for ?? '0s'}`);
      const threshold = row.Threshold ?? '';
      const literals = printedLiterals(rule.expr);
      if (/^(>=|<=|==|!=|>|<) /.test(threshold) && literals.length > 0 && !literals.some((l) => threshold === l || threshold.startsWith(`${l} `))) {
        problems.push(`${where}: ${name} states threshold "${threshold}", deployed condition ends in ${/(>=|<=|==|!=|>|<)\s*\S+\s*$/.exec(rule.expr)?.[0]}`);
      }
      if (amConfig) {
        const stated = receiverNames(row.Route ?? '');
        const routed = amtoolReceivers(amFile, { alertname: name, ...rule.labels });
        if (stated.join(',') !== routed.join(',')) problems.push(`${where}: ${name} (${row.Severity}) states route ${stated.join(', ')}, Alertmanager routes it to ${routed.join(', ')}`);
      }
    }
    // A runbook's Notifications: receivers per severity (amtool), the repeat interval and inhibitions (the config).
    if (amConfig && doc.path.startsWith('docs/runbooks/')) {
      const name = doc.path.replace(/^.*\/|\.md$/g, '');
      for (const item of listUnder(tree, 'Notifications')) {
        const notified = /^(\w+): notifies (.*?)(?:, again every (\S+) while it fires)?\.$/.exec(item);
        const held = /^While (?:a (\w+) alert|(.+?) \((\w+)\))(?: with the same (.*?))? fires, this (\w+) alert is held back/.exec(item);
        if (notified) {
          const [, severity = '', receivers = '', repeat] = notified;
          const rule = rules.find((r) => r.alert === name && r.labels?.severity === severity);
          if (!rule) {
            problems.push(`${where}: Notifications name severity ${severity}, which ${name} does not have`);
            continue;
          }
          const routed = amtoolReceivers(amFile, { alertname: name, ...rule.labels });
          if (receiverNames(receivers).join(',') !== routed.join(',')) problems.push(`${where}: states ${severity} notifies ${receivers}, Alertmanager routes to ${routed.join(', ')}`);
          const configured = routeTimings(amConfig, severity).repeat;
          if (repeat !== undefined && configured !== undefined && parseDuration(repeat) !== parseDuration(configured)) problems.push(`${where}: states repeat every ${repeat}, configured ${configured}`);
        } else if (held) {
          const [, anySource, names, namedSource, equal = '', target = ''] = held;
          const source = anySource ?? namedSource ?? '';
          const sourceNames = names ? names.split(' or ') : [];
          const inhibit = (amConfig as { inhibit_rules?: { source_matchers?: string[]; target_matchers?: string[]; equal?: string[] }[] }).inhibit_rules ?? [];
          const stated = equal.split(', ').filter(Boolean).sort().join(',');
          // The rule must hold back this very alert: a target limited to other alert names does not count.
          const targetsThis = (matchers: readonly string[]) => matchers.every((m) => !m.startsWith('alertname') || m.includes(name));
          const found = inhibit.some(
            (r) =>
              (r.source_matchers ?? []).includes(`severity="${source}"`) &&
              sourceNames.every((n) => (r.source_matchers ?? []).some((m) => m.startsWith('alertname') && m.includes(n))) &&
              (sourceNames.length > 0 || !(r.source_matchers ?? []).some((m) => m.startsWith('alertname'))) &&
              (r.target_matchers ?? []).includes(`severity="${target}"`) &&
              targetsThis(r.target_matchers ?? []) &&
              [...(r.equal ?? [])].sort().join(',') === stated,
          );
          if (!found) problems.push(`${where}: states "${item}", but no inhibit rule of the Alertmanager config says so`);
        } else problems.push(`${where}: unexpected Notifications item "${item}"`);
      }
    }
    // SLO branches: each stated burn-rate branch is a deployed rule with those windows and that `for`.
    for (const row of rowsOf(tree, ['Severity', 'Burn rate', 'Windows', 'Error ratio', 'For'])) {
      const windows = (row.Windows ?? '').split(' and ');
      const ratio = Number((Number(/([\d.]+)\s*%/.exec(row['Error ratio'] ?? '')?.[1]) / 100).toPrecision(12));
      const deployed = rules.filter(
        (r) => r.labels?.severity === row.Severity && windows.every((w) => new RegExp(`rate${w}\\b[^)]*?>\\s*${ratio}\\b`).test(r.expr)),
      );
      if (deployed.length === 0) problems.push(`${where}: SLO branch ${row.Severity} ${row.Windows} > ${ratio} is not a deployed condition`);
      else if (!deployed.some((r) => (r.for ?? '0s') === durationOf(row.For ?? ''))) {
        problems.push(`${where}: SLO branch ${row.Severity} ${row.Windows} states for ${row.For}, deployed for: ${deployed.map((r) => r.for ?? '0s').join(', ')}`);
      }
    }
    // Notification routing: contact points per severity (amtool) and the group timings (the config).
    if (amConfig) {
      for (const row of rowsOf(tree, ['Severity', 'Contact points', 'Group wait', 'Group interval', 'Repeat interval'])) {
        const severity = row.Severity ?? '';
        const labels = rules.find((r) => r.labels?.severity === severity)?.labels ?? { severity, ...model.service.alerting.commonLabels };
        const routed = amtoolReceivers(amFile, { ...labels, severity });
        const stated = receiverNames(row['Contact points'] ?? '');
        if (stated.join(',') !== routed.join(',')) problems.push(`${where}: severity ${severity} states contact points ${stated.join(', ')}, Alertmanager routes to ${routed.join(', ')}`);
        const t = routeTimings(amConfig, severity);
        for (const [column, actual] of [['Group wait', t.wait], ['Group interval', t.interval], ['Repeat interval', t.repeat]] as const) {
          if (actual !== undefined && parseDuration(row[column] ?? '') !== parseDuration(actual)) problems.push(`${where}: severity ${severity} states ${column} ${row[column]}, configured ${actual}`);
        }
      }
    }
    // The secret-file fields the Versions table names are what the Alertmanager config reads.
    const versionRow = doc.content.split('\n').find((l) => l.startsWith('| Alertmanager |'));
    for (const field of versionRow?.match(/`[a-z_]+_file`/g) ?? []) {
      if (!amConfigText?.includes(`${field.slice(1, -1)}:`)) problems.push(`${where}: the Versions table names ${field}, which the Alertmanager config does not use`);
    }
    // Test counts the docs state are the promtool tests that are generated.
    const tests = content(artifacts, 'prometheus/tests/alerts.test.yml');
    const stated = /\((\d+) test cases?\)/.exec(doc.content);
    if (stated && tests !== undefined) {
      const parsed = parseYaml(tests) as { tests?: { alert_rule_test?: unknown[] }[] } | null;
      const cases = (parsed?.tests ?? []).reduce((n, t) => n + (t.alert_rule_test?.length ?? 0), 0);
      if (Number(stated[1]) !== cases) problems.push(`${where}: states ${stated[1]} test cases, the generated promtool tests hold ${cases}`);
    }
  }
  return problems;
}

run('the generated docs state what is deployed', () => {
  const embedded = compileSpecDir();
  const environments = embedded.environments.length > 0 ? embedded.environments : [undefined];
  it.each(environments.map((e) => [e ?? 'default']))('embedded spec, environment %s', async (env) => {
    const model = compileSpecDir(undefined, env === 'default' ? {} : { environment: env }).model;
    if (!model) throw new Error('the embedded spec must compile');
    expect(await checkEnvironment(model)).toEqual([]);
  });
  it('the init starter, every environment', async () => {
    const files = Object.entries(starterSpec('checkout')).map(([path, text]) => ({ path, text }));
    const first = compileSpec(files);
    for (const env of first.environments.length > 0 ? first.environments : [undefined]) {
      const model = compileSpec(files, env === undefined ? {} : { environment: env }).model;
      if (!model) throw new Error(`the starter must compile (${env})`);
      expect(await checkEnvironment(model), env).toEqual([]);
    }
  });
});
