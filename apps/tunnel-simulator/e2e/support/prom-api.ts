/** The few Prometheus and Alertmanager HTTP API calls the e2e test asserts through. */
export interface PromAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly state: 'pending' | 'firing' | 'inactive';
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The value of an instant query that returns one sample, or undefined when it returns none. */
export async function queryValue(base: string, expr: string): Promise<number | undefined> {
  const body = await getJson<{ data: { result: { value: [number, string] }[] } }>(`${base}/api/v1/query?query=${encodeURIComponent(expr)}`);
  const [first] = body.data.result;
  return first ? Number(first.value[1]) : undefined;
}

/** Pending and firing alerts. */
export async function activeAlerts(base: string): Promise<PromAlert[]> {
  const body = await getJson<{ data: { alerts: PromAlert[] } }>(`${base}/api/v1/alerts`);
  return body.data.alerts;
}

export async function ruleCount(base: string): Promise<{ recording: number; alerting: number }> {
  const body = await getJson<{ data: { groups: { rules: { type: string }[] }[] } }>(`${base}/api/v1/rules`);
  const rules = body.data.groups.flatMap((g) => g.rules);
  return { recording: rules.filter((r) => r.type === 'recording').length, alerting: rules.filter((r) => r.type === 'alerting').length };
}

export async function ready(base: string): Promise<true | undefined> {
  const res = await fetch(`${base}/-/ready`, { signal: AbortSignal.timeout(2000) });
  return res.ok ? true : undefined;
}

/** An alert as Alertmanager holds it: `suppressed` with `inhibitedBy` fingerprints when an inhibit rule mutes it. */
export interface AmAlert {
  readonly fingerprint: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly status: { readonly state: 'active' | 'suppressed' | 'unprocessed'; readonly inhibitedBy: readonly string[]; readonly silencedBy: readonly string[] };
}

export async function alertmanagerAlerts(base: string): Promise<AmAlert[]> {
  return getJson<AmAlert[]>(`${base}/api/v2/alerts`);
}

/** The configuration Alertmanager is running, as YAML text. */
export async function alertmanagerConfig(base: string): Promise<string> {
  return (await getJson<{ config: { original: string } }>(`${base}/api/v2/status`)).config.original;
}
