/**
 * Two prompts for the common jobs: triage a firing alert (its runbook, live values, links) and add an
 * alert for a metric (through preview_change and apply_change, so the checks run before anything is written).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { alertDashboardUrl, didYouMean, indexModel } from '@monspec/metrics-spec';
import { z } from 'zod';
import { explain, explanationRecord, unknownNameMessage } from '../explain/explain.js';
import { instantQuery, prometheusAlerts, type PromAlert } from './live.js';
import { runbookText } from './resources.js';
import type { Session } from './session.js';
import { ToolError } from './tool-error.js';

function userMessage(text: string) {
  return { messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
}

/** What Prometheus says now about an alert: its state and the current value of its signal; a line saying why not, when it cannot. */
async function liveLines(prometheus: string | undefined, name: string, expr: string | undefined): Promise<string[]> {
  if (prometheus === undefined) return ['(no --prometheus given to monspec mcp: no live values; use the runbook queries in Grafana)'];
  try {
    // A Loki alert's signal is LogQL, which Prometheus cannot run: only its state is asked for.
    const [alerts, signal] = await Promise.all([prometheusAlerts(prometheus), expr === undefined ? undefined : instantQuery(prometheus, expr)]);
    if (signal === undefined || expr === undefined) return [stateLine(alerts, name), 'Signal now: a Loki (LogQL) alert; use error_patterns for its log queries.'];
    const values = Array.isArray(signal.result) && signal.resultType === 'vector' ? (signal.result as Array<{ metric: Record<string, string>; value?: [number, string] }>) : [];
    return [
      stateLine(alerts, name),
      `Signal now (${expr.replace(/\n/g, ' ')}): ${values.length ? values.map((s) => `${JSON.stringify(s.metric)} = ${s.value?.[1] ?? '?'}`).join('; ') : 'no series'}`,
    ];
  } catch (err) {
    if (err instanceof ToolError) return [`(live values unavailable: ${err.message})`];
    throw err;
  }
}

function stateLine(alerts: readonly PromAlert[], name: string): string {
  const active = alerts.filter((a) => a.labels.alertname === name);
  return active.length ? `State now: ${active.map((a) => `${a.state} since ${a.activeAt ?? '?'} (${Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(', ')})`).join('; ')}` : 'State now: not pending or firing in Prometheus.';
}

export function registerPrompts(server: McpServer, session: Session): void {
  server.registerPrompt(
    'triage_alert',
    {
      title: 'Triage an alert',
      description: "Triage a firing alert of the spec: its meaning, condition, runbook, live state and signal (with --prometheus), the dashboard panel and what to do next.",
      argsSchema: { alert: z.string().min(1).describe('The alert name, e.g. HighErrorRate.') },
    },
    async ({ alert }) => {
      const model = session.model();
      const rules = indexModel(model).alerts(alert);
      const first = rules[0];
      if (!first) throw new ToolError(unknownNameMessage(model, alert));
      const e = explain(model, alert);
      const facts = e ? JSON.stringify(explanationRecord(e), null, 2) : '';
      const live = await liveLines(session.options.prometheus, alert, first.datasource === 'prometheus' ? first.expr : undefined);
      return userMessage(
        [
          `Triage the alert ${alert} of ${model.service.title} (${model.environment}). Work from the facts below; say what the live data shows, which diagnosis step to take first, and link the panel and runbook.`,
          '',
          '## Live',
          ...live,
          '',
          `## Dashboard panel`,
          alertDashboardUrl(model, first),
          '',
          '## What the spec says (explain)',
          '```json',
          facts,
          '```',
          '',
          '## Runbook',
          await runbookText(session, alert),
          '',
          'Tools: `query` runs the runbook\'s diagnosis queries live, `deeplink` opens a panel or Explore for the incident\'s time range, `error_patterns` gives the log queries. To change the threshold, `preview_change` then `apply_change`.',
        ].join('\n'),
      );
    },
  );

  server.registerPrompt(
    'add_alert',
    {
      title: 'Add an alert for a metric',
      description: 'Draft a new alert on a metric of the spec, with a named threshold, a runbook, a dashboard panel and promtool tests, then check it with preview_change before apply_change writes it.',
      argsSchema: { metric: z.string().min(1).describe('The metric or recording rule the alert watches.') },
    },
    ({ metric }) => {
      const model = session.model();
      const index = indexModel(model);
      if (!index.metric(metric) && !index.recordingRule(metric)) {
        const names = [...model.metrics.map((m) => m.name), ...model.recordingRules.map((r) => r.name)];
        throw new ToolError(`Unexpected metric ${JSON.stringify(metric)}, expected a metric or recording rule of the spec${didYouMean(metric, names)}`);
      }
      const e = explain(model, metric);
      const example = model.alerts.find((a) => a.origin === 'spec' && a.condition?.threshold);
      return userMessage(
        [
          `Add an alert for ${metric} to the spec of ${model.service.title}.`,
          '',
          '## The metric',
          '```json',
          e ? JSON.stringify(explanationRecord(e), null, 2) : '',
          '```',
          '',
          '## How',
          '1. Read monspec://spec/thresholds.yaml and monspec://spec/alerts.yaml (and runbooks.yaml) for the conventions; declare the level once as a threshold (warning/critical, unit, direction) and reference it: `condition: { op: ">", threshold: NAME.critical }`.',
          `2. Give the alert severity, for, summary, description, dashboard (DASHBOARD_UID/PANEL_KEY: ${model.dashboards.map((d) => d.uid).join(', ')}), runbook content and tests (a series just below and just above the threshold, using \${threshold}).`,
          example ? `   An existing alert to copy the shape of: ${example.name} (explain it, and read it in monspec://spec/${example.sourceFile ?? 'alerts.yaml'}).` : '',
          '3. Call preview_change with the changed files: fix every diagnostic (file:line) until valid is true, and show the diff.',
          '4. Only then call apply_change (needs monspec mcp --allow-write), and run_tests to run promtool over the new alert\'s tests.',
        ].filter((l) => l !== '').join('\n'),
      );
    },
  );
}
