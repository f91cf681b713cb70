/**
 * The real tools: promtool and amtool run here (required when CI=true; skipped locally only when a
 * binary is missing). Proves the generated rules load, the generated tests pass, a threshold edit
 * makes the generated tests fail against the old rules, and each severity reaches its receivers.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_SPEC_DIR } from '@monspec/metrics-spec';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generate } from '../index.js';
import { ALERT_RULES_PATH } from '../prometheus/alert-rules.js';
import { requireTools, writeFiles } from '@monspec/test-kit';
import { compile, ENVIRONMENTS } from '../test-support/fixtures.js';
import { demoModel } from '../test-support/specs.js';
import { exitCode, routeTests, runAmtoolChecks, runPromtoolChecks, testArtifacts } from './test-artifacts.js';

const tools = requireTools(['promtool', 'amtool']);

// promtool runs synchronously for many seconds: yield to the event loop after each test so the
// worker answers vitest's RPC (which times out after 60s) between the long blocking runs.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

describe.skipIf(tools.skip)(`promtool and amtool on the generated artifacts ${tools.reason}`, () => {
  // The demo spec too: its goldens (golden.test.ts) pin bytes, this proves them right.
  const specs = ENVIRONMENTS.flatMap((env) => [[`embedded ${env}`, () => compile(env)], [`demo ${env}`, () => demoModel(env)]] as const);
  it.each(specs)('%s: check rules, test rules, check-config and every route test pass', (_, load) => {
    const model = load();
    const results = testArtifacts(writeFiles(generate(model)), { model });
    for (const r of results) expect(r.ok, `${r.command}\n${r.output}`).toBe(true);
    expect(results.map((r) => r.name)).toEqual([
      'promtool check rules',
      'promtool test rules',
      'amtool check-config',
      ...routeTests(model).map((t) => `amtool config routes test (${t.severity} → ${t.receivers.join(', ')})`),
    ]);
    expect(results[1]?.output).toContain('SUCCESS');
    expect(exitCode(results)).toBe(0);
  });

  it('routes each severity of production to the receivers the spec names', () => {
    const model = compile('production');
    expect(routeTests(model).map((t) => [t.severity, t.receivers])).toEqual([
      ['critical', ['oncall-pagerduty', 'team-slack']],
      ['warning', ['team-slack', 'team-email']],
      ['info', ['team-email']],
    ]);
  });

  it('fails a route test when the receivers differ', () => {
    const model = compile('production');
    const dir = writeFiles(generate(model));
    const [bad] = runAmtoolChecks(dir, { routes: [{ severity: 'critical', labels: ['severity=critical', 'service=streaming-proxy', 'team=tunnel-platform'], receivers: ['team-email'] }] }).slice(1);
    expect(bad?.status).toBe('failed');
  });

  it('a threshold edited in a copy of the spec makes the generated tests fail against the old rules', () => {
    const original = generate(compile('production'));
    const specCopy = mkdtempSync(join(tmpdir(), 'monspec-spec-'));
    cpSync(EMBEDDED_SPEC_DIR, specCopy, { recursive: true });
    const thresholds = join(specCopy, 'thresholds.yaml');
    const text = readFileSync(thresholds, 'utf8');
    const edited = text.replace(/(\n {2}error_rate:\n(?: {4}.*\n)*? {4}critical: )5%/, '$13%');
    expect(edited).not.toBe(text);
    writeFileSync(thresholds, edited);
    const changed = generate(compile('production', specCopy));

    // Old rules, new tests.
    const dir = writeFiles(original.filter((a) => !a.path.startsWith('prometheus/tests/')));
    writeFiles(changed.filter((a) => a.path.startsWith('prometheus/tests/')), dir);
    const [, test] = runPromtoolChecks(dir);
    expect(test?.status).toBe('failed');
    expect(test?.output).toContain('HighErrorRate');
    expect(exitCode([test!])).toBe(1);

    // New rules, new tests: consistent again.
    const fresh = runPromtoolChecks(writeFiles(changed));
    expect(fresh.map((r) => r.status)).toEqual(['ok', 'ok']);
  });
});

interface Rule {
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The generated artifacts with the SLO alerting rules rewritten by `mutate` (the tests unchanged). */
function withSloRules(mutate: (rules: Rule[]) => Rule[]): string {
  const artifacts = generate(compile('production'));
  const dir = writeFiles(artifacts);
  const path = join(dir, ALERT_RULES_PATH);
  const doc = parse(readFileSync(path, 'utf8')) as { groups: Array<{ rules: Rule[] }> };
  for (const g of doc.groups) {
    const slo = g.rules.filter((r) => r.labels?.['slo']);
    g.rules = [...g.rules.filter((r) => !r.labels?.['slo']), ...mutate(slo)];
  }
  writeFileSync(path, stringify(doc));
  return dir;
}

// The rules as generated pass these scenarios: the per-environment test above.
describe.skipIf(tools.skip)(`the generated SLO scenarios tell multiwindow from single-window alerting ${tools.reason}`, () => {
  it('fails long-window-only rules (no short window): the recovered scenario catches them', () => {
    const dir = withSloRules((rules) => rules.map((r) => ({ ...r, expr: r.expr.split('\nand\n')[0] as string })));
    const [, test] = runPromtoolChecks(dir);
    expect(test?.status).toBe('failed');
    expect(test?.output).toMatch(/recovered: .* the 5m window is not/);
  });

  it('fails one rule per severity with both branches or-ed under the shorter `for` (the old shape)', () => {
    const dir = withSloRules((rules) =>
      ['critical', 'warning'].map((severity) => {
        const of = rules.filter((r) => r.labels?.['severity'] === severity);
        const first = of[0] as Rule;
        const { long_window: _l, short_window: _s, ...labels } = first.labels ?? {};
        return { ...first, expr: of.map((r) => `(${r.expr.replace(/\n/g, ' ')})`).join(' or '), labels };
      }),
    );
    const [, test] = runPromtoolChecks(dir);
    expect(test?.status).toBe('failed');
    expect(test?.output).toContain('error ratio 6.6% sustained fires critical 6x 6h/30m after its 15m; critical 14.4x 1h/5m stay quiet');
  });
});

describe('missing tools', () => {
  it('reports a missing binary with its Debian package, and exit code 2', () => {
    const dir = writeFiles([]);
    const results = testArtifacts(dir, { promtool: '/nonexistent/promtool', amtool: '/nonexistent/amtool', routes: [] });
    expect(results.map((r) => r.status)).toEqual(['missing-tool', 'missing-tool', 'missing-tool']);
    expect(results[0]?.output).toContain('Debian package prometheus');
    expect(results[2]?.output).toContain('Debian package prometheus-alertmanager');
    expect(exitCode(results)).toBe(2);
  });
});
