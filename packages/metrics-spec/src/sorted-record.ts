/**
 * A copy of a string record with its keys in code-unit order, so that emitted YAML and JSON
 * (labels, annotations, waivers) are the same bytes whatever order the spec wrote them in.
 */
export function sortedRecord(r: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
