/**
 * The LogQL a log source stands for. The dashboards' "Error logs" link, the setup guide's log table
 * and the checks (which parse it) all ask for the same query.
 */

/** A log source's error lines: its selector followed by its error filter, or the selector alone. */
export function errorLinesQuery(source: { readonly selector: string; readonly errorFilter?: string | undefined }): string {
  return source.errorFilter ? `${source.selector} ${source.errorFilter}` : source.selector;
}
