import { describe, expect, it } from 'vitest';
import { sortedRecord } from './sorted-record.js';

describe('sortedRecord', () => {
  it('orders keys by code unit (upper case before lower, not by locale)', () => {
    expect(Object.keys(sortedRecord({ b: '1', a: '2', B: '3', _x: '4', a1: '5' }))).toEqual(['B', '_x', 'a', 'a1', 'b']);
  });
  it('keeps every value with its key and leaves the input alone', () => {
    const input = { z: 'last', a: 'first' };
    expect(sortedRecord(input)).toEqual({ a: 'first', z: 'last' });
    expect(Object.keys(input)).toEqual(['z', 'a']);
  });
});
