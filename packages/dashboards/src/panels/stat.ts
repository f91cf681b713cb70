import { BigValueColorMode, BigValueGraphMode, ReduceDataOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { applyCommon } from './common.js';
import type { PanelContext } from './context.js';
import { LAST_VALUE } from './legend.js';

export function statPanel(ctx: PanelContext): PanelBuilder {
  const instant = ctx.panel.queries.every((q) => q.instant);
  const coloured = ctx.panel.threshold !== undefined || ctx.panel.valueMappings.some((m) => m.color !== undefined);
  return applyCommon(new PanelBuilder(), ctx, { color: 'thresholds' })
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(LAST_VALUE).values(false))
    .colorMode(coloured ? BigValueColorMode.Background : BigValueColorMode.Value)
    // A sparkline needs a range query; instant queries have one point.
    .graphMode(instant ? BigValueGraphMode.None : BigValueGraphMode.Area);
}
