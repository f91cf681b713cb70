/**
 * What a live alerting object and the spec's must agree on to be "the same", so an unchanged spec
 * plans nothing. Grafana's provisioning API
 * (https://grafana.com/docs/grafana/latest/developers/http_api/alerting_provisioning/) answers with
 * fields it adds: ids, `orgID`, `folderUID`, `ruleGroup`, `updated`, `provenance`, defaults such as
 * `notification_settings: null` or `keep_firing_for: "0s"`, durations in its own spelling (`5m` for
 * `300s`), and secure contact-point settings as "[REDACTED]". Only the fields monspec sets are
 * compared, plus any other field the live object holds with a non-empty value (someone set it).
 */
import { parseDuration } from '@monspec/metrics-spec';
import type { Json } from './alerting-desired.js';

/** Grafana's placeholder for a secure setting on GET (the value is never returned). */
export const REDACTED = '[REDACTED]';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value Grafana writes for "not set". */
function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === false || v === 0 || v === '0s' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

/** `live` restricted to the keys `desired` has plus its non-empty others, recursively; durations in seconds. */
export function comparable(live: unknown, desired: unknown, durations: ReadonlySet<string>, key = ''): unknown {
  if (durations.has(key) && typeof live === 'string' && typeof desired === 'string') {
    const [a, b] = [parseDuration(live), parseDuration(desired)];
    if (Number.isFinite(a) && a === b) return desired;
  }
  if (isObject(live) && isObject(desired)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(live)) {
      if (k in desired) out[k] = comparable(v, desired[k], durations, k);
      else if (!isEmpty(v)) out[k] = v;
    }
    return out;
  }
  if (Array.isArray(live) && Array.isArray(desired) && live.length === desired.length) return live.map((v, i) => comparable(v, desired[i], durations, key));
  return live;
}

/** Fields of the API's objects that are server-side bookkeeping, never the spec's. */
const SERVER_FIELDS: ReadonlySet<string> = new Set(['id', 'orgID', 'updated', 'provenance', 'folderUID', 'ruleGroup']);

export function withoutServerFields(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !SERVER_FIELDS.has(k)));
}

/** Contact point settings: a redacted live value stands for whatever the spec sets (it cannot be compared). */
export function comparableSettings(live: Json, desired: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(live)) {
    if (v === REDACTED && k in desired) out[k] = desired[k];
    else if (k in desired || !isEmpty(v)) out[k] = v;
  }
  return out;
}
