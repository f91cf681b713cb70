/** One remark-lint finding, located in a generated document or a piece of spec prose. */
export interface LintMessage {
  readonly path: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly rule: string;
  readonly message: string;
}
