import { formatValue } from '../units.js';

/**
 * The "expected …" half of a message about a ratio outside 0..1: `5` was almost always meant as 5 %,
 * so a plain number up to 100 gets the percent spelling as a suggestion.
 */
export function ratioExpectation(raw: number | string, value: number): string {
  const hint = typeof raw === 'number' && raw > 1 && raw <= 100 ? ` such as ${raw}% (${raw / 100})` : ', or a percentage between 0% and 100%';
  return `(${formatValue(value, 'ratio')} when read as a ratio), expected a ratio between 0 and 1${hint}`;
}
