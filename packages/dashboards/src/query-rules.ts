/**
 * Every PromQL query of the dashboards as a Prometheus recording rule, so `promtool check rules` can
 * check them the way Prometheus will run them (type errors the parser cannot see, such as a range
 * vector where an instant vector belongs). Grafana's variables are replaced first: dashboard
 * variables by their values, `$__rate_interval` and friends by a duration.
 */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { normaliseExpression, stringifyYaml } from '@monspec/metrics-spec';
import { substituteVariables } from './substitute.js';

export interface QueryRule {
  /** `dashboard:<uid>_p<panel id>_<refId>:check`, a valid recording-rule name. */
  readonly record: string;
  readonly expr: string;
}

export function dashboardQueryRules(model: ResolvedModel): QueryRule[] {
  const out: QueryRule[] = [];
  for (const d of model.dashboards) {
    for (const p of d.panels) {
      for (const q of p.queries) {
        if (q.datasource !== 'prometheus') continue;
        out.push({
          record: `dashboard:${d.uid.replace(/[^A-Za-z0-9_]/g, '_')}_p${p.id}_${q.refId}:check`,
          expr: normaliseExpression(substituteVariables(q.expr, d)),
        });
      }
    }
  }
  return out;
}

/** A Prometheus rule file (one group) holding `dashboardQueryRules(model)`. */
export function dashboardQueryRuleFile(model: ResolvedModel): string {
  return stringifyYaml({ groups: [{ name: 'monspec-dashboard-queries', rules: dashboardQueryRules(model).map((r) => ({ record: r.record, expr: r.expr })) }] });
}
