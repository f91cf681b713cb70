/**
 * `rulers/mimir/<namespace>.yaml`: the rule groups as a mimirtool (and cortextool) rules file, one
 * namespace per service: `namespace:` and `groups:` at the top
 * (https://grafana.com/docs/mimir/latest/manage/tools/mimirtool/#rules, "mimirtool rules load").
 */
import type { ArtifactDescriptor, RuleGroup } from '@monspec/metrics-spec';

export interface MimirRulesFile {
  readonly namespace: string;
  readonly groups: readonly RuleGroup[];
}

export function mimirDescriptor(namespace: string): ArtifactDescriptor {
  const path = `rulers/mimir/${namespace}.yaml`;
  return {
    path,
    title: `Mimir/Cortex ruler rules, namespace ${namespace}: the groups of prometheus/rules.`,
    engine: 'prometheus',
    role: 'ruler-rules',
    subject: 'mimir',
    deployed: true,
    deploy: `Deploy: yes, with mimirtool rules load ${path} (or cortextool) to the Mimir or Cortex ruler, instead of Prometheus's rule_files.`,
  };
}

export function mimirRulesFile(namespace: string, groups: readonly RuleGroup[]): MimirRulesFile {
  return { namespace, groups };
}
