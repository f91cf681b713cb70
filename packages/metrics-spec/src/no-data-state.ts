/**
 * What a Grafana-managed alert should be when its query returns no series, from what the query
 * means (Grafana's "no data" handling: https://grafana.com/docs/grafana/latest/alerting/fundamentals/alert-rule-evaluation/state-and-health/#no-data-and-error-states):
 * - a presence check (it reads `up`, the series Prometheus writes per target): no series means no
 *   target at all, the failure itself → `Alerting`;
 * - `absent()`/`absent_over_time()`: returns nothing exactly while the series exists → `OK`;
 * - everything else (event counts, rates, ratios, gauges of a running service, LogQL counts): no
 *   series means nothing happened or the target is gone, which the presence checks report → `OK`.
 * `NoData` would instead raise a separate DatasourceNoData alert for a healthy service whose
 * labelled counters have not been incremented yet.
 */
import { analyzePromql } from './promql/analyze.js';
import type { DatasourceKind } from './model.js';

const ABSENT = new Set(['absent', 'absent_over_time']);
const PRESENCE_SERIES = new Set(['up']);

export function defaultNoDataState(datasource: DatasourceKind, expr: string): 'Alerting' | 'OK' {
  if (datasource !== 'prometheus') return 'OK';
  const { selectors, syntaxErrors } = analyzePromql(expr);
  if (syntaxErrors.length > 0) return 'OK';
  if (selectors.some((s) => s.enclosingFunction !== undefined && ABSENT.has(s.enclosingFunction))) return 'OK';
  return selectors.some((s) => PRESENCE_SERIES.has(s.name)) ? 'Alerting' : 'OK';
}
