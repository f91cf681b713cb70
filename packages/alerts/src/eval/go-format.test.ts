import { describe, expect, it } from 'vitest';
import { goG, goValue, humanize, humanize1024, humanizePercentage } from './go-format.js';

describe('Go number formatting', () => {
  it('formats %.4g like Go (trailing zeros dropped, two-digit exponents)', () => {
    expect(goG(5, 4)).toBe('5');
    expect(goG(15.840000000000002, 4)).toBe('15.84');
    expect(goG(12345, 4)).toBe('1.234e+04');
    expect(goG(0.00001234, 4)).toBe('1.234e-05');
    expect(goG(0.0001234, 4)).toBe('0.0001234');
  });
  it('humanizes with SI and binary prefixes and percentages', () => {
    expect(humanize(1100)).toBe('1.1k');
    expect(humanize(120)).toBe('120');
    expect(humanize(0.05)).toBe('50m');
    expect(humanize1024(563714457.6)).toBe('537.6Mi');
    expect(humanizePercentage(0.945)).toBe('94.5%');
  });
  it('prints %v like Go', () => {
    expect(goValue(42)).toBe('42');
    expect(goValue(0.00001)).toBe('1e-05');
    expect(goValue(1e21)).toBe('1e+21');
  });
});

describe('Go rounding', () => {
  it('rounds exact ties to even, like Go', () => {
    expect(goG(12345, 4)).toBe('1.234e+04');
    expect(goG(12355, 4)).toBe('1.236e+04');
    expect(goG(0.125, 2)).toBe('0.12');
    expect(goG(2.5, 1)).toBe('2');
    expect(goG(-15.845, 4)).toBe('-15.85');
  });
});

describe('Go formatting that promtool showed monspec got wrong (go-format-promtool.test.ts checks all against promtool)', () => {
  it('humanizeDuration prints %.4gs between 1 s and 60 s', async () => {
    const { humanizeDuration } = await import('./go-format.js');
    expect(humanizeDuration(2.5)).toBe('2.5s');
    expect(humanizeDuration(59.99)).toBe('59.99s');
    expect(humanizeDuration(61.5)).toBe('1m 1s');
    expect(humanizeDuration(-61.5)).toBe('-1m 1s');
    expect(humanizeDuration(0.5)).toBe('500ms');
  });
  it('%v switches to exponent form from 1e+06', () => {
    expect(goValue(123456)).toBe('123456');
    expect(goValue(1048576)).toBe('1.048576e+06');
  });
  it('%.Nf rounds the exact value half to even and writes every digit', async () => {
    const { goF } = await import('./go-format.js');
    expect(goF(0.125, 2)).toBe('0.12');
    expect(goF(2.5, 0)).toBe('2');
    expect(goF(1.005, 2)).toBe('1.00');
    expect(goF(1.5e21, 2)).toBe('1500000000000000000000.00');
    expect(goF(-0.001, 2)).toBe('-0.00');
  });
  it('humanizeTimestamp fails beyond int64 nanoseconds, as Prometheus does', async () => {
    const { humanizeTimestamp } = await import('./go-format.js');
    // 1700000000.123 * 1e9 is 1700000000122999808 as a double: Prometheus prints .122 too.
    expect(humanizeTimestamp(1700000000.123)).toBe('2023-11-14 22:13:20.122 +0000 UTC');
    expect(humanizeTimestamp(1700000000.5)).toBe('2023-11-14 22:13:20.5 +0000 UTC');
    expect(() => humanizeTimestamp(1e10)).toThrow(RangeError);
  });
});
