/**
 * The fleet's docs index (docs/FLEET.md) and manifest (fleet.json): every service with its owner,
 * SLOs and objectives, its alerts by severity and links into its own docs (found by role).
 */
import { SEVERITIES, type Artifact, type Workspace } from '@monspec/metrics-spec';
import type { FleetService } from './service.js';

const FLEET_DOCS_PATH = 'docs/FLEET.md';
const FLEET_MANIFEST_PATH = 'fleet.json';

/** From OUT/org/<env>/docs/ to OUT/<service>/<env>/<path>. */
function serviceLink(service: FleetService, path: string): string {
  return `../../../${service.name}/${service.environment}/${path}`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(6))} %`;
}

function setupGuide(service: FleetService): Artifact | undefined {
  return service.artifacts.find((a) => a.role === 'document' && a.path.endsWith(`/${service.model.service.setupGuide}`));
}

export function fleetDocs(services: readonly FleetService[], org: Workspace['org'], environment: string): Artifact {
  const lines: string[] = [`# ${org.name} fleet (${environment})`, '', `${services.length} services. Alerts no service route matches go to ${org.receiver.name} (${org.receiver.email}).`, '', '## Services', ''];
  lines.push('| Service | Team | SLOs | Alerts (critical / warning / info) | Docs |', '| --- | --- | --- | --- | --- |');
  for (const s of services) {
    const m = s.model;
    const slos = m.slos.map((slo) => `${slo.name} ${percent(slo.objective)} over ${slo.window}`).join(', ') || 'none';
    const counts = SEVERITIES.map((sev) => m.alerts.filter((a) => a.severity === sev).length).join(' / ');
    const guide = setupGuide(s);
    lines.push(`| ${cell(m.service.title)} (\`${s.name}\`) | ${cell(m.service.team)}${m.service.contact ? ` (${cell(m.service.contact)})` : ''} | ${cell(slos)} | ${counts} | ${guide ? `[setup guide](${serviceLink(s, guide.path)})` : 'none'} |`);
  }
  for (const severity of SEVERITIES) {
    // One line per alert name and service (an SLO's burn-rate alert has one rule per window).
    const alerts = services.flatMap((s) => s.model.alerts.filter((a, i, all) => a.severity === severity && all.findIndex((b) => b.name === a.name && b.severity === severity) === i).map((a) => ({ s, a })));
    if (alerts.length === 0) continue;
    lines.push('', `## ${severity[0]?.toUpperCase()}${severity.slice(1)} alerts`, '');
    for (const { s, a } of alerts) {
      const runbook = s.artifacts.find((x) => x.role === 'runbook' && x.subject === a.name);
      lines.push(`- ${runbook ? `[${a.name}](${serviceLink(s, runbook.path)})` : a.name} (${s.name}): ${cell(a.summary)}`);
    }
  }
  return { path: FLEET_DOCS_PATH, title: undefined, engine: 'people', role: 'document', deployed: false, content: lines.join('\n') + '\n' };
}

export function fleetManifest(services: readonly FleetService[], org: Workspace['org'], environment: string): Artifact {
  const data = {
    org: org.name,
    environment,
    services: services.map((s) => ({
      name: s.name,
      spec: s.displayDir,
      team: s.model.service.team,
      specHash: s.model.specHash,
      output: `${s.name}/${s.environment}`,
      dashboards: s.model.dashboards.map((d) => d.uid),
      alerts: s.model.alerts.map((a) => ({ name: a.name, severity: a.severity })),
      slos: s.model.slos.map((slo) => ({ name: slo.name, objective: slo.objective, window: slo.window })),
      receivers: s.model.notifications.contactPoints.map((c) => c.name),
    })),
  };
  return { path: FLEET_MANIFEST_PATH, engine: 'people', role: 'document', deployed: false, content: JSON.stringify(data, null, 2) + '\n' };
}
