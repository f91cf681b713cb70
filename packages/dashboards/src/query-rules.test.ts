/**
 * Every dashboard PromQL query, wrapped as a recording rule with Grafana variables substituted,
 * passes `promtool check rules` (Prometheus's own parser and type checker). Runs in CI always; skips
 * locally only when promtool is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { requireTools, toolPath } from '@monspec/test-kit';
import { demoModel } from './test-support/specs.js';
import { dashboardQueryRuleFile, dashboardQueryRules } from './query-rules.js';

const tools = requireTools(['promtool']);
const PROMTOOL = toolPath('promtool') ?? 'promtool';

const dir = mkdtempSync(join(tmpdir(), 'monspec-dashboards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function promtoolCheck(name: string, content: string): { status: number | null; output: string } {
  const file = join(dir, name);
  writeFileSync(file, content);
  const r = spawnSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}` };
}

describe('dashboard queries as recording rules', () => {
  it('replaces Grafana variables so the rules are plain PromQL', () => {
    const rules = dashboardQueryRules(demoModel());
    expect(rules.find((r) => r.record === 'dashboard:demo_overview_p5_A:check')?.expr).toBe('sum by (tier) (rate(demo_requests_total{tier=~".*"}[5m]))');
    for (const r of rules) expect(r.expr).not.toMatch(/\$/);
  });

  describe.skipIf(tools.skip)(`promtool check rules ${tools.reason}`, () => {
    it('passes for every query of the embedded tunnel spec', () => {
      const result = compileSpecDir(undefined, { environment: 'production' });
      expect(result.model).toBeDefined();
      const file = dashboardQueryRuleFile(result.model!);
      const { status, output } = promtoolCheck('tunnel.rules.yml', file);
      expect(status, output).toBe(0);
      expect(output).toMatch(new RegExp(`SUCCESS: ${dashboardQueryRules(result.model!).length} rules found`));
    });

    it('passes for the demo fixture', () => {
      const { status, output } = promtoolCheck('demo.rules.yml', dashboardQueryRuleFile(demoModel()));
      expect(status, output).toBe(0);
    });

    it('fails on a query only promtool can reject (a type error the parser accepts)', () => {
      const { status, output } = promtoolCheck('bad.rules.yml', 'groups:\n  - name: bad\n    rules:\n      - record: bad:query:check\n        expr: rate(sum(demo_requests_total)[5m])\n');
      expect(status).not.toBe(0);
      expect(output).toMatch(/ranges only allowed for vector selectors|expected type range vector/);
    });
  });
});
