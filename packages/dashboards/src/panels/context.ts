import type { ResolvedDashboard, ResolvedModel, ResolvedPanel } from '@monspec/metrics-spec';
import type { GridPos } from '../layout.js';

/** Everything a panel factory needs: the panel, where it sits, and the model for links. */
export interface PanelContext {
  readonly model: ResolvedModel;
  readonly dashboard: ResolvedDashboard;
  readonly panel: ResolvedPanel;
  readonly gridPos: GridPos;
}
