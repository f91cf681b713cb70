/** YAML output shared by every artifact: stable formatting. The "generated" header is the CLI writer's (from each artifact's title and deploy line). */
import { stringifyYaml } from '@monspec/metrics-spec';

/** Serialises `data`; long lines are never folded, multi-line strings are literal blocks. */
export function yamlFile(data: unknown): string {
  return stringifyYaml(data);
}
