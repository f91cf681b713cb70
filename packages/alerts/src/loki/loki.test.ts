import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parser } from '@grafana/lezer-logql';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { LOKI_RULES_PATH, lokiRulesGenerator } from '../index.js';
import { requireTools, writeFiles } from '@monspec/test-kit';
import { compile, ENVIRONMENTS } from '../test-support/fixtures.js';

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ alert?: string; record?: string; expr: string; labels?: Record<string, string> }> }>;
}

function logqlErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter: (n) => {
      if (n.type.isError) errors.push(`syntax error at ${n.from} in ${expr}`);
    },
  });
  return errors;
}

const tools = requireTools(['promtool']);

describe.each(ENVIRONMENTS)('Loki rules (%s)', (env) => {
  const model = compile(env);
  const content = lokiRulesGenerator.generate(model).find((a) => a.path === LOKI_RULES_PATH)?.content ?? '';
  const doc = parse(content) as RuleFile;
  const rules = doc.groups.flatMap((g) => g.rules);

  it('counts error lines and every error pattern, and alerts on error-log spikes', () => {
    expect(rules.filter((r) => r.labels?.['pattern']).map((r) => r.labels?.['pattern'])).toEqual(model.logs.patterns.map((p) => p.name));
    expect(rules.some((r) => r.record?.endsWith(':error_log_lines:count5m'))).toBe(true);
    expect(rules.some((r) => r.alert === 'ErrorLogSpike')).toBe(model.service.alerting.engine !== 'grafana');
  });

  it('has LogQL expressions that @grafana/lezer-logql parses', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.flatMap((r) => logqlErrors(r.expr))).toEqual([]);
    expect(logqlErrors('sum(count_over_time({app="x"} |~ [5m]))').length).toBeGreaterThan(0);
  });

  it.skipIf(tools.skip)(`passes promtool's structural check of the rule file (names, labels, annotation templates) ${tools.reason}`, () => {
    // promtool parses expressions as PromQL; LogQL is checked above, so swap each for a PromQL stand-in.
    const shape = { groups: doc.groups.map((g) => ({ ...g, rules: g.rules.map((r) => ({ ...r, expr: 'vector(1)' })) })) };
    const dir = writeFiles([]);
    const path = join(dir, 'logs.rules.yml');
    writeFileSync(path, stringify(shape));
    const r = spawnSync('promtool', ['check', 'rules', path], { encoding: 'utf8' });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('SUCCESS');
  });
});

describe('Loki rules deployment', () => {
  const model = compile('production');
  const withoutLogs = { ...model, logs: { sources: [], patterns: [] }, alerts: model.alerts.filter((a) => a.datasource !== 'loki') };

  it('is deployed when it holds a rule, and says "Deploy: no" for an empty file', () => {
    const [full] = lokiRulesGenerator.generate(model);
    expect(full?.deployed).toBe(true);
    expect(full?.deploy).toMatch(/^Deploy: yes/);
    const [empty] = lokiRulesGenerator.generate(withoutLogs);
    expect(parse(empty?.content ?? '')).toEqual({ groups: [] });
    // Before, an empty rule file's header said "Deploy: yes" and the guide then listed it for the ruler.
    expect(empty?.deployed).toBe(false);
    expect(empty?.deploy).toMatch(/^Deploy: no \(no log source with an error filter or pattern/);
  });

  it('describes what it generates', () => {
    for (const m of [model, withoutLogs]) {
      expect(lokiRulesGenerator.describe(m)).toEqual(lokiRulesGenerator.generate(m).map(({ content: _content, ...d }) => d));
    }
  });
});
