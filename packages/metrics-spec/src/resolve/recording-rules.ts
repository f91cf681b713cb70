/** Recording rules: the spec's own with their inferred output labels, and each SLO's error-ratio rules. */
import type { MonspecDocument } from '../generated/spec-types.js';
import type { ResolvedRecordingRule, ResolvedSlo } from '../model.js';
import { inferLabels } from '../promql/analyze.js';
import type { CheckContext } from '../checks/context.js';
import { sortedRecord } from '../sorted-record.js';
import { byName } from './common.js';

export function resolveRecordingRules(spec: MonspecDocument, slos: readonly ResolvedSlo[], ctx: CheckContext): ResolvedRecordingRule[] {
  return [
    ...Object.entries(spec.recordingRules ?? {}).map(([name, r]): ResolvedRecordingRule => {
      const inferred = ctx.seriesLabels(name);
      return {
        name,
        expr: r.expr ?? '',
        description: r.description ?? '',
        unit: r.unit ?? 'count',
        labels: sortedRecord(r.labels ?? {}),
        outputLabels: inferred ? [...inferred].sort() : undefined,
        origin: 'spec',
        slo: undefined,
      };
    }),
    ...slos.flatMap((slo) =>
      Object.entries(slo.ratioRules).map(([window, name]): ResolvedRecordingRule => {
        const sub = (e: string) => e.replace(/\$window\b/g, window);
        const inferred = inferLabels(sub(slo.sli.errors), ctx.seriesLabels).labels;
        return {
          name,
          expr: `(${sub(slo.sli.errors)})\n/\n(${sub(slo.sli.total)})`,
          description: `Error ratio of SLO ${slo.name} over ${window}.`,
          unit: 'ratio',
          // The `slo:` level of the name is this label (level:metric:operations).
          labels: { slo: slo.name },
          outputLabels: inferred ? [...new Set([...inferred, 'slo'])].sort() : undefined,
          origin: 'slo',
          slo: slo.name,
        };
      }),
    ),
  ].sort(byName);
}
