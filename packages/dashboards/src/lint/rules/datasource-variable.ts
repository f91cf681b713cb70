import type { LintRule } from '../types.js';
import { panelName } from '../types.js';

const MIXED = '-- Mixed --';

/** `${name}` → name */
function variableName(uid: string | undefined): string | undefined {
  const m = uid === undefined ? null : /^\$\{(\w+)\}$|^\$(\w+)$/.exec(uid);
  return m ? (m[1] ?? m[2]) : undefined;
}

export const datasourceVariable: LintRule = {
  id: 'dashboard-datasource-variable',
  severity: 'error',
  description: 'Panels and targets name their datasource through a datasource-type dashboard variable of the right type, never a hard-coded uid.',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      const vars = new Map(d.variables.filter((v) => v.type === 'datasource' && v.name).map((v) => [v.name ?? '', v.query]));
      const check = (ref: { type: string | undefined; uid: string | undefined } | undefined, where: string, panel: Parameters<typeof report>[0]['panel']) => {
        const name = variableName(ref?.uid);
        if (name === undefined) {
          report({ dashboard: d, panel, message: `Unexpected datasource ${JSON.stringify(ref?.uid ?? null)} on ${where}, expected a datasource variable such as \${datasource}` });
          return;
        }
        if (!vars.has(name)) {
          report({ dashboard: d, panel, message: `Unexpected undeclared datasource variable \${${name}} on ${where}, expected a datasource-type variable named ${name}` });
          return;
        }
        const listed = vars.get(name);
        if (ref?.type !== undefined && listed !== undefined && listed !== ref.type) {
          report({ dashboard: d, panel, message: `Unexpected ${ref.type} datasource through \${${name}} (a ${listed} variable) on ${where}, expected a ${ref.type} datasource variable` });
        }
      };
      for (const p of d.panels) {
        if (p.type === 'row' || p.type === 'text') continue;
        if (p.datasource?.uid !== MIXED) check(p.datasource, panelName(p), p);
        for (const t of p.targets) {
          // A target without its own datasource uses the panel's, already checked (unless Mixed).
          if (t.datasource || p.datasource?.uid === MIXED) check(t.datasource, `target ${t.refId ?? '?'} of ${panelName(p)}`, p);
        }
      }
    }
  },
};
