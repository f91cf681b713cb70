import { ReduceDataOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/gauge';
import type { ResolvedPanel } from '@monspec/metrics-spec';
import { levelsIn } from '../thresholds.js';
import { applyCommon } from './common.js';
import type { PanelContext } from './context.js';
import { LAST_VALUE } from './legend.js';

/**
 * A gauge needs a scale. Unset in the spec, it is 0 to the natural maximum of ratios and percents,
 * or 1.25 × the highest band so every band is visible (Grafana would otherwise use 0 to 100).
 */
export function gaugeRange(panel: ResolvedPanel): { min: number; max: number | undefined } {
  const min = panel.min ?? 0;
  if (panel.max !== undefined) return { min, max: panel.max };
  if (panel.unit === 'ratio') return { min, max: 1 };
  if (panel.unit === 'percent') return { min, max: 100 };
  if (panel.threshold) {
    const { warning, critical } = levelsIn(panel.threshold, panel.unit);
    const top = Math.max(...[warning, critical].filter((v): v is number => v !== undefined));
    if (Number.isFinite(top)) return { min, max: Number((top * 1.25).toPrecision(12)) };
  }
  return { min, max: undefined };
}

export function gaugePanel(ctx: PanelContext): PanelBuilder {
  const range = gaugeRange(ctx.panel);
  return applyCommon(new PanelBuilder(), ctx, { color: 'thresholds', min: range.min, max: range.max })
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(LAST_VALUE).values(false))
    .showThresholdMarkers(true)
    .showThresholdLabels(false);
}
