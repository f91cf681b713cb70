import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { checkGoTemplate, type GoTemplateDialect } from '../go-template/check.js';

const RUNBOOK = "runbooks:\n  DemoOther: { meaning: x, impact: x, diagnosis: [{ title: x }], mitigation: [x], escalation: [x] }\n";
const alert = (field: string) =>
  `${RUNBOOK}alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/errors\n    ${field}\n`;

/**
 * Every spec text Prometheus or Alertmanager renders as a Go template: alert descriptions,
 * summaries, annotations and label values (Prometheus expands both, as does Loki's ruler), the URLs
 * that end up in annotations, and the Slack channel and email addresses of contact points
 * (Alertmanager expands those per notification).
 */
function* templatedFields(ctx: Parameters<Check['run']>[0]): Generator<{ pointer: string; text: string; dialect: GoTemplateDialect; what: string }> {
  const { spec } = ctx;
  for (const [name, a] of Object.entries(spec.alerts ?? {})) {
    const base = `/alerts/${p(name)}`;
    for (const field of ['summary', 'description'] as const) {
      const text = a[field];
      if (text !== undefined) yield { pointer: `${base}/${field}`, text, dialect: 'prometheus', what: `the ${field} of alert ${name}` };
    }
    for (const [k, v] of Object.entries(a.annotations ?? {})) yield { pointer: `${base}/annotations/${p(k)}`, text: v, dialect: 'prometheus', what: `annotation ${k} of alert ${name}` };
    for (const [k, v] of Object.entries(a.labels ?? {})) yield { pointer: `${base}/labels/${p(k)}`, text: v, dialect: 'prometheus', what: `label ${k} of alert ${name}` };
  }
  for (const [name, slo] of Object.entries(spec.slos ?? {})) {
    const base = `/slos/${p(name)}/alert`;
    for (const field of ['summary', 'description'] as const) {
      const text = slo.alert?.[field];
      if (text !== undefined) yield { pointer: `${base}/${field}`, text, dialect: 'prometheus', what: `the ${field} of the alert of SLO ${name}` };
    }
    for (const [k, v] of Object.entries(slo.alert?.labels ?? {})) yield { pointer: `${base}/labels/${p(k)}`, text: v, dialect: 'prometheus', what: `label ${k} of the alert of SLO ${name}` };
  }
  const s = spec.service;
  if (s?.grafana?.url !== undefined) yield { pointer: '/service/grafana/url', text: s.grafana.url, dialect: 'prometheus', what: 'the Grafana URL (in every dashboard_url annotation)' };
  if (s?.runbookBaseUrl !== undefined) yield { pointer: '/service/runbookBaseUrl', text: s.runbookBaseUrl, dialect: 'prometheus', what: 'the runbook base URL (in every runbook_url annotation)' };
  for (const [name, cp] of Object.entries(spec.notifications?.contactPoints ?? {})) {
    const base = `/notifications/contactPoints/${p(name)}`;
    if (cp.channel !== undefined) yield { pointer: `${base}/channel`, text: cp.channel, dialect: 'alertmanager', what: `the channel of contact point ${name}` };
    // Alertmanager renders an email receiver's `to`, one address per receiver.
    const addresses = cp.type === 'email' ? (cp.addresses ?? []) : [];
    for (const [i, addr] of addresses.entries()) yield { pointer: `${base}/addresses/${i}`, text: addr, dialect: 'alertmanager', what: `address ${i + 1} of contact point ${name}` };
  }
}

