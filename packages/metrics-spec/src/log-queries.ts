/**
 * The LogQL a log source stands for. The dashboards' "Error logs" link, the setup guide's log table
 * and the checks (which parse it) all ask for the same query.
 */

/** A log source's error lines: its selector followed by its error filter, or the selector alone. */
export function errorLinesQuery(source: { readonly selector: string; readonly errorFilter?: string | undefined }): string {
  return source.errorFilter ? `${source.selector} ${source.errorFilter}` : source.selector;
}

/** A LogQL string literal: backticks (raw, no escapes) unless the text holds one. */
function logqlString(text: string): string {
  return text.includes('`') ? JSON.stringify(text) : `\`${text}\``;
}

/** The log lines of one error pattern: its source's selector filtered by the pattern's RE2 (`|~`). */
export function patternLinesQuery(source: { readonly selector: string }, pattern: { readonly match: string }): string {
  return `${source.selector} |~ ${logqlString(pattern.match)}`;
}
