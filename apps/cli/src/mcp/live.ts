/**
 * The live side of `monspec mcp --prometheus URL --alertmanager URL`: GETs against their HTTP APIs
 * (Prometheus https://prometheus.io/docs/prometheus/latest/querying/api/, Alertmanager's v2 API
 * https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml), bounded in time, every
 * failure a tool error naming the URL.
 */
import { fetchJson, prometheusData as prometheusApiData, type Fail, type PromQueryData } from '../http/json-api.js';
import { ToolError } from './tool-error.js';

/** A failure of the live side is a tool error: the client sees it, the server keeps serving. */
const toolError: Fail = (message) => new ToolError(message);

const prometheusData = <T>(base: string, path: string): Promise<T> => prometheusApiData<T>(base, path, toolError);

const getJson = (base: string, path: string) => fetchJson(base, path, toolError);

export type { PromQueryData, PromSample } from '../http/json-api.js';

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
