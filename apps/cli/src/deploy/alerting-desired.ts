/**
 * The Grafana alerting objects the spec generates, in the shape of Grafana's alerting provisioning
 * HTTP API (https://grafana.com/docs/grafana/latest/developers/http_api/alerting_provisioning/), read
 * from the alerts generator's file-provisioning artifacts (roles grafana-contact-points,
 * grafana-policies, grafana-alert-rules; only those this environment deploys), so what apply writes
 * is exactly what file provisioning would load. monspec generates no notification templates, so
 * there are none to write.
 */
import { parse } from 'yaml';
import { parseDuration, type Artifact } from '@monspec/metrics-spec';
import { unescapeDollars } from './provisioning-values.js';

export type Json = Record<string, unknown>;

/** A contact point integration as the API has it (EmbeddedContactPoint); settings still hold `${VAR}` references. */
export interface ApiContactPoint {
  readonly uid: string;
  readonly name: string;
  readonly type: string;
  readonly settings: Json;
  readonly disableResolveMessage: boolean;
}

/** An alert rule group as the API has it (AlertRuleGroup: interval in seconds, rules as ProvisionedAlertRule). */
export interface ApiRuleGroup {
  readonly title: string;
  readonly folderUid: string;
  readonly interval: number;
  readonly rules: readonly Json[];
}

export interface DesiredAlerting {
  readonly contactPoints: readonly ApiContactPoint[];
  /** The service's route under the root of the policy tree (what monspec owns), or why there is none. */
  readonly route: Json | undefined;
  readonly noRoute?: string;
  readonly groups: readonly ApiRuleGroup[];
}

interface FileRule extends Json {
  dashboardUid?: string;
  panelId?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const unescapeRecord = (r: Record<string, string> | undefined) => Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, unescapeDollars(v)]));

/** A route's matchers without file-provisioning escapes, recursively. */
function apiRoute(route: Json): Json {
  const out: Json = { ...route };
  if (Array.isArray(route.object_matchers)) out.object_matchers = (route.object_matchers as string[][]).map(([k = '', op = '=', v = '']) => [k, op, unescapeDollars(v)]);
  if (Array.isArray(route.routes)) out.routes = (route.routes as Json[]).map(apiRoute);
  return out;
}

/**
 * A file rule as an API rule: the folder by uid and the group by name (the file gives them per
 * group), and the panel link as the `__dashboardUid__`/`__panelId__` annotations the API carries it in.
 */
function apiRule(rule: FileRule, group: string, folderUid: string): Json {
  const { dashboardUid, panelId, labels, annotations, ...rest } = rule;
  const link = dashboardUid ? { __dashboardUid__: dashboardUid, ...(panelId === undefined ? {} : { __panelId__: String(panelId) }) } : {};
  return { ...rest, orgID: 1, folderUID: folderUid, ruleGroup: group, labels: unescapeRecord(labels), annotations: { ...annotations, ...link } };
}

export function desiredAlerting(artifacts: readonly Artifact[], folderUid: string): DesiredAlerting {
  const deployed = (role: Artifact['role']) => artifacts.filter((a) => a.role === role && a.deployed).map((a) => parse(a.content) as Json);
  const contactPoints = deployed('grafana-contact-points').flatMap((f) =>
    ((f.contactPoints ?? []) as Array<{ name: string; receivers: Json[] }>).flatMap((cp) =>
      cp.receivers.map((r) => ({ uid: String(r.uid), name: cp.name, type: String(r.type), settings: (r.settings ?? {}) as Json, disableResolveMessage: r.disableResolveMessage === true })),
    ),
  );
  let route: Json | undefined;
  let noRoute: string | undefined;
  for (const f of deployed('grafana-policies')) {
    const root = ((f.policies ?? []) as Json[])[0];
    const first = ((root?.routes ?? []) as Json[])[0];
    // The generator nests the severity routes under one route matching the service's common labels;
    // without such labels there is no subtree to own, only the whole tree.
    if (first && Array.isArray(first.object_matchers) && !(first.object_matchers as string[][]).some(([k]) => k === 'severity')) route = apiRoute(first);
    else noRoute = 'the spec has no common alert labels (service.alerting.commonLabels) to match a route of its own by; the notification policy tree is left as it is';
  }
  const groups = deployed('grafana-alert-rules').flatMap((f) =>
    ((f.groups ?? []) as Array<{ name: string; interval: string; rules: FileRule[] }>).map((g) => ({
      title: g.name,
      folderUid,
      interval: parseDuration(g.interval),
      rules: g.rules.map((r) => apiRule(r, g.name, folderUid)),
    })),
  );
  return { contactPoints, route, ...(noRoute ? { noRoute } : {}), groups };
}
