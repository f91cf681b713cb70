/** Named thresholds: levels converted into the threshold's unit, band words filled in. */
import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import type { MonspecDocument } from '../generated/spec-types.js';
import type { ResolvedThreshold, ThresholdLevel } from '../model.js';
import { parseQuantity } from '../quantity.js';
import { byName } from './common.js';

export function resolveThresholds(spec: MonspecDocument): ResolvedThreshold[] {
  return Object.entries(spec.thresholds ?? {})
    .map(([name, t]): ResolvedThreshold => {
      const level = (l: ThresholdLevel) => {
        const raw = t[l];
        if (raw === undefined) return undefined;
        const q = parseQuantity(raw, t.unit);
        return q.ok ? q.value : undefined;
      };
      return {
        name,
        description: t.description,
        unit: t.unit,
        direction: t.direction ?? SCHEMA_DEFAULTS.threshold.direction,
        warning: level('warning'),
        critical: level('critical'),
        window: t.window,
        states: { ...SCHEMA_DEFAULTS.threshold.states, ...t.states },
      };
    })
    .sort(byName);
}
