/**
 * Grafana's alerting file-provisioning format (apiVersion 1) as types:
 * https://grafana.com/docs/grafana/latest/alerting/set-up/provision-alerting-resources/file-provisioning/
 * Where the Grafana Foundation SDK's alerting types have the file's shape they are used (a contact
 * point's receiver, the notification policy tree, a rule's no-data and error states); where they do
 * not, local types: the SDK's `Rule` is the HTTP API's (it requires `folderUID`, `orgID` and
 * `ruleGroup`, which the file gives per group), and its `Query.model` is a builder's `Dataquery`
 * variant, not the plain JSON the file holds.
 */
import type { ContactPoint, NotificationPolicy, Rule } from '@grafana/grafana-foundation-sdk/alerting';

/** One query or expression of a rule (`data[]`): refId A is the signal, B and C server-side expressions. */
export interface GrafanaRuleQuery {
  readonly refId: string;
  /** Seconds before (`from`) and after (`to`) the evaluation time. */
  readonly relativeTimeRange: { readonly from: number; readonly to: number };
  /** A datasource uid, or `__expr__` for an expression. */
  readonly datasourceUid: string;
  /** The query as the datasource (or the expression engine) reads it. */
  readonly model: Readonly<Record<string, unknown>>;
}

export interface GrafanaRule {
  readonly uid: string;
  readonly title: string;
  /** The refId whose result decides firing. */
  readonly condition: string;
  readonly data: readonly GrafanaRuleQuery[];
  readonly dashboardUid?: string;
  readonly panelId?: number;
  readonly noDataState: Rule['noDataState'];
  readonly execErrState: Rule['execErrState'];
  readonly for: string;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly isPaused: boolean;
}

export interface GrafanaRuleGroup {
  readonly orgId: number;
  readonly name: string;
  /** The folder's title. */
  readonly folder: string;
  readonly interval: string;
  readonly rules: readonly GrafanaRule[];
}

export interface GrafanaRulesFile {
  readonly apiVersion: 1;
  readonly groups: readonly GrafanaRuleGroup[];
}

export interface GrafanaContactPoint {
  readonly orgId: number;
  readonly name: string;
  readonly receivers: readonly ContactPoint[];
}

export interface GrafanaContactPointsFile {
  readonly apiVersion: 1;
  readonly contactPoints: readonly GrafanaContactPoint[];
}

export interface GrafanaPoliciesFile {
  readonly apiVersion: 1;
  /** One tree per organisation; provisioning it replaces the organisation's whole tree. */
  readonly policies: ReadonlyArray<NotificationPolicy & { readonly orgId: number }>;
}

/** https://grafana.com/docs/grafana/latest/administration/provisioning/#data-sources */
export interface GrafanaDatasourcesFile {
  readonly apiVersion: 1;
  readonly datasources: ReadonlyArray<{
    readonly name: string;
    readonly uid: string;
    readonly type: string;
    readonly access: 'proxy' | 'direct';
    readonly url: string;
    readonly jsonData?: Readonly<Record<string, unknown>>;
  }>;
}
