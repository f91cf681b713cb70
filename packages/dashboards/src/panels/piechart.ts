import { LegendDisplayMode, LegendPlacement, ReduceDataOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder, PieChartLabels, PieChartLegendOptionsBuilder, PieChartLegendValues, PieChartType } from '@grafana/grafana-foundation-sdk/piechart';
import { applyCommon } from './common.js';
import type { PanelContext } from './context.js';
import { allSeriesTooltip, LAST_VALUE } from './legend.js';

export function piechartPanel(ctx: PanelContext): PanelBuilder {
  return applyCommon(new PanelBuilder(), ctx, { color: 'series' })
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(LAST_VALUE).values(false))
    .pieType(PieChartType.Pie)
    .displayLabels([PieChartLabels.Percent])
    .tooltip(allSeriesTooltip())
    // A table legend to the right: each slice's value and share.
    .legend(
      new PieChartLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(LegendDisplayMode.Table)
        .placement(LegendPlacement.Right)
        .values([PieChartLegendValues.Value, PieChartLegendValues.Percent])
        .calcs([]),
    );
}
