/**
 * The fleet's docs index (docs/FLEET.md) and manifest (fleet.json): every service with its owner,
 * SLOs and objectives, its alerts by severity and links into its own docs (found by role).
 */
import { SEVERITIES, type Artifact, type Workspace } from '@monspec/metrics-spec';
import type { FleetEntry } from './entry.js';

const FLEET_DOCS_PATH = 'docs/FLEET.md';
const FLEET_MANIFEST_PATH = 'fleet.json';

/** From OUT/org/<env>/docs/ to OUT/<service>/<env>/<path>. */
function serviceLink(service: FleetEntry, path: string): string {
  return `../../../${service.name}/${service.environment}/${path}`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(6))} %`;
}

export function fleetDocs(services: readonly FleetEntry[], org: Workspace['org'], environment: string): Artifact {
  const lines: string[] = [`# ${org.name} fleet (${environment})`, '', `${services.length} services. Alerts no service route matches go to ${org.receiver.name} (${org.receiver.email}).`, '', '## Services', ''];
  lines.push('| Service | Team | SLOs | Alerts (critical / warning / info) | Docs |', '| --- | --- | --- | --- | --- |');
  for (const s of services) {
    const slos = s.slos.map((slo) => `${slo.name} ${percent(slo.objective)} over ${slo.window}`).join(', ') || 'none';
    const counts = SEVERITIES.map((sev) => s.alerts.filter((a) => a.severity === sev).length).join(' / ');
    const guide = s.docs.setupGuide;
    lines.push(`| ${cell(s.service.title)} (\`${s.name}\`) | ${cell(s.service.team)}${s.service.contact ? ` (${cell(s.service.contact)})` : ''} | ${cell(slos)} | ${counts} | ${guide !== undefined ? `[setup guide](${serviceLink(s, guide)})` : 'none'} |`);
  }
  for (const severity of SEVERITIES) {
    // One line per alert name and service (an SLO's burn-rate alert has one rule per window).
    const alerts = services.flatMap((s) => s.alerts.filter((a, i, all) => a.severity === severity && all.findIndex((b) => b.name === a.name && b.severity === severity) === i).map((a) => ({ s, a })));
    if (alerts.length === 0) continue;
    lines.push('', `## ${severity[0]?.toUpperCase()}${severity.slice(1)} alerts`, '');
    for (const { s, a } of alerts) {
      const runbook = Object.hasOwn(s.docs.runbooks, a.name) ? s.docs.runbooks[a.name] : undefined;
      lines.push(`- ${runbook !== undefined ? `[${a.name}](${serviceLink(s, runbook)})` : a.name} (${s.name}): ${cell(a.summary)}`);
    }
  }
  return { path: FLEET_DOCS_PATH, title: undefined, engine: 'people', role: 'document', deployed: false, content: lines.join('\n') + '\n' };
}

export function fleetManifest(services: readonly FleetEntry[], org: Workspace['org'], environment: string): Artifact {
  const data = {
    org: org.name,
    environment,
    services: services.map((s) => ({
      name: s.name,
      spec: s.spec,
      team: s.service.team,
      specHash: s.specHash,
      output: `${s.name}/${s.environment}`,
      dashboards: s.dashboards.map((d) => d.uid),
      alerts: s.alerts.map((a) => ({ name: a.name, severity: a.severity })),
      slos: s.slos.map((slo) => ({ name: slo.name, objective: slo.objective, window: slo.window })),
      receivers: [...s.contactPoints],
    })),
  };
  return { path: FLEET_MANIFEST_PATH, engine: 'people', role: 'document', deployed: false, content: JSON.stringify(data, null, 2) + '\n' };
}
