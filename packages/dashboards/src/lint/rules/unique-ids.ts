import type { LintRule } from '../types.js';
import { panelName } from '../types.js';

/** Grafana's uid rule: at most 40 characters of letters, digits, '-' and '_'. */
const UID = /^[A-Za-z0-9_-]{1,40}$/;

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export const uniqueIds: LintRule = {
  id: 'dashboard-unique-ids',
  severity: 'error',
  description: 'Dashboard uids are valid and unique, panel ids are positive integers unique in their dashboard, refIds unique in their panel, variable names unique in their dashboard.',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      if (d.uid === undefined || !UID.test(d.uid)) report({ dashboard: d, message: `Unexpected dashboard uid ${JSON.stringify(d.uid ?? null)}, expected 1-40 letters, digits, '-' or '_'` });
    }
    for (const uid of duplicates(dashboards.map((d) => d.uid).filter((u): u is string => u !== undefined))) {
      const d = dashboards.find((x) => x.uid === uid);
      if (d) report({ dashboard: d, message: `Unexpected duplicate dashboard uid ${uid}, expected unique uids` });
    }
    for (const d of dashboards) {
      for (const p of d.panels) {
        if (p.id === undefined || !Number.isInteger(p.id) || p.id < 1) report({ dashboard: d, panel: p, message: `Unexpected panel id ${JSON.stringify(p.id ?? null)} on "${p.title ?? ''}", expected a positive integer` });
        for (const refId of duplicates(p.targets.map((t) => t.refId ?? ''))) {
          report({ dashboard: d, panel: p, message: `Unexpected duplicate refId ${JSON.stringify(refId)} in ${panelName(p)}, expected unique refIds` });
        }
      }
      for (const id of duplicates(d.panels.map((p) => p.id).filter((i): i is number => i !== undefined))) {
        const p = d.panels.filter((x) => x.id === id)[1];
        if (p) report({ dashboard: d, panel: p, message: `Unexpected duplicate panel id ${id}, expected unique panel ids in a dashboard` });
      }
      for (const name of duplicates(d.variables.map((v) => v.name ?? ''))) {
        report({ dashboard: d, message: `Unexpected duplicate variable ${JSON.stringify(name)}, expected unique variable names` });
      }
    }
  },
};
