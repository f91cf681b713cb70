import { GraphThresholdsStyleConfigBuilder, GraphThresholdsStyleMode } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { applyCommon } from './common.js';
import type { PanelContext } from './context.js';
import { allSeriesTooltip, shownLegend } from './legend.js';

export function timeseriesPanel(ctx: PanelContext): PanelBuilder {
  return applyCommon(new PanelBuilder(), ctx, { color: 'series' })
    .legend(shownLegend())
    .tooltip(allSeriesTooltip())
    .fillOpacity(10)
    .lineWidth(1)
    // The bands as dashed lines on the graph; nothing when the panel has no threshold.
    .thresholdsStyle(new GraphThresholdsStyleConfigBuilder().mode(ctx.panel.threshold ? GraphThresholdsStyleMode.Dashed : GraphThresholdsStyleMode.Off));
}
