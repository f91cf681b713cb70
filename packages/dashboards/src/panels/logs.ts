import { LogsDedupStrategy, LogsSortOrder } from '@grafana/grafana-foundation-sdk/common';
import { PanelBuilder } from '@grafana/grafana-foundation-sdk/logs';
import { applyCommon } from './common.js';
import type { PanelContext } from './context.js';

export function logsPanel(ctx: PanelContext): PanelBuilder {
  return applyCommon(new PanelBuilder(), ctx, { color: 'series' })
    .showTime(true)
    .wrapLogMessage(true)
    .enableLogDetails(true)
    .prettifyLogMessage(false)
    .showCommonLabels(false)
    .showLabels(false)
    .sortOrder(LogsSortOrder.Descending)
    .dedupStrategy(LogsDedupStrategy.None);
}
