/**
 * GET/POST against a server's JSON HTTP API, bounded in time, with the Prometheus API envelope
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#format-overview). Every failure is
 * an error made by the caller's `fail` (a tool error for `monspec mcp`, a usage error or a per-query
 * error for `monspec preview`), its message naming the URL: "Unexpected …, expected …".
 */

const API_TIMEOUT_MS = 10_000;

export type Fail = (message: string, kind: 'unreachable' | 'refused') => Error;

/** `base + path` as JSON; an unreachable server, a timeout or a non-JSON answer fails as `unreachable`. */
export async function fetchJson(base: string, path: string, fail: Fail, body?: URLSearchParams): Promise<{ status: number; body: unknown }> {
  const url = `${base}${path}`;
  let response: Response;
  let text: string;
  const signal = AbortSignal.timeout(API_TIMEOUT_MS);
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' }, ...(body ? { method: 'POST', body } : {}) });
    text = await response.text();
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    // Our own signal says whether it was the timeout (not the error's name, which anything may carry).
    const why = signal.aborted ? `no answer within ${API_TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? (err as Error).message);
    throw fail(`Unexpected failure fetching ${url} (${why}), expected the server to answer`, 'unreachable');
  }
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw fail(`Unexpected HTTP ${response.status} answer from ${url} that is not JSON (${JSON.stringify(text.slice(0, 80))}), expected the API's JSON`, 'unreachable');
  }
}

interface PromEnvelope<T> {
  status?: string;
  data?: T;
  error?: string;
  errorType?: string;
}

/** A Prometheus API call's `data`; Prometheus's own error (a PromQL parse error, say) fails as `refused`. */
export async function prometheusData<T>(base: string, path: string, fail: Fail, body?: URLSearchParams): Promise<T> {
  const { status, body: answer } = await fetchJson(base, path, fail, body);
  const envelope = answer as PromEnvelope<T>;
  if (envelope.status !== 'success' || envelope.data === undefined) {
    throw fail(`Unexpected HTTP ${status} from Prometheus ${base}${path.split('?')[0]}: ${envelope.errorType ?? 'error'}: ${envelope.error ?? JSON.stringify(answer).slice(0, 200)}, expected status success`, 'refused');
  }
  return envelope.data;
}

export interface PromSample {
  readonly metric: Record<string, string>;
  readonly value?: [number, string];
  readonly values?: Array<[number, string]>;
}

export interface PromQueryData {
  readonly resultType: 'vector' | 'matrix' | 'scalar' | 'string';
  readonly result: PromSample[] | [number, string];
}
