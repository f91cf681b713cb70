/**
 * `rulers/kubernetes/<service>.prometheusrule.yaml`: the rule groups as a Prometheus Operator
 * `PrometheusRule` object (monitoring.coreos.com/v1;
 * https://prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1.PrometheusRule:
 * `spec.groups` holds rule groups in the Prometheus format). The Prometheus object's ruleSelector and
 * ruleNamespaceSelector must match its labels and namespace.
 */
import type { ArtifactDescriptor, RuleGroup } from '@monspec/metrics-spec';
import { kubernetesName, type KubernetesMetadata } from './kubernetes.js';

export interface PrometheusRuleObject {
  readonly apiVersion: 'monitoring.coreos.com/v1';
  readonly kind: 'PrometheusRule';
  readonly metadata: KubernetesMetadata;
  readonly spec: { readonly groups: readonly RuleGroup[] };
}

export function prometheusRuleDescriptor(service: string, namespace: string): ArtifactDescriptor {
  const path = `rulers/kubernetes/${kubernetesName(service)}.prometheusrule.yaml`;
  return {
    path,
    title: `Prometheus Operator PrometheusRule ${kubernetesName(service)} in namespace ${namespace}: the groups of prometheus/rules.`,
    engine: 'prometheus',
    role: 'ruler-rules',
    subject: 'prometheus-operator',
    deployed: true,
    deploy: `Deploy: yes, with kubectl apply -f ${path}; the Prometheus object's ruleSelector must match its labels. Instead of Prometheus's rule_files.`,
  };
}

export function prometheusRuleObject(metadata: KubernetesMetadata, groups: readonly RuleGroup[]): PrometheusRuleObject {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata, spec: { groups } };
}
