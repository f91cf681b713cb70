/** What the Prometheus Operator's objects share: names and metadata as Kubernetes requires them. */

export interface KubernetesMetadata {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A spec name as a Kubernetes object name, a DNS subdomain: lowercase letters, digits, `-` and `.`,
 * starting and ending with a letter or digit
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names).
 * A service name is already lowercase and starts with a letter; `_` becomes `-`, trailing dashes go.
 */
export function kubernetesName(name: string): string {
  return name.replace(/_/g, '-').replace(/-+$/, '');
}

export function kubernetesMetadata(name: string, namespace: string, labels: Readonly<Record<string, string>>): KubernetesMetadata {
  return { name: kubernetesName(name), namespace, ...(Object.keys(labels).length ? { labels } : {}) };
}
