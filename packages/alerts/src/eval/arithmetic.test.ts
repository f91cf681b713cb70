import { describe, expect, it } from 'vitest';
import { arithmetic, comparison } from './arithmetic.js';

describe('the operators the PromQL and Grafana evaluators share', () => {
  it('computes PromQL arithmetic, ^ as power and % with the dividend’s sign', () => {
    expect(['+', '-', '*', '/', '%', '^'].map((op) => arithmetic(op, -7, 2))).toEqual([-5, -9, -14, -3.5, -1, 49]);
    expect(arithmetic('/', 1, 0)).toBe(Infinity);
    expect(arithmetic('**', 2, 3)).toBeUndefined();
  });
  it('compares, NaN never holding', () => {
    expect(['==', '!=', '>', '<', '>=', '<='].map((op) => comparison(op, 1, 2))).toEqual([false, true, false, true, false, true]);
    expect(['==', '>', '<=', '!='].map((op) => comparison(op, Number.NaN, Number.NaN))).toEqual([false, false, false, true]);
    expect(comparison('&&', 1, 1)).toBeUndefined();
  });
});
