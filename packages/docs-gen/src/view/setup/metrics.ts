/** The guide's metrics reference: metrics by group, threshold bands, the spec's recording rules. */
import { inline, join } from '../../markdown/fragment.js';
import { cell, code } from '../../markdown/inline.js';
import { bands, compare, groupTitle } from '../common.js';
import type { SetupGround } from './ground.js';
import type { SetupView, MetricRow, BandRow } from './types.js';

export function metricsSection(g: SetupGround): Pick<SetupView, 'metricGroups' | 'bands' | 'recordingRules'> {
  const { model, ctx } = g;
  const groups = new Map<string, MetricRow[]>();
  for (const m of model.metrics) {
    const rows = groups.get(m.group) ?? [];
    rows.push({
      name: cell(inline`${code(m.name)}${m.deprecated ? ' (deprecated)' : ''}`),
      type: m.type,
      unit: ctx.text(m.unit),
      labels: cell(join(m.labels.map((l) => code(l.name)), ', ')),
      meaning: cell(ctx.proseInline(m.meaning)),
    });
    groups.set(m.group, rows);
  }
  const metricGroups = [...groups.entries()]
    .map(([group, rows]) => ({ key: `${groupTitle(group)} metrics`, rows }))
    .sort((a, b) => compare(a.key, b.key))
    .map(({ key, rows }) => ({ title: ctx.text(key), rows }));

  const bandRows: BandRow[] = model.thresholds.map((t) => {
    const b = bands(t, ctx);
    return {
      name: code(t.name),
      description: cell(inline`${ctx.proseInline(t.description)}${t.window ? ` Over ${t.window}.` : ''}`),
      ok: cell(b.ok ?? ''),
      warning: cell(b.warning ?? ''),
      critical: cell(b.critical ?? ''),
    };
  });

  return {
    metricGroups,
    bands: bandRows,
    recordingRules: model.recordingRules
      .filter((r) => r.origin === 'spec')
      .map((r) => ({ name: code(r.name), unit: r.unit, description: cell(ctx.proseInline(r.description)) })),
  };
}
