/**
 * A label value as a double-quoted string that PromQL (https://prometheus.io/docs/prometheus/latest/querying/basics/#string-literals),
 * promtool's series notation and Alertmanager's matchers (https://prometheus.io/docs/alerting/latest/configuration/#matcher)
 * all read back as exactly that value: only `\`, `"` and newline are escaped, the escapes the three share
 * (Alertmanager keeps any other backslash sequence literally; PromQL ends a string at a raw newline).
 */
export function quoteLabelValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
