/**
 * The metric exposition, and the "drift" mode that renames a metric in it: what a service would
 * expose had someone renamed a metric by hand, for `monspec check-endpoint` to catch.
 */
export const DRIFT_RENAME = { from: 'tunnel_active_connections', to: 'tunnel_active_tunnels' } as const;

export function renameMetric(text: string, from: string, to: string): string {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(^|# (?:HELP|TYPE) )${escaped}(?=[ {_])`, 'gm'), `$1${to}`);
}
