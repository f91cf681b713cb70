import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from './did-you-mean.js';

describe('editDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['thresold', 'threshold', 1],
    ['critcial', 'critical', 1],
    ['ab', 'ba', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestMatch', () => {
  it('suggests a close candidate', () => {
    expect(closestMatch('thresold', ['description', 'threshold', 'unit'])).toBe('threshold');
    expect(closestMatch('critcal', ['warning', 'critical'])).toBe('critical');
    expect(closestMatch('Severity', ['severity'])).toBe('severity');
  });
  it('allows edits relative to the length: a third of the name, at least one', () => {
    expect(closestMatch('fr', ['for'])).toBe('for');
    expect(closestMatch('ab', ['xy'])).toBeUndefined();
    expect(closestMatch('error_ratio', ['error_rate'])).toBe('error_rate');
    expect(closestMatch('latency', ['error_rate', 'availability'])).toBeUndefined();
  });
  it('prefers the nearest, then the first', () => {
    expect(closestMatch('warnin', ['warnings', 'warning'])).toBe('warning');
    expect(closestMatch('abcd', ['abce', 'abcf'])).toBe('abce');
  });
  it('never suggests the name itself', () => {
    expect(closestMatch('unit', ['unit'])).toBeUndefined();
  });
  it('formats a suffix or nothing', () => {
    expect(didYouMean('thresold', ['threshold'])).toBe('; did you mean "threshold"?');
    expect(didYouMean('zzz', ['threshold'])).toBe('');
  });
});
