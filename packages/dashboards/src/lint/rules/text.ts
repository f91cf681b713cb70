import type { LintRule } from '../types.js';
import { panelName } from '../types.js';

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

export const titlesAndDescriptions: LintRule = {
  id: 'dashboard-text',
  severity: 'error',
  description: 'Dashboards and panels have a title and a description (the panel description is its hover help).',
  run({ dashboards }, report) {
    for (const d of dashboards) {
      if (blank(d.title)) report({ dashboard: d, message: 'Unexpected dashboard without a title, expected a title' });
      if (blank(d.description)) report({ dashboard: d, message: 'Unexpected dashboard without a description, expected a description' });
      for (const p of d.panels) {
        if (blank(p.title)) report({ dashboard: d, panel: p, message: `Unexpected ${panelName(p)} without a title, expected a title` });
        if (blank(p.description)) report({ dashboard: d, panel: p, message: `Unexpected ${panelName(p)} without a description, expected a description (from the metric's meaning)` });
      }
    }
  },
};
