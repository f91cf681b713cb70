import { createRequire } from 'node:module';
import type * as YamlAst from 'yaml';

let loaded: typeof YamlAst | undefined;

/**
 * The `yaml` package (its AST keeps every node's position), loaded on first use: only a syntax error
 * or a diagnostic's location needs it, so a valid spec never pays for loading it.
 */
export function yamlAst(): typeof YamlAst {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof YamlAst);
}
