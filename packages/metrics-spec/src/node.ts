/**
 * The one file-reading helper of this package, on its own subpath (`@monspec/metrics-spec/node`) so
 * the core stays pure: the CLI and tests use it to read a spec directory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SpecFile } from './load/parse-yaml.js';
import { compileSpec, type CompileOptions, type CompileResult } from './pipeline.js';
import { EMBEDDED_SPEC_DIR } from './embedded.js';

/** Every *.yaml / *.yml file below `dir` (recursively), with paths relative to `dir`, sorted. */
export function readSpecDir(dir: string): SpecFile[] {
  const out: SpecFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  if (!statSync(dir).isDirectory()) throw new Error(`${dir} is not a directory`);
  walk(dir);
  return out;
}

/** Reads and compiles a spec directory (the embedded tunnel spec by default). */
export function compileSpecDir(dir: string = EMBEDDED_SPEC_DIR, options: CompileOptions = {}): CompileResult {
  return compileSpec(readSpecDir(dir), options);
}
