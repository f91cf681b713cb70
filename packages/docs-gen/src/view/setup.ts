/**
 * The setup guide's view model: everything the seed's monitoring guide holds, from the model. One
 * file per section of the guide under setup/ (as the resolver has one per kind); this assembles them.
 */
import type { ResolvedModel } from '@monspec/metrics-spec';
import type { Prose } from '../markdown/prose.js';
import { alertsSection } from './setup/alerts.js';
import { checklistsSection } from './setup/checklists.js';
import { dashboardsSection } from './setup/dashboards.js';
import { setupGround, type SetupFacts } from './setup/ground.js';
import { logsSection } from './setup/logs.js';
import { metricsSection } from './setup/metrics.js';
import { notificationsSection } from './setup/notifications.js';
import { overviewSection } from './setup/overview.js';
import { prerequisitesSection } from './setup/prerequisites.js';
import { troubleshootingSection } from './setup/troubleshooting.js';
import type { SetupView } from './setup/types.js';

export type * from './setup/types.js';

export function setupView(model: ResolvedModel, ctx: Prose, known: SetupFacts = {}): SetupView {
  const g = setupGround(model, ctx, known);
  return {
    ...overviewSection(g),
    ...prerequisitesSection(g),
    ...dashboardsSection(g),
    ...metricsSection(g),
    ...alertsSection(g),
    ...notificationsSection(g),
    ...logsSection(g),
    troubleshooting: troubleshootingSection(g),
    ...checklistsSection(g),
  };
}
