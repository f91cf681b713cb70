/**
 * `rulers/thanos/<service>.rules.yml`: the rule groups for the Thanos Ruler, each with
 * `partial_response_strategy` (https://thanos.io/tip/components/rule.md/#partial-response: a group
 * field, `warn` or `abort`, abort by default). Otherwise the Prometheus rule-file format.
 */
import type { ArtifactDescriptor, RuleGroup } from '@monspec/metrics-spec';

export interface ThanosRuleGroup extends RuleGroup {
  readonly partial_response_strategy: 'warn' | 'abort';
}

export interface ThanosRulesFile {
  readonly groups: readonly ThanosRuleGroup[];
}

export function thanosDescriptor(service: string, strategy: 'warn' | 'abort'): ArtifactDescriptor {
  return {
    path: `rulers/thanos/${service}.rules.yml`,
    title: `Thanos Ruler rules (partial_response_strategy ${strategy}): the groups of prometheus/rules.`,
    engine: 'prometheus',
    role: 'ruler-rules',
    subject: 'thanos',
    deployed: true,
    deploy: "Deploy: yes, to a file the Thanos Ruler's --rule-file reads, instead of Prometheus's rule_files.",
  };
}

export function thanosRulesFile(groups: readonly RuleGroup[], strategy: 'warn' | 'abort'): ThanosRulesFile {
  // The strategy after the group's own fields, as in Thanos's examples.
  return { groups: groups.map((g) => ({ ...g, partial_response_strategy: strategy })) };
}
