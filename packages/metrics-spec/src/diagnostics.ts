/** Diagnostics are collected, never thrown: every stage appends to one list and the CLI reports it. */

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface SourceLocation {
  /** Path of the spec file, as the caller named it (relative to the spec directory). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export interface Diagnostic {
  /** Check or stage id, e.g. `schema`, `yaml-syntax`, `promql-unknown-metric`. */
  readonly ruleId: string;
  readonly severity: DiagnosticSeverity;
  /** Shaped "Unexpected X, expected Y". */
  readonly message: string;
  /** Where in the spec; absent only for whole-spec findings (e.g. an empty directory). */
  readonly location?: SourceLocation;
  /** JSON pointer into the merged spec, when the finding is about a value. */
  readonly pointer?: string;
  /**
   * Findings that follow from this one (a bad threshold level makes every `${threshold}` that uses
   * it unknown): not reported on their own, listed here so one mistake gives one error.
   */
  readonly related?: readonly RelatedDiagnostic[];
}

export interface RelatedDiagnostic {
  readonly ruleId: string;
  readonly message: string;
  readonly location?: SourceLocation;
}

/** Whether the key `cause` is `subject` or lies under it (`threshold:a` covers `threshold:a.critical`). */
export function causedBy(cause: string, subject: string): boolean {
  return cause === subject || cause.startsWith(`${subject}.`);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output: file, line, column, then rule id. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.location?.column ?? 0;
    const cb = b.location?.column ?? 0;
    if (ca !== cb) return ca - cb;
    return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}

/** At most `max` characters of a value for a message: a long expression is quoted once, shortened. */
export function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
