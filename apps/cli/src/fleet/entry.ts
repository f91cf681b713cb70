/**
 * A service's fleet entry: plain data holding exactly what the org merge (org-alertmanager.ts,
 * org-grafana.ts, fleet-docs.ts) and the cross-service checks (checks/) read of one service in one
 * environment. A workspace build writes it into the service's folder (OUT/<service>/<env>/fleet-entry.json,
 * listed in its manifest, never deployed), so the org files can be merged from built folders
 * (`build --workspace --merge`, a turbo layout's org task) and an unchanged service reused, with
 * the same bytes as a build that generated everything in one process. Built here without I/O.
 */
import { escapePointerSegment, type Artifact, type ArtifactRole, type ResolvedModel, type Severity } from '@monspec/metrics-spec';
import { parse } from 'yaml';

export const FLEET_ENTRY_PATH = 'fleet-entry.json';

/** The artifacts the org merge reads, by role (their parsed YAML). */
const ORG_ROLES = ['alertmanager-config', 'grafana-policies', 'grafana-contact-points', 'grafana-dashboard-provider'] as const satisfies readonly ArtifactRole[];
type OrgRole = (typeof ORG_ROLES)[number];

export interface FleetEntry {
  /** `monspec <version>` that built it. */
  readonly generator: string;
  /** Which build of that version (tool-build.ts): a reused folder must come from the monspec running now. */
  readonly toolBuild: string;
  /** The spec folder, relative to the workspace file's folder (`/`-separated): how a merge finds the service's entry. */
  readonly spec: string;
  /** The spec's hash (its files and its libraries' files): a merge compares it with the spec on disk. */
  readonly specHash: string;
  /** The service's name: its output folder and its routes' matchers. */
  readonly name: string;
  /** The fleet environment it was built for (its folder OUT/<service>/<environment>). */
  readonly environment: string;
  readonly service: {
    readonly title: string;
    readonly team: string;
    readonly contact: string | undefined;
    /** service.grafana.folder: where its dashboards go unless the workspace names a folder for its team. */
    readonly folder: string;
    readonly commonLabels: Readonly<Record<string, string>>;
  };
  readonly dashboards: readonly { readonly uid: string }[];
  /** Every alerting rule (an SLO's burn-rate alert once per window), with the spec pointer that defines it. */
  readonly alerts: readonly { readonly name: string; readonly severity: Severity; readonly summary: string; readonly labels: Readonly<Record<string, string>>; readonly pointer: string }[];
  readonly slos: readonly { readonly name: string; readonly objective: number; readonly window: string }[];
  readonly recordingRules: readonly { readonly name: string; readonly pointer: string }[];
  readonly contactPoints: readonly string[];
  /** The service's own metrics (not Prometheus's), label names sorted. */
  readonly metrics: readonly { readonly name: string; readonly type: string; readonly labels: readonly string[] }[];
  /** Paths in the service's folder the fleet docs link to. */
  readonly docs: { readonly setupGuide: string | undefined; readonly runbooks: Readonly<Record<string, string>> };
  /** The parsed YAML of the service's org-relevant files (absent: the service has no such file). */
  readonly files: Partial<Readonly<Record<OrgRole, Record<string, unknown>>>>;
}

function yamlObject(a: Artifact): Record<string, unknown> | undefined {
  const data: unknown = parse(a.content);
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** The entry of a service built for `environment` from its model and generated files (headers added). */
export function fleetEntry(model: ResolvedModel, artifacts: readonly Artifact[], environment: string, spec: string, tool: { readonly generator: string; readonly build: string }): FleetEntry {
  const files: Partial<Record<OrgRole, Record<string, unknown>>> = {};
  for (const role of ORG_ROLES) {
    const a = artifacts.find((x) => x.role === role);
    const data = a ? yamlObject(a) : undefined;
    if (data) files[role] = data;
  }
  // The first runbook of each alert, as own properties (fromEntries: an alert may be called anything).
  const runbooks = Object.fromEntries(
    artifacts.filter((a, i, all) => a.role === 'runbook' && a.subject !== undefined && all.findIndex((b) => b.role === 'runbook' && b.subject === a.subject) === i).map((a) => [a.subject as string, a.path]),
  );
  const guide = artifacts.find((a) => a.role === 'document' && a.path.endsWith(`/${model.service.setupGuide}`));
  return {
    generator: tool.generator,
    toolBuild: tool.build,
    spec,
    specHash: model.specHash,
    name: model.service.name,
    environment,
    service: { title: model.service.title, team: model.service.team, contact: model.service.contact, folder: model.service.grafana.folder, commonLabels: model.service.alerting.commonLabels },
    dashboards: model.dashboards.map((d) => ({ uid: d.uid })),
    alerts: model.alerts.map((a) => ({
      name: a.name,
      severity: a.severity,
      summary: a.summary,
      labels: a.labels,
      pointer: a.origin === 'slo' && a.slo ? `/slos/${escapePointerSegment(a.slo.name)}/alert/name` : `/alerts/${escapePointerSegment(a.name)}`,
    })),
    slos: model.slos.map((slo) => ({ name: slo.name, objective: slo.objective, window: slo.window })),
    recordingRules: model.recordingRules.map((r) => ({ name: r.name, pointer: r.origin === 'slo' && r.slo ? `/slos/${escapePointerSegment(r.slo)}` : `/recordingRules/${escapePointerSegment(r.name)}` })),
    contactPoints: model.notifications.contactPoints.map((c) => c.name),
    metrics: model.metrics.filter((m) => m.origin !== 'prometheus').map((m) => ({ name: m.name, type: m.type, labels: m.labels.map((l) => l.name).sort() })),
    docs: { setupGuide: guide?.path, runbooks },
    files,
  };
}

/** The entry as its file (JSON has no header: the manifest says it is monspec's). */
export function fleetEntryArtifact(entry: FleetEntry): Artifact {
  return { path: FLEET_ENTRY_PATH, role: 'manifest', deployed: false, content: JSON.stringify(entry, null, 2) + '\n' };
}
