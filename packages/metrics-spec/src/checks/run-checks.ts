import type { Diagnostic } from '../diagnostics.js';
import type { MonspecDocument } from '../generated/spec-types.js';
import { own } from '../own.js';
import { pointerSegments, type SourceMap } from '../source-map.js';
import { buildCheckContext, type CheckContext } from './context.js';
import { CHECKS } from './index.js';
import type { Check } from './types.js';

/**
 * Runs the checks over the merged, overlaid, expanded spec. A finding under /metrics/NAME is dropped
 * when that metric waives the check with a reason.
 */
export function runChecks(spec: MonspecDocument, sourceMap: SourceMap, diagnostics: Diagnostic[], checks: readonly Check[] = CHECKS): CheckContext {
  const ctx = buildCheckContext(spec);
  for (const check of checks) {
    check.run(ctx, (r) => {
      const segs = pointerSegments(r.pointer);
      if (segs[0] === 'metrics' && segs[1] !== undefined && own(own(spec.metrics, segs[1])?.waivers, check.id)) return;
      const location = r.atKey ? sourceMap.locateKey(r.pointer) : sourceMap.locate(r.pointer);
      diagnostics.push({ ruleId: check.id, severity: r.severity ?? check.severity, message: r.message, pointer: r.pointer, ...(location ? { location } : {}) });
    });
  }
  return ctx;
}
