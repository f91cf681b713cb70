import { alertContent } from './alert-content.js';
import { duplicateName } from './duplicate-name.js';
import { goTemplates } from './go-templates.js';
import { baseUnits } from './base-units.js';
import { contactPointFields } from './contact-point-fields.js';
import { counterSuffix } from './counter-suffix.js';
import { histogramBuckets } from './histogram-buckets.js';
import { literalSecrets } from './literal-secrets.js';
import { recordingRuleName } from './recording-rule-name.js';
import { panelDescription } from './panel-description.js';
import { placeholders } from './placeholders.js';
import { promqlCounterRate } from './promql-counter-rate.js';
import { logqlSyntax } from './logql-syntax.js';
import { promqlSyntax } from './promql-syntax.js';
import { promqlUnknownLabel } from './promql-unknown-label.js';
import { promqlUnknownMetric } from './promql-unknown-metric.js';
import { seriesBudget } from './series-budget.js';
import { datasourceName } from './datasource-name.js';
import { splicedExpressions } from './spliced-expressions.js';
import { thresholdBands } from './threshold-bands.js';
import type { Check } from './types.js';
import { unknownReference } from './unknown-reference.js';
import { alertEngineBoth } from './alert-engine-both.js';
import { notificationsSmtp } from './notifications-smtp.js';
import { inhibitEqual } from './inhibit-equal.js';
import { unsafeUrl } from './unsafe-url.js';
import { rawHtml } from './raw-html.js';
import { sloObjective } from './slo-objective.js';
import { regexRe2 } from './regex-re2.js';
import { alertTestSize } from './alert-test-size.js';
import { durationSyntax } from './duration-syntax.js';
import { promqlLabelValue } from './promql-label-value.js';
import { sloTests } from './slo-tests.js';
import { alertRatioValue } from './alert-ratio-value.js';
import { recordingRuleUnused } from './recording-rule-unused.js';
import { recordingRuleLevel } from './recording-rule-level.js';
import { prometheus3 } from './prometheus3.js';
import { alertTestSeries } from './alert-test-series.js';
import { rulerOptions } from './ruler-options.js';

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
  alertEngineBoth,
  notificationsSmtp,
  inhibitEqual,
  datasourceName,
  goTemplates,
  splicedExpressions,
  literalSecrets,
  unsafeUrl,
  rawHtml,
  sloObjective,
  regexRe2,
  alertTestSize,
  durationSyntax,
  promqlLabelValue,
  sloTests,
  alertRatioValue,
  contactPointFields,
  recordingRuleUnused,
  recordingRuleLevel,
  prometheus3,
  alertTestSeries,
  rulerOptions,
];

export type { Check, CheckExample, CheckReport } from './types.js';
