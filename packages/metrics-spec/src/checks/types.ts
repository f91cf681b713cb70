import type { DiagnosticSeverity } from '../diagnostics.js';
import type { CheckContext } from './context.js';

export interface CheckReport {
  /** JSON pointer of the offending value in the merged spec. */
  readonly pointer: string;
  /** Shaped "Unexpected X, expected Y". */
  readonly message: string;
  /** Point at the mapping key rather than its value. */
  readonly atKey?: boolean;
  /** Overrides the check's default severity for this finding. */
  readonly severity?: DiagnosticSeverity;
  /**
   * What this finding says is broken, as a key such as `threshold:latency.critical`. Findings of any
   * check whose `cause` is this key (or lies under it: `threshold:latency` covers
   * `threshold:latency.critical`) are folded under this one when it is an error.
   */
  readonly subject?: string;
  /** The key of what this finding follows from (a placeholder naming a threshold level that is broken). */
  readonly cause?: string;
}

/** A spec fragment for a check's examples; added as one more file to a small valid base spec. */
export interface CheckExample {
  readonly title: string;
  /** YAML text of the extra file (a partial monspec document). */
  readonly yaml: string;
  /** For invalid examples: a fragment the reported message contains. */
  readonly message?: string;
  /** For invalid examples: the file the finding points into, when not the example's own (default example.yaml). */
  readonly file?: string;
}

/**
 * One semantic check, remark-lint style: an id, a default severity, a description and examples that
 * double as its tests (valid examples report nothing from this check, invalid ones report `message`).
 */
export interface Check {
  readonly id: string;
  readonly severity: DiagnosticSeverity;
  readonly description: string;
  readonly examples: { readonly valid: readonly CheckExample[]; readonly invalid: readonly CheckExample[] };
  run(ctx: CheckContext, report: (r: CheckReport) => void): void;
}
