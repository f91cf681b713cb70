/** The spec's time options ("1h", "7d") as the time picker's quick ranges ("Last 1 hour"). */
import { TimeOptionBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

const UNIT_NAMES: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', y: 'year' };

function quickRangeLabel(option: string): string {
  const m = /^(\d+)([smhdwy])$/.exec(option);
  if (!m) return `Last ${option}`;
  const n = Number(m[1]);
  return `Last ${n} ${UNIT_NAMES[m[2] ?? ''] ?? m[2]}${n === 1 ? '' : 's'}`;
}

export function quickRanges(options: readonly string[]): TimeOptionBuilder[] {
  return options.map((o) => new TimeOptionBuilder().display(quickRangeLabel(o)).from(`now-${o}`).to('now'));
}
