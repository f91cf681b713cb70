/** The guide's checklists: implementation steps and the verification after deploying. */
import { inline } from '../../markdown/fragment.js';
import { withRole } from '@monspec/metrics-spec';
import { code, count, link } from '../../markdown/inline.js';
import { runbookDoc } from '../../paths.js';
import { contactPointLabel, routeFor, usesLoki } from '../common.js';
import type { SetupGround } from './ground.js';
import type { SetupView } from './types.js';

export function checklistsSection(g: SetupGround): Pick<SetupView, 'implementation' | 'verification'> {
  const { model, ctx, s, index, prom, loki, upQuery, known, ruleFiles, alertNames, outputs } = g;
  const implementation = [
    {
      title: 'Verify prerequisites',
      items: [
        inline`Prometheus scrapes ${code(s.job)}: ${code(upQuery)} is 1 for each of the ${s.replicas} replicas.`,
        usesLoki(model) ? inline`Datasources ${ctx.text(prom.name)} and ${ctx.text(loki.name)} exist in Grafana with the uids above.` : inline`Datasource ${ctx.text(prom.name)} exists in Grafana with the uid above.`,
      ],
    },
    {
      title: 'Provision dashboards',
      items: model.dashboards.map((d) => {
        const file = withRole(outputs, 'grafana-dashboard', d.uid)[0];
        return file ? inline`${ctx.text(d.title)} (${code(file.path)}, ${count(d.panels.length, 'panel')})` : inline`${ctx.text(d.title)} (${count(d.panels.length, 'panel')})`;
      }),
    },
    {
      title: 'Load recording and alerting rules',
      items: [
        ...ruleFiles.map((f) => inline`${code(f)} loaded.`),
        inline`${code('monspec test')} passes (promtool rule unit tests and Alertmanager routing).`,
        ...alertNames.map((n) => inline`${link(ctx.text(n), runbookDoc(n))} loaded (${index.alerts(n).map((a) => a.severity).join(', ')}).`),
      ],
    },
    {
      title: 'Configure notifications',
      items: [
        ...model.notifications.contactPoints.map((cp) => inline`Contact point ${contactPointLabel(cp, ctx)} configured${cp.secretEnv || cp.secretFile ? inline` with ${code(cp.secretEnv ?? cp.secretFile ?? '')}` : ''}.`),
        ...model.notifications.routes.map((r) => inline`${code(r.severity)} alerts route to ${routeFor(model, r.severity, ctx)}.`),
      ],
    },
    {
      title: 'Publish documentation',
      items: [
        inline`Runbooks published${s.runbookBaseUrl ? inline` at ${ctx.autolink(s.runbookBaseUrl)}` : ''}; every alert's ${code('runbook_url')} opens its page.`,
        'Dashboard deeplinks in this guide open the provisioned dashboards.',
      ],
    },
  ];

  const verification = [
    ...model.dashboards.map((d) => inline`${ctx.text(d.title)} shows data in every panel over the last hour.`),
    inline`${code('monspec test')} passes: every alert's unit tests fire (and stay quiet) as declared${known.promtoolTestCases === undefined ? '' : ` (${count(known.promtoolTestCases, 'test case')})`}.`,
    'A test notification reaches every contact point.',
    ...(model.logs.sources.length ? ['The Loki queries in this guide return log lines for the last hour.'] : []),
    'Each runbook link in the alerts table opens its runbook.',
  ];

  return { implementation, verification };
}
