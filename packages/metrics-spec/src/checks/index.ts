import { alertContent } from './alert-content.js';
import { duplicateName } from './duplicate-name.js';
import { baseUnits } from './base-units.js';
import { counterSuffix } from './counter-suffix.js';
import { histogramBuckets } from './histogram-buckets.js';
import { recordingRuleName } from './recording-rule-name.js';
import { panelDescription } from './panel-description.js';
import { placeholders } from './placeholders.js';
import { promqlCounterRate } from './promql-counter-rate.js';
import { logqlSyntax } from './logql-syntax.js';
import { promqlSyntax } from './promql-syntax.js';
import { promqlUnknownLabel } from './promql-unknown-label.js';
import { promqlUnknownMetric } from './promql-unknown-metric.js';
import { seriesBudget } from './series-budget.js';
import { thresholdBands } from './threshold-bands.js';
import type { Check } from './types.js';
import { unknownReference } from './unknown-reference.js';
import { sloObjective } from './slo-objective.js';
import { durationRange } from './duration-range.js';
import { regexRe2 } from './regex-re2.js';
import { alertTestSize } from './alert-test-size.js';
import { alertTestSeries } from './alert-test-series.js';

/** Every semantic check, in the order they run. */
export const CHECKS: readonly Check[] = [
  duplicateName,
  unknownReference,
  promqlSyntax,
  logqlSyntax,
  promqlUnknownMetric,
  promqlUnknownLabel,
  promqlCounterRate,
  thresholdBands,
  alertContent,
  placeholders,
  panelDescription,
  counterSuffix,
  baseUnits,
  recordingRuleName,
  histogramBuckets,
  seriesBudget,
  sloObjective,
  durationRange,
  regexRe2,
  alertTestSize,
  alertTestSeries,
];

export type { Check, CheckExample, CheckReport } from './types.js';
