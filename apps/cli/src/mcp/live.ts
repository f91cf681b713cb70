/**
 * The live side of `monspec mcp --prometheus URL --alertmanager URL`: GETs against their HTTP APIs
 * (Prometheus https://prometheus.io/docs/prometheus/latest/querying/api/, Alertmanager's v2 API
 * https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml), bounded in time, every
 * failure a tool error naming the URL.
 */
import { ToolError } from './tool-error.js';

const TIMEOUT_MS = 10_000;


/** GET `base + path` as JSON; an unreachable server, a timeout or a non-JSON answer is a tool error. */
async function getJson(base: string, path: string): Promise<{ status: number; body: unknown }> {
  const url = `${base}${path}`;
  let response: Response;
  let text: string;
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
    text = await response.text();
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    // Our own signal says whether it was the timeout (not the error's name, which anything may carry).
    const why = signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? (err as Error).message);
    throw new ToolError(`Unexpected failure fetching ${url} (${why}), expected the server to answer`);
  }
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new ToolError(`Unexpected HTTP ${response.status} answer from ${url} that is not JSON (${JSON.stringify(text.slice(0, 80))}), expected the API's JSON`);
  }
}

interface PromEnvelope<T> {
  status?: string;
  data?: T;
  error?: string;
  errorType?: string;
}

/** A Prometheus API call's `data`, or a tool error carrying Prometheus's own error text (a PromQL parse error, say). */
async function prometheusData<T>(base: string, path: string): Promise<T> {
  const { status, body } = await getJson(base, path);
  const envelope = body as PromEnvelope<T>;
  if (envelope.status !== 'success' || envelope.data === undefined) {
    throw new ToolError(`Unexpected HTTP ${status} from Prometheus ${base}${path.split('?')[0]}: ${envelope.errorType ?? 'error'}: ${envelope.error ?? JSON.stringify(body).slice(0, 200)}, expected status success`);
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

export function instantQuery(base: string, promql: string, time?: string): Promise<PromQueryData> {
  return prometheusData<PromQueryData>(base, `/api/v1/query?query=${encodeURIComponent(promql)}${time === undefined ? '' : `&time=${encodeURIComponent(time)}`}`);
}

export interface PromAlert {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly state: 'pending' | 'firing' | 'inactive';
  readonly activeAt?: string;
  readonly value?: string;
}

export async function prometheusAlerts(base: string): Promise<PromAlert[]> {
  return (await prometheusData<{ alerts: PromAlert[] }>(base, '/api/v1/alerts')).alerts;
}

export interface AmAlert {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly startsAt: string;
  readonly status: { readonly state: 'active' | 'suppressed' | 'unprocessed'; readonly inhibitedBy: string[]; readonly silencedBy: string[] };
  readonly receivers: Array<{ readonly name: string }>;
}

export async function alertmanagerAlerts(base: string): Promise<AmAlert[]> {
  const { status, body } = await getJson(base, '/api/v2/alerts');
  if (status !== 200 || !Array.isArray(body)) throw new ToolError(`Unexpected HTTP ${status} from Alertmanager ${base}/api/v2/alerts: ${JSON.stringify(body).slice(0, 200)}, expected 200 with a list of alerts`);
  return body as AmAlert[];
}
