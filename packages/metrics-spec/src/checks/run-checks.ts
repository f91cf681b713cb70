import { causedBy, type Diagnostic, type RelatedDiagnostic } from '../diagnostics.js';
import type { MonspecDocument } from '../generated/spec-types.js';
import { own } from '../own.js';
import { pointerSegments, type SourceMap } from '../source-map.js';
import { buildCheckContext, type CheckContext } from './context.js';
import { CHECKS } from './index.js';
import type { Check } from './types.js';

interface Finding {
  readonly diagnostic: Diagnostic;
  readonly subject?: string;
  readonly cause?: string;
}

/**
 * Runs the checks over the merged, overlaid, expanded spec. A finding under /metrics/NAME is dropped
 * when that metric waives the check with a reason. A finding whose `cause` is the `subject` of an
 * error is not reported on its own but listed under that error (`related`): one mistake, one error.
 */
export function runChecks(spec: MonspecDocument, sourceMap: SourceMap, diagnostics: Diagnostic[], checks: readonly Check[] = CHECKS): CheckContext {
  const ctx = buildCheckContext(spec);
  const findings: Finding[] = [];
  for (const check of checks) {
    check.run(ctx, (r) => {
      const segs = pointerSegments(r.pointer);
      if (segs[0] === 'metrics' && segs[1] !== undefined && own(own(spec.metrics, segs[1])?.waivers, check.id)) return;
      const location = r.atKey ? sourceMap.locateKey(r.pointer) : sourceMap.locate(r.pointer);
      const diagnostic: Diagnostic = { ruleId: check.id, severity: r.severity ?? check.severity, message: r.message, pointer: r.pointer, ...(location ? { location } : {}) };
      findings.push({ diagnostic, ...(r.subject !== undefined ? { subject: r.subject } : {}), ...(r.cause !== undefined ? { cause: r.cause } : {}) });
    });
  }
  const roots = findings.filter((f) => f.subject !== undefined && f.diagnostic.severity === 'error');
  const related = new Map<Finding, RelatedDiagnostic[]>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const root = f.cause === undefined ? undefined : roots.find((r) => r !== f && causedBy(f.cause as string, r.subject as string));
    if (!root) {
      kept.push(f);
      continue;
    }
    const { ruleId, message, location } = f.diagnostic;
    related.set(root, [...(related.get(root) ?? []), { ruleId, message, ...(location ? { location } : {}) }]);
  }
  for (const f of kept) {
    const rel = related.get(f);
    diagnostics.push(rel ? { ...f.diagnostic, related: rel } : f.diagnostic);
  }
  return ctx;
}
