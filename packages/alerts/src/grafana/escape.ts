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

/** FNV-1a, 32 bits, as 8 hex digits: a short stable suffix that keeps truncated uids distinct. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Grafana uids: at most 40 characters of [a-z0-9-_]; longer ones keep a prefix and a hash of the whole. */
export function grafanaUid(...parts: readonly string[]): string {
  const full = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= 40) return full;
  return `${full.slice(0, 31).replace(/-+$/, '')}-${fnv1a(full)}`;
}
