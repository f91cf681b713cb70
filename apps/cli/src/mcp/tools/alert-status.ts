import { alertDashboardUrl, indexModel, runbookLink, type ResolvedModel } from '@monspec/metrics-spec';
import { z } from 'zod';
import { alertmanagerAlerts, prometheusAlerts } from '../live.js';
import { EnvironmentArg, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';

const input = z.strictObject({
  name: z.string().optional().describe('Only this alert (default: every active alert).'),
  environment: EnvironmentArg,
});
const Active = z.object({
  name: z.string(),
  source: z.enum(['prometheus', 'alertmanager']),
  /** Prometheus: pending or firing; Alertmanager: active, suppressed (inhibited or silenced) or unprocessed. */
  state: z.string(),
  severity: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  since: z.string().optional(),
  value: z.string().optional(),
  receivers: z.array(z.string()).optional(),
  inSpec: z.boolean(),
  summary: z.string().optional(),
  runbook: z.string().optional(),
  dashboard: z.string().optional(),
});
const output = z.object({ alerts: z.array(Active) });

/** The spec's facts about an active alert: its summary, runbook and panel link (by name and severity). */
function specLinks(model: ResolvedModel, name: string, severity: string | undefined) {
  const rules = indexModel(model).alerts(name);
  const rule = rules.find((a) => a.severity === severity) ?? rules[0];
  if (!rule) return { inSpec: false };
  return { inSpec: true, summary: rule.summary, runbook: runbookLink(model, name), dashboard: alertDashboardUrl(model, rule) };
}

export function alertStatusTool(session: Session, prometheus: string | undefined, alertmanager: string | undefined): ToolDefinition<typeof input, typeof output> {
  const from = [prometheus && `Prometheus ${prometheus} (/api/v1/alerts: pending and firing)`, alertmanager && `Alertmanager ${alertmanager} (/api/v2/alerts: active, inhibited, silenced)`].filter(Boolean).join(' and ');
  return {
    title: 'Which spec alerts are pending or firing now',
    description: `The alerts active now in ${from}, matched to the spec's alerts by name and severity, each with its runbook and dashboard panel link. inSpec is false for an active alert the spec does not declare.`,
    input,
    output,
    annotations: readOnly('Active alerts', true),
    async run({ name, environment }) {
      const model = session.model(environment);
      const [prom, am] = await Promise.all([prometheus ? prometheusAlerts(prometheus) : [], alertmanager ? alertmanagerAlerts(alertmanager) : []]);
      const alerts: Array<z.infer<typeof Active>> = [
        ...prom.map((a) => ({
          name: a.labels.alertname ?? '',
          source: 'prometheus' as const,
          state: a.state,
          ...(a.labels.severity ? { severity: a.labels.severity } : {}),
          labels: a.labels,
          ...(a.activeAt ? { since: a.activeAt } : {}),
          ...(a.value ? { value: a.value } : {}),
          ...specLinks(model, a.labels.alertname ?? '', a.labels.severity),
        })),
        ...am.map((a) => ({
          name: a.labels.alertname ?? '',
          source: 'alertmanager' as const,
          state: a.status.state,
          ...(a.labels.severity ? { severity: a.labels.severity } : {}),
          labels: a.labels,
          since: a.startsAt,
          receivers: a.receivers.map((r) => r.name),
          ...specLinks(model, a.labels.alertname ?? '', a.labels.severity),
        })),
      ];
      return { alerts: alerts.filter((a) => name === undefined || a.name === name).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.source < b.source ? -1 : 1)) };
    },
  };
}
