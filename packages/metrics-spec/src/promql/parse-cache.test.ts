/**
 * One parse per distinct expression for a whole build: the checks, the lints and the alerts'
 * evaluator ask again for the same expressions, and at N=1000 the synthetic spec has 17 000 distinct
 * PromQL texts. A cache that forgets everything at 10 000 entries re-parsed them all on every pass.
 */
import { describe, expect, it, vi } from 'vitest';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { parser as logqlParser } from '@grafana/lezer-logql';
import { analyzePromql, inferLabels } from './analyze.js';
import { analyzeLogql } from './logql.js';
import { BoundedCache } from './parse-cache.js';
import { syntheticSpec } from '@monspec/test-kit';
import { compileSpec } from '../pipeline.js';

const DISTINCT = 25_000;

describe('expressions are parsed once while the working set fits the cache', () => {
  it('PromQL: two passes over 25 000 distinct expressions parse each once', () => {
    const parse = vi.spyOn(promqlParser, 'parse');
    try {
      const exprs = Array.from({ length: DISTINCT }, (_, i) => `sum by (tier) (rate(parse_cache_${i}_total[5m]))`);
      for (const e of exprs) analyzePromql(e);
      for (const e of exprs) inferLabels(e, () => new Set(['tier']));
      expect(parse).toHaveBeenCalledTimes(DISTINCT);
    } finally {
      parse.mockRestore();
    }
  });

  it('LogQL: two passes over 25 000 distinct expressions parse each once', () => {
    const parse = vi.spyOn(logqlParser, 'parse');
    try {
      const exprs = Array.from({ length: DISTINCT }, (_, i) => `{app="parse-cache-${i}"} |= "error"`);
      for (let pass = 0; pass < 2; pass++) for (const e of exprs) analyzeLogql(e);
      expect(parse).toHaveBeenCalledTimes(DISTINCT);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('compiling a spec parses each distinct PromQL text once', () => {
  it('the checks share the parse (prometheus3 and spliced-expressions too)', () => {
    const parse = vi.spyOn(promqlParser, 'parse');
    try {
      // A spec of its own, so no earlier test's cache entries hide a parse.
      const result = compileSpec(syntheticSpec(7).map((f) => ({ path: f.path, text: f.text.replaceAll('synthetic', 'parseonce') })));
      expect(result.model).toBeDefined();
      const texts = parse.mock.calls.map((call) => call[0]);
      expect(texts.length).toBeGreaterThan(100);
      expect(texts.length).toBe(new Set(texts).size);
    } finally {
      parse.mockRestore();
    }
  });
});

describe('BoundedCache', () => {
  it('keeps what was used since the last turnover, and forgets what was not used for two', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    // Full: a third key starts a new generation; a and b stay readable from the old one.
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // promoted into the new generation
    cache.set('d', 4); // the new generation (c, a) is full: b's generation is dropped
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
  });

  it('never holds more than twice its bound (a long watch or fuzz run sees ever new expressions)', () => {
    const cache = new BoundedCache<number, number>(100);
    for (let i = 0; i < 10_000; i++) cache.set(i, i);
    expect(cache.size).toBeLessThanOrEqual(200);
  });
});
