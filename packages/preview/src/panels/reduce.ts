/** Series reduced to one value each (`lastNotNull`, what stat, gauge, bar gauge and pie panels show), named by the legend. */
import type { ResolvedPanel } from '@monspec/metrics-spec';
import type { QueryData } from '../data.js';
import { lastValue, seriesName } from '../values.js';
import type { NamedValue } from './context.js';

export function lastValues(panel: ResolvedPanel, queries: readonly QueryData[]): NamedValue[] {
  const out: NamedValue[] = [];
  for (const q of queries) {
    const spec = panel.queries.find((s) => s.refId === q.refId);
    for (const s of q.series) {
      const value = lastValue(s);
      if (value !== undefined) out.push({ name: seriesName(spec?.legend, s.labels, spec?.expr ?? q.refId), value });
    }
  }
  return out;
}