export const goTemplates: Check = {
  id: 'go-templates',
  severity: 'error',
  description:
    'Every text Prometheus or Alertmanager renders as a Go template (alert summaries, descriptions, annotations and label values, the URLs put into annotations, contact point channels and email addresses) parses as Go does, uses only the functions and data fields that host has ($labels, $value, .Labels, .Value, .ExternalURL for alerts; .Status, .Alerts, .CommonLabels, ... for notifications), compares operands of one type (gt $value 1.0, not 1) and uses no {{define}}, {{template}} or {{block}}, so nothing fails at notification time. Common labels, which are also route matchers, are not templated.',
  examples: {
    valid: [
      { title: 'labels, value and functions in an alert description', yaml: alert("annotations: { detail: '{{ $labels.instance }} at {{ $value | humanizePercentage }} of {{ .ExternalURL }}' }") },
      {
        title: 'a templated Slack channel',
        yaml: "notifications:\n  contactPoints:\n    chat:\n      type: slack\n      description: x\n      channel: '#alerts-{{ .CommonLabels.team }}{{ if eq .Status \"resolved\" }}-ok{{ end }}'\n      secret: { env: SLACK_URL }\n",
      },
    ],
    invalid: [
      { title: 'an unclosed action', yaml: alert("annotations: { detail: 'at {{ $value ' }"), message: 'Unexpected unclosed action in annotation detail of alert DemoOther' },
      { title: 'an unknown field', yaml: alert("annotations: { detail: '{{ .Foo }}' }"), message: "Unexpected field .Foo (can't evaluate field Foo" },
      { title: 'an unknown function', yaml: alert("labels: { owner: '{{ humanise $value }}' }"), message: 'Unexpected function "humanise" not defined in label owner of alert DemoOther (Prometheus Go template), expected a function of the template language (did you mean "humanize"?)' },
      { title: 'a named template', yaml: alert('annotations: { detail: \'{{ template "slack.text" . }}\' }'), message: 'Unexpected {{template "slack.text"}}' },
      { title: 'an if without end', yaml: alert("annotations: { detail: '{{ if gt $value 1.0 }}high' }"), message: 'Unexpected end of text in annotation detail of alert DemoOther (Prometheus Go template), expected {{end}} closing {{if}}' },
      {
        title: 'a templated common label (a route matcher)',
        yaml: "environments:\n  prod:\n    default: true\n    description: x\n    overlay:\n      service:\n        alerting:\n          commonLabels: { team: '{{ $labels.owner }}' }\n",
        message: 'Unexpected Go template in common label team, expected a literal value',
      },
      {
        title: 'a comparison of $value with an integer',
        yaml: alert("annotations: { detail: '{{ if gt $value 1 }}high{{ end }}' }"),
        message: 'Unexpected gt of float and int (incompatible types for comparison) in annotation detail of alert DemoOther (Prometheus Go template), expected operands of one type, e.g. gt $value 1.0',
      },
      {
        title: 'a Prometheus variable in a Slack channel',
        yaml: "notifications:\n  contactPoints:\n    chat:\n      type: slack\n      description: x\n      channel: '#{{ $labels.team }}'\n      secret: { env: SLACK_URL }\n",
        message: 'Unexpected undefined variable "$labels" in the channel of contact point chat (Alertmanager',
      },
    ],
  },
  run(ctx, report) {
    // Common labels are also the matchers of this service's Alertmanager routes and inhibitions: a
    // template would render differently on the alert than the matcher reads, and nothing would route.
    for (const [k, v] of Object.entries(ctx.spec.service?.alerting?.commonLabels ?? {})) {
      if (v.includes('{{')) report({ pointer: `/service/alerting/commonLabels/${p(k)}`, message: `Unexpected Go template in common label ${k}, expected a literal value (Alertmanager routes and inhibitions match common labels as written)` });
    }
    for (const site of templatedFields(ctx)) {
      if (!site.text.includes('{{')) continue;
      const r = checkGoTemplate(site.text, site.dialect);
      if (!r.ok) {
        const host = site.dialect === 'prometheus' ? 'Prometheus' : 'Alertmanager';
        report({ pointer: site.pointer, message: `Unexpected ${r.problem} in ${site.what} (${host} Go template), expected ${r.expected}` });
      }
    }
  },
};
