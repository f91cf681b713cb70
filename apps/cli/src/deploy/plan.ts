/**
 * The Grafana dashboards plan: what the spec generates (the dashboards generator's artifacts, role
 * `grafana-dashboard`) against what the target Grafana holds, one item per folder and dashboard.
 * Ownership: monspec writes and prunes only dashboards carrying its tag; a dashboard loaded by file
 * provisioning (`meta.provisioned`, https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/)
 * or one without the tag (the UI, Terraform, Git Sync) belongs to someone else and is skipped.
 */
import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';
import { generateEnvironment } from '../build/generate-all.js';
import { GENERATORS } from '../generators/registry.js';
import { TOOL_VERSION } from '../version.js';
import { desiredAlerting } from './alerting-desired.js';
import { alertingItems, type AlertingWrite } from './alerting-plan.js';
import { dashboardChanges } from './dashboard-diff.js';
import type { DashboardJson, GrafanaClient } from './grafana-client.js';

/** The tag on every dashboard monspec writes; with the service's name it says whose it is. */
const OWNER_TAG = 'monspec';

/** How every save monspec makes starts (the version history's message): a later save by anyone else is drift. */
export const APPLY_MESSAGE = 'monspec apply';

export type Action = 'create' | 'update' | 'delete' | 'unchanged' | 'skipped' | 'orphan';

export interface PlanItem {
  readonly kind: 'folder' | 'dashboard' | 'contact point' | 'notification policy' | 'rule group';
  readonly uid: string;
  readonly title: string;
  readonly action: Action;
  /** For update: the changes; for unchanged/skipped: a note. */
  readonly details: readonly string[];
  /** For update: the live version was saved by someone other than monspec apply (a live edit: drift). */
  readonly drift?: { readonly by: string };
  /** For skipped: who owns it. */
  readonly owner?: string;
  /** Panels an update touches (for deeplinks). */
  readonly panelIds?: readonly number[];
  /** The live version planned against (apply sends it: Grafana answers 412 if it moved). */
  readonly liveVersion?: number;
  /** The model apply writes (create/update). */
  readonly desired?: DashboardJson;
  /** For an alerting item: what apply writes (create/update). */
  readonly alerting?: AlertingWrite;
}

export interface Plan {
  readonly target: string;
  readonly service: string;
  readonly environment: string;
  readonly folder: { readonly uid: string; readonly title: string };
  readonly items: readonly PlanItem[];
}

const CHANGING: ReadonlySet<Action> = new Set(['create', 'update', 'delete']);

export function changeCount(plan: Plan): number {
  return plan.items.filter((i) => CHANGING.has(i.action)).length;
}

