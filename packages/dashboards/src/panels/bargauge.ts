import { BarGaugeDisplayMode, ReduceDataOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { gaugeRange } from './gauge.js';
import { applyCommon } from './common.js';
import type { PanelContext } from './context.js';
import { LAST_VALUE, shownLegend } from './legend.js';

export function bargaugePanel(ctx: PanelContext): PanelBuilder {
  const range = gaugeRange(ctx.panel);
  return applyCommon(new PanelBuilder(), ctx, { color: 'thresholds', min: range.min, max: range.max })
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(LAST_VALUE).values(false))
    .displayMode(BarGaugeDisplayMode.Gradient)
    .legend(shownLegend());
}
