/** YAML output shared by every artifact: stable formatting and a generated-file header. */
import { stringify } from 'yaml';

/** Serialises `data` with a `# ...` header; long lines are never folded, multi-line strings are literal blocks. */
export function yamlFile(header: readonly string[], data: unknown): string {
  const body = stringify(data, { lineWidth: 0, blockQuote: 'literal', indentSeq: true, aliasDuplicateObjects: false });
  return `${header.map((line) => (line ? `# ${line}` : '#')).join('\n')}\n${body}`;
}
