/** The setup guide's view model (setup.md.hbs renders it). */
import type { Piece } from '../../markdown/fragment.js';
import type { DestinationRow, ServiceChangeRow, VersionRow } from '../setup-deploy.js';

export interface Fact {
  readonly label: Piece;
  readonly value: Piece;
}

export interface SetupView {
  readonly title: Piece;
  readonly service: Piece;
  readonly description: Piece;
  readonly facts: readonly Fact[];
  readonly healthEndpoints: readonly Fact[];
  readonly decisions: readonly Piece[];
  readonly architecture: Piece;
  readonly prerequisites: readonly Piece[];
  readonly serviceChanges: readonly ServiceChangeRow[];
  readonly destinations: readonly DestinationRow[];
  readonly versions: readonly VersionRow[];
  readonly grafanaUrl: Piece;
  readonly dashboards: readonly DashboardView[];
  readonly metricGroups: readonly { readonly title: Piece; readonly rows: readonly MetricRow[] }[];
  readonly bands: readonly BandRow[];
  readonly recordingRules: readonly { readonly name: Piece; readonly unit: Piece; readonly description: Piece }[];
  readonly alerts: readonly AlertRow[];
  readonly slos: readonly SloView[];
  readonly routes: readonly RouteRow[];
  readonly contactPoints: readonly ContactPointRow[];
  readonly routingNotes: readonly Piece[];
  readonly logSources: readonly LogQueryView[];
  readonly logPatterns: readonly LogQueryView[];
  readonly logAlerts: readonly Piece[];
  readonly troubleshooting: TroubleshootingView;
  readonly implementation: readonly { readonly title: Piece; readonly items: readonly Piece[] }[];
  readonly verification: readonly Piece[];
}

export interface DashboardView {
  readonly title: Piece;
  readonly description: Piece;
  readonly link: Piece;
  readonly facts: readonly Fact[];
  readonly panels: readonly { readonly title: Piece; readonly type: Piece; readonly description: Piece; readonly reads: Piece; readonly bands: Piece }[];
}

export interface MetricRow {
  readonly name: Piece;
  readonly type: Piece;
  readonly unit: Piece;
  readonly labels: Piece;
  readonly meaning: Piece;
}

export interface BandRow {
  readonly name: Piece;
  readonly description: Piece;
  readonly ok: Piece;
  readonly warning: Piece;
  readonly critical: Piece;
}

export interface AlertRow {
  readonly name: Piece;
  readonly severity: Piece;
  readonly condition: Piece;
  readonly threshold: Piece;
  readonly duration: Piece;
  readonly route: Piece;
  readonly runbook: Piece;
}

export interface SloView {
  readonly name: Piece;
  readonly description: Piece;
  readonly objective: Piece;
  readonly window: Piece;
  readonly budget: Piece;
  readonly alert: Piece;
  readonly windows: readonly { readonly severity: Piece; readonly burnRate: Piece; readonly windows: Piece; readonly errorRatio: Piece; readonly duration: Piece }[];
}

export interface RouteRow {
  readonly severity: Piece;
  readonly contactPoints: Piece;
  readonly groupWait: Piece;
  readonly groupInterval: Piece;
  readonly repeatInterval: Piece;
}

export interface ContactPointRow {
  readonly name: Piece;
  readonly type: Piece;
  readonly target: Piece;
  readonly secret: Piece;
  readonly description: Piece;
}

export interface LogQueryView {
  readonly name: Piece;
  readonly description: Piece;
  readonly query: Piece;
  readonly explore: Piece;
}

export interface TroubleshootingView {
  readonly prometheusUrl: Piece;
  readonly prometheusReady: Piece;
  readonly prometheusTargets: Piece;
  readonly prometheusDatasource: Piece;
  readonly lokiDatasource: Piece;
  readonly job: Piece;
  readonly metricsPath: Piece;
  readonly healthPaths: Piece;
  readonly upQuery: Piece;
  readonly upExplore: Piece;
  readonly absentAlerts: Piece;
  readonly scrapeInterval: Piece;
  readonly retention: Piece;
  readonly evaluationInterval: Piece;
  readonly engine: Piece;
  readonly ruleFiles: Piece;
  readonly grafanaFolder: Piece;
  readonly recordingRuleExample: Piece;
  readonly refreshes: Piece;
}
