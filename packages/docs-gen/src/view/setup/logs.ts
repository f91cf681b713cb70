/** The guide's Loki queries: log sources, patterns and the log alerts. */
import { errorLinesQuery, exploreUrl, patternLinesQuery } from '@monspec/metrics-spec';
import { inline } from '../../markdown/fragment.js';
import { codeBlock, link } from '../../markdown/inline.js';
import { runbookDoc } from '../../paths.js';
import type { SetupGround } from './ground.js';
import type { SetupView, LogQueryView } from './types.js';

export function logsSection(g: SetupGround): Pick<SetupView, 'logSources' | 'logPatterns' | 'logAlerts'> {
  const { model, ctx, index, alertNames } = g;
  const logSources: LogQueryView[] = model.logs.sources.map((src) => {
    const query = errorLinesQuery(src);
    return { name: ctx.text(src.name), description: ctx.prose(src.description), query: codeBlock(query, 'logql'), explore: link('Open in Grafana Explore', exploreUrl(model, 'loki', query)) };
  });
  const logPatterns: LogQueryView[] = model.logs.patterns.map((p) => {
    const src = model.logs.sources.find((x) => x.name === p.source);
    // The query the Loki ruler counts for the pattern (loki-rules) and the MCP server's error_patterns give.
    const query = patternLinesQuery({ selector: src?.selector ?? '{}' }, p);
    return { name: ctx.text(p.name), description: ctx.prose(p.description), query: codeBlock(query, 'logql'), explore: link('Open in Grafana Explore', exploreUrl(model, 'loki', query)) };
  });
  const logAlerts = alertNames
    .filter((n) => index.alerts(n).some((a) => a.datasource === 'loki'))
    .map((n) => {
      const a = index.alerts(n)[0];
      return inline`${link(ctx.text(n), runbookDoc(n))}: ${a ? ctx.text(a.summary) : ''}`;
    });

  return { logSources, logPatterns, logAlerts };
}