/** The folder's uid, stable for a service (Grafana allows at most 40 characters of [A-Za-z0-9_-]). */
function folderUid(service: string): string {
  return `monspec-${service.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, 40);
}

/** Roles plan and apply deploy to Grafana: dashboards, and Grafana alerting when the engine has Grafana evaluate or notify. */
const GRAFANA_ROLES: ReadonlySet<Artifact['role']> = new Set(['grafana-dashboard', 'grafana-alert-rules', 'grafana-contact-points', 'grafana-policies']);

/** The deployed Grafana artifacts of this environment, through the generator registry by role (never by path). */
async function grafanaArtifacts(model: ResolvedModel): Promise<Artifact[]> {
  const generators = [];
  for (const g of GENERATORS) if ((await g.describe(model)).some((d) => GRAFANA_ROLES.has(d.role) && d.deployed)) generators.push(g);
  const { artifacts } = await generateEnvironment(model, TOOL_VERSION, generators);
  return artifacts.filter((a) => GRAFANA_ROLES.has(a.role) && a.deployed);
}

/** The dashboards the spec generates for this environment. */
function desiredDashboards(model: ResolvedModel, artifacts: readonly Artifact[]): DashboardJson[] {
  return artifacts
    .filter((a) => a.role === 'grafana-dashboard')
    .map((a) => {
      const d = JSON.parse(a.content) as DashboardJson;
      const tags = Array.isArray(d.tags) ? d.tags.map(String) : [];
      // The ownership mark, added at deploy time only: the built files stay as they are.
      for (const t of [OWNER_TAG, model.service.name]) if (!tags.includes(t)) tags.push(t);
      return { ...d, tags };
    });
}

const tagsOf = (d: DashboardJson) => (Array.isArray(d.tags) ? d.tags.map(String) : []);

export async function makePlan(model: ResolvedModel, client: GrafanaClient, options: { prune: boolean; env: NodeJS.ProcessEnv }): Promise<Plan> {
  const folder = { uid: folderUid(model.service.name), title: client.target.folder ?? model.service.grafana.folder };
  const items: PlanItem[] = [];
  const liveFolder = await client.folder(folder.uid);
  items.push({
    kind: 'folder',
    uid: folder.uid,
    title: folder.title,
    action: liveFolder ? 'unchanged' : 'create',
    details: liveFolder && liveFolder.title !== folder.title ? [`titled ${JSON.stringify(liveFolder.title)} in Grafana (apply does not rename folders yet)`] : [],
  });
  const artifacts = await grafanaArtifacts(model);
  const desired = desiredDashboards(model, artifacts);
  for (const d of desired) {
    const uid = String(d.uid);
    const title = String(d.title);
    const live = await client.dashboard(uid);
    if (!live) {
      // Every panel of a new dashboard is new: apply links each one.
      const panelIds = (Array.isArray(d.panels) ? d.panels : []).flatMap((p) => (typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'number' ? [(p as { id: number }).id] : []));
      items.push({ kind: 'dashboard', uid, title, action: 'create', details: [], panelIds, desired: d });
    } else if (live.provisioned) {
      items.push({ kind: 'dashboard', uid, title, action: 'skipped', owner: `file provisioning (${live.provisionedExternalId || 'a provisioning file'})`, details: [] });
    } else if (!tagsOf(live.dashboard).includes(OWNER_TAG)) {
      items.push({ kind: 'dashboard', uid, title, action: 'skipped', owner: `another manager (no "${OWNER_TAG}" tag)`, details: [] });
    } else {
      const changes = dashboardChanges(live.dashboard, d);
      const moved = live.folderUid !== folder.uid ? [`folder ${JSON.stringify(live.folderUid)} → ${JSON.stringify(folder.uid)}`] : [];
      const details = [...moved, ...changes.map((c) => c.text)];
      const panelIds = [...new Set(changes.flatMap((c) => (c.panelId === undefined ? [] : [c.panelId])))];
      const last = details.length ? await client.lastSave(uid) : undefined;
      const drift = last && !last.message.startsWith(APPLY_MESSAGE) ? { by: last.createdBy } : undefined;
      items.push({ kind: 'dashboard', uid, title, action: details.length ? 'update' : 'unchanged', details, panelIds, liveVersion: live.version, desired: d, ...(drift ? { drift } : {}) });
    }
  }
  const wanted = new Set(desired.map((d) => String(d.uid)));
  for (const hit of await client.searchByTags([OWNER_TAG, model.service.name])) {
    if (wanted.has(hit.uid)) continue;
    const live = await client.dashboard(hit.uid);
    if (!live) continue;
    if (live.provisioned) items.push({ kind: 'dashboard', uid: hit.uid, title: hit.title, action: 'skipped', owner: `file provisioning (${live.provisionedExternalId || 'a provisioning file'})`, details: ['not in the spec'] });
    else items.push({ kind: 'dashboard', uid: hit.uid, title: hit.title, action: options.prune ? 'delete' : 'orphan', details: options.prune ? [] : ['not in the spec; --prune deletes it'] });
  }
  items.push(...(await alertingItems(model, client, desiredAlerting(artifacts, folder.uid), folder.uid, options)));
  return { target: client.target.url, service: model.service.name, environment: model.environment, folder, items };
}
