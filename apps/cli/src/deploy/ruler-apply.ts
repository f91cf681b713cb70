/**
 * Applies the ruler plan group by group: POST the group as YAML (create and update alike: the ruler
 * replaces a group of the same name), DELETE an orphan with --prune. A failed group is reported and
 * the rest still run; a re-run plans from what the ruler holds, so it converges.
 */
import { RulerError, type RulerClient } from './ruler-client.js';
import type { RulerPlan } from './ruler-plan.js';

export async function applyRulerPlan(plan: RulerPlan, clients: readonly RulerClient[]): Promise<{ done: string[]; failed: string[] }> {
  const done: string[] = [];
  const failed: string[] = [];
  for (const item of plan.items) {
    const client = clients.find((c) => c.target.kind === item.ruler);
    if (!client) continue;
    const what = `${item.ruler} rule group ${JSON.stringify(item.group)} (namespace ${item.namespace})`;
    try {
      if ((item.action === 'create' || item.action === 'update') && item.desired) {
        await client.setGroup(item.namespace, item.desired);
        done.push(`${item.action === 'create' ? 'created' : 'updated'} ${what}`);
      } else if (item.action === 'delete') {
        await client.deleteGroup(item.namespace, item.group);
        done.push(`deleted ${what}`);
      }
    } catch (err) {
      if (!(err instanceof RulerError)) throw err;
      failed.push(`${what}: ${err.message}`);
    }
  }
  return { done, failed };
}
