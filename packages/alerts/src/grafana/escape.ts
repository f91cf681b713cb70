/**
 * Grafana file provisioning expands `$VAR` / `${VAR}` in most fields (labels, contact point
 * settings) but not in rule annotations. Literal dollars in expanded fields are written `$$`.
 */
export function escapeDollars(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

export function escapeRecord(r: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, escapeDollars(v)]));
}

/** Grafana uids: at most 40 characters of [a-zA-Z0-9-_]. */
export function grafanaUid(...parts: readonly string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
