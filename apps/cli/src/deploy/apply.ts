/**
 * Applies a plan in dependency order (the folder, contact points, the notification policy route,
 * dashboards, alert rule groups, then prunes: rule groups, dashboards, contact points last, once no
 * route names them), item by item. A
 * failed item is reported and the rest still run; nothing is retried blindly: a re-run re-plans
 * against what Grafana now holds, so it converges. Grafana's answers:
 * https://grafana.com/docs/grafana/latest/developers/http_api/dashboard/ (412 version-mismatch and
 * name-exists) and …/folder/ (409 for a folder that exists).
 */
import { dashboardUrl, panelUrl, type ResolvedModel } from '@monspec/metrics-spec';
import { applyAlertingItem, resolveSecrets } from './alerting-apply.js';
import { GrafanaError, type GrafanaClient } from './grafana-client.js';
import type { Plan, PlanItem } from './plan.js';

export interface ApplyResult {
  /** One line per item written: what was done and its deeplinks. */
  readonly done: readonly string[];
  readonly failed: readonly string[];
}

function explain(item: PlanItem, err: GrafanaError): string {
  const what = `${item.kind} ${JSON.stringify(item.title)} (${item.uid})`;
  if (err.status === 412 && err.grafanaStatus === 'version-mismatch') return `${what}: changed in Grafana since it was planned (412 version-mismatch); not overwritten. Run monspec plan to see the change, then apply again`;
  if (err.status === 412 && err.grafanaStatus === 'name-exists') return `${what}: another dashboard in the folder has the title ${JSON.stringify(item.title)} (412 name-exists); rename or delete that one`;
  if (err.status === 409 && item.kind === 'folder') return `${what}: a folder with this title exists under another uid (409); expected the uid ${item.uid}`;
  return `${what}: ${err.message}`;
}

/** Deeplinks into the target Grafana (not the spec's URL): the dashboard, and each panel the update touched. */
function links(model: ResolvedModel, target: string, item: PlanItem): string[] {
  const linkModel: ResolvedModel = { ...model, service: { ...model.service, grafana: { ...model.service.grafana, url: target } } };
  const d = model.dashboards.find((x) => x.uid === item.uid);
  if (!d) return [];
  const panels = d.panels.filter((p) => item.panelIds?.includes(p.id));
  return [dashboardUrl(linkModel, d), ...panels.map((p) => `${p.title}: ${panelUrl(linkModel, d, p)}`)];
}

const WRITE_ORDER: readonly PlanItem['kind'][] = ['folder', 'contact point', 'notification policy', 'dashboard', 'rule group'];
const DELETE_ORDER: readonly PlanItem['kind'][] = ['rule group', 'dashboard', 'contact point'];

export async function applyPlan(plan: Plan, model: ResolvedModel, client: GrafanaClient, message: string, env: NodeJS.ProcessEnv): Promise<ApplyResult> {
  const done: string[] = [];
  const failed: string[] = [];
  // Before any write: a missing secret stops the apply with nothing written (exit 2).
  const secrets = resolveSecrets(plan.items, env);
  const order = [
    ...WRITE_ORDER.flatMap((k) => plan.items.filter((i) => i.kind === k && i.action !== 'delete')),
    ...DELETE_ORDER.flatMap((k) => plan.items.filter((i) => i.kind === k && i.action === 'delete')),
  ];
  for (const item of order) {
    try {
      if (item.kind !== 'folder' && item.kind !== 'dashboard') {
        if (item.action === 'create' || item.action === 'update' || item.action === 'delete') done.push(...(await applyAlertingItem(client, item, secrets)));
      } else if (item.kind === 'folder' && item.action === 'create') {
        await client.createFolder(item.uid, item.title);
        done.push(`created folder ${JSON.stringify(item.title)} (${item.uid})`);
      } else if (item.kind === 'dashboard' && (item.action === 'create' || item.action === 'update') && item.desired) {
        await client.saveDashboard(item.desired, plan.folder.uid, item.action === 'create' ? undefined : item.liveVersion, message);
        done.push(`${item.action === 'create' ? 'created' : 'updated'} dashboard ${JSON.stringify(item.title)} (${item.uid})`, ...links(model, plan.target, item).map((l) => `    ${l}`));
      } else if (item.action === 'delete') {
        await client.deleteDashboard(item.uid);
        done.push(`deleted dashboard ${JSON.stringify(item.title)} (${item.uid})`);
      }
    } catch (err) {
      if (!(err instanceof GrafanaError)) throw err;
      failed.push(explain(item, err));
      // Without its folder no dashboard can be saved: stop rather than report each one.
      if (item.kind === 'folder') break;
    }
  }
  return { done, failed };
}
