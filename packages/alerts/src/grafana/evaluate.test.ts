import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateRule, GrafanaExpressionError, math, reduce, threshold, type DataSeries, type RuleData } from './evaluate.js';
import { generate } from '../index.js';
import { compile } from '../test-support/fixtures.js';
import { GRAFANA_RULES_PATH } from './rules.js';

const s = (labels: Record<string, string>, values: (number | null)[]): DataSeries => ({ labels, values });

describe('reduce (one number per series, labels kept)', () => {
  const data = [s({ i: 'a' }, [1, 4, null, 2]), s({ i: 'b' }, [3, Number.NaN, 5])];
  it('strict: a non-numeric value makes the result NaN', () => {
    expect(reduce(data, 'max').map((r) => r.value)).toEqual([Number.NaN, Number.NaN]);
    expect(reduce([s({}, [1, 2])], 'sum').map((r) => r.value)).toEqual([3]);
  });
  it('dropNN drops non-numeric values', () => {
    expect(reduce(data, 'last', { mode: 'dropNN' }).map((r) => r.value)).toEqual([2, 5]);
    expect(reduce(data, 'mean', { mode: 'dropNN' }).map((r) => r.value)).toEqual([7 / 3, 4]);
    expect(reduce(data, 'count', { mode: 'dropNN' }).map((r) => r.value)).toEqual([3, 2]);
    expect(reduce(data, 'min', { mode: 'dropNN' }).map((r) => [r.labels, r.value])).toEqual([[{ i: 'a' }, 1], [{ i: 'b' }, 3]]);
  });
  it('replaceNN replaces them', () => {
    expect(reduce(data, 'sum', { mode: 'replaceNN', replaceWithValue: 10 }).map((r) => r.value)).toEqual([17, 18]);
    expect(() => reduce(data, 'sum', { mode: 'replaceNN' })).toThrow(GrafanaExpressionError);
  });
  it('no values: count and sum are 0, the others NaN', () => {
    const empty = [s({}, [null])];
    expect(['count', 'sum', 'last', 'mean', 'min', 'max'].map((f) => reduce(empty, f as 'sum', { mode: 'dropNN' })[0]?.value)).toEqual([0, 0, NaN, NaN, NaN, NaN]);
  });
});

describe('threshold', () => {
  const input = [1, 5, 10, Number.NaN].map((value, i) => ({ labels: { i: String(i) }, value }));
  it('gt, lt strictly; ranges exclusive; NaN never meets', () => {
    expect(threshold(input, 'gt', [5]).map((r) => r.value)).toEqual([0, 0, 1, 0]);
    expect(threshold(input, 'lt', [5]).map((r) => r.value)).toEqual([1, 0, 0, 0]);
    expect(threshold(input, 'within_range', [1, 10]).map((r) => r.value)).toEqual([0, 1, 0, 0]);
    expect(threshold(input, 'outside_range', [2, 9]).map((r) => r.value)).toEqual([1, 0, 1, 0]);
  });
});

describe('math', () => {
  const refs = new Map([
    ['B', [{ labels: { i: 'a' }, value: 0.2 }, { labels: { i: 'b' }, value: 1 }]],
    ['C', [{ labels: {}, value: 2 }]],
  ]);
  it('compares each series with a number: 1 or 0, labels kept', () => {
    expect(math('$B == 1', refs)).toEqual([{ labels: { i: 'a' }, value: 0 }, { labels: { i: 'b' }, value: 1 }]);
    expect(math('${B} >= 0.2 && $B < 1', refs).map((r) => r.value)).toEqual([1, 0]);
  });
  it('precedence and parentheses', () => {
    expect(math('1 + 2 * 3', refs)[0]?.value).toBe(7);
    expect(math('(1 + 2) * 3', refs)[0]?.value).toBe(9);
    expect(math('2 ** 3 * 2', refs)[0]?.value).toBe(16);
    expect(math('!0 || 0', refs)[0]?.value).toBe(1);
  });
  it('joins series by labels (a label-less series matches every series)', () => {
    expect(math('$B * $C', refs)).toEqual([{ labels: { i: 'a' }, value: 0.4 }, { labels: { i: 'b' }, value: 2 }]);
  });
  it('reports bad input', () => {
    expect(() => math('$X > 1', refs)).toThrow('Unexpected reference $X');
    expect(() => math('$B > ', refs)).toThrow('Unexpected end');
    expect(() => math('$B ? 1', refs)).toThrow('Unexpected "? 1"');
  });
});

interface GrafanaRule {
  title: string;
  condition: string;
  data: RuleData[];
}

describe('evaluateRule on the generated Grafana rules', () => {
  const doc = parse(generate(compile('production')).find((a) => a.path === GRAFANA_RULES_PATH)?.content ?? '') as { groups: { rules: GrafanaRule[] }[] };
  const rules = new Map(doc.groups.flatMap((g) => g.rules).map((r) => [r.title, r]));
  const rule = (title: string): GrafanaRule => {
    const r = rules.get(title);
    if (!r) throw new Error(`no rule ${title}`);
    return r;
  };

  it('a threshold rule fires for the series above it, per label set', () => {
    const r = rule('ConnectionPoolExhaustion');
    const out = evaluateRule(r, new Map([['A', [s({ instance: 'p0' }, [0.95]), s({ instance: 'p1' }, [0.5])]]]));
    expect(out.firing).toEqual([{ instance: 'p0' }]);
    expect(out.noData).toBe(false);
  });

  it('an == condition (math) fires only on the exact value', () => {
    const r = rule('CircuitBreakerOpen');
    expect(evaluateRule(r, new Map([['A', [s({ instance: 'p0' }, [1]), s({ instance: 'p1' }, [0.5])]]])).firing).toEqual([{ instance: 'p0' }]);
  });

  it('no series: no data, nothing fires', () => {
    const out = evaluateRule(rule('HighErrorRate'), new Map([['A', []]]));
    expect(out).toMatchObject({ firing: [], noData: true });
  });

  it('a rule whose query is the whole condition fires for every series it returns', () => {
    const slo = [...rules.values()].find((r) => r.title.startsWith('RequestSuccessBudgetBurn'));
    expect(slo).toBeDefined();
    expect(evaluateRule(slo as GrafanaRule, new Map([['A', [s({}, [0.2])]]])).firing).toEqual([{}]);
  });
});
