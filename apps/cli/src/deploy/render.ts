/** A plan as text (people), Markdown (a PR comment) or JSON (CI; schema in the README). */
import { changeCount, type Action, type Plan, type PlanItem } from './plan.js';

/** Lines of detail per item in text and Markdown (JSON has them all). */
const MAX_DETAILS = 20;

const MARK: Record<Action, string> = { create: '+', update: '~', delete: '-', unchanged: '=', skipped: '!', orphan: '?' };

function verb(i: PlanItem): string {
  if (i.action === 'skipped') return `owned by ${i.owner ?? 'another manager'}, skipped`;
  if (i.action === 'orphan') return 'not in the spec, kept';
  if (i.drift) return `update (drift: edited in Grafana by ${i.drift.by} since monspec applied it)`;
  return i.action;
}

function details(i: PlanItem): string[] {
  const shown = i.details.slice(0, MAX_DETAILS);
  return i.details.length > MAX_DETAILS ? [...shown, `… ${i.details.length - MAX_DETAILS} more (--format json lists all)`] : shown;
}

export function summary(plan: Plan): string {
  const n = (a: Action) => plan.items.filter((i) => i.action === a).length;
  const changes = changeCount(plan);
  const head = changes === 0 ? 'No changes.' : `${changes} change(s):`;
  return `${head} ${n('create')} to create, ${n('update')} to update, ${n('delete')} to delete, ${n('unchanged')} unchanged, ${n('skipped')} skipped, ${n('orphan')} not in the spec.`;
}

const title = (plan: Plan) => `Grafana ${plan.target}: service ${plan.service} (${plan.environment})`;

export function planText(plan: Plan): string {
  const lines = [title(plan)];
  for (const i of plan.items) {
    lines.push(`  ${MARK[i.action]} ${i.kind} ${JSON.stringify(i.title)} (${i.uid}): ${verb(i)}`);
    for (const d of details(i)) lines.push(`      ${d}`);
  }
  lines.push(summary(plan));
  return lines.join('\n');
}

export function planMarkdown(plan: Plan): string {
  const lines = [`## monspec plan: ${title(plan)}`, '', summary(plan), ''];
  for (const i of plan.items) {
    lines.push(`- \`${MARK[i.action]}\` ${i.kind} **${i.title}** (\`${i.uid}\`): ${verb(i)}`);
    for (const d of details(i)) lines.push(`  - \`${d.replace(/`/g, "'")}\``);
  }
  lines.push('');
  return lines.join('\n');
}

/** The stable JSON form: version 1 of the schema the README documents. */
export function planJson(plan: Plan): string {
  const count = (a: Action) => plan.items.filter((i) => i.action === a).length;
  return JSON.stringify(
    {
      schemaVersion: 1,
      target: plan.target,
      service: plan.service,
      environment: plan.environment,
      changes: changeCount(plan),
      summary: { create: count('create'), update: count('update'), delete: count('delete'), unchanged: count('unchanged'), skipped: count('skipped'), orphan: count('orphan') },
      items: plan.items.map((i) => ({ kind: i.kind, uid: i.uid, title: i.title, action: i.action, details: i.details, ...(i.owner === undefined ? {} : { owner: i.owner }), ...(i.drift ? { drift: i.drift } : {}) })),
    },
    null,
    2,
  );
}
