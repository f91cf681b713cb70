/** YAML output shared by every artifact: stable formatting and a generated-file header. */
import { stringifyYaml } from '@monspec/metrics-spec';

/** Serialises `data` with a `# ...` header; long lines are never folded, multi-line strings are literal blocks. */
export function yamlFile(header: readonly string[], data: unknown): string {
  return `${header.map((line) => (line ? `# ${line}` : '#')).join('\n')}\n${stringifyYaml(data)}`;
}
