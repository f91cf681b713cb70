/**
 * The generators' dependency rule (CONTRIBUTING.md, "Add an output"): a generator package's source
 * never imports the file system or child processes and never imports another generator package; the
 * I/O runners of `monspec test` live under `src/tools/`, reachable only from a `tools` subpath export,
 * never from the package's main entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGES = join(import.meta.dirname, '..', '..', '..', '..', 'packages');
const GENERATOR_PACKAGES = ['alerts', 'dashboards', 'docs-gen', 'instrumentation'] as const;
const IO_MODULES = new Set(['fs', 'fs/promises', 'child_process', 'node:fs', 'node:fs/promises', 'node:child_process']);
/** Source only tests use (fixtures, golden writers) and the `tools` subpath. */
const EXEMPT_DIRS = new Set(['test-support', 'tools', '__golden__', '__fixtures__']);

/** Every module specifier a TypeScript source imports or re-exports, statically or dynamically. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return EXEMPT_DIRS.has(e.name) ? [] : sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.(test|d)\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The package's own modules reachable from `entry` through relative imports. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specs = importsOf(readFileSync(file, 'utf8'));
    seen.set(file, specs);
    for (const s of specs) if (s.startsWith('.')) visit(resolve(dirname(file), s).replace(/\.js$/, '.ts'));
  };
  visit(entry);
  return seen;
}

function violations(pkg: string, imports: ReadonlyMap<string, readonly string[]>): string[] {
  const others = GENERATOR_PACKAGES.filter((p) => p !== pkg).map((p) => `@monspec/${p}`);
  return [...imports].flatMap(([file, specs]) =>
    specs
      .filter((s) => IO_MODULES.has(s) || others.some((o) => s === o || s.startsWith(`${o}/`)))
      .map((s) => `${file.slice(PACKAGES.length + 1)}: import of ${s}`),
  );
}

describe('importsOf', () => {
  it('finds static, side-effect, re-export and dynamic imports', () => {
    const src = "import { a } from 'x';\nimport type { B } from \"y\";\nimport 'z';\nexport * from './w.js';\nconst m = await import('node:fs');\nexport { c } from './v.js';";
    expect(importsOf(src)).toEqual(['x', 'y', 'z', './w.js', 'node:fs', './v.js']);
  });
});

describe.each(GENERATOR_PACKAGES)('generator package %s', (pkg) => {
  const src = join(PACKAGES, pkg, 'src');

  it('imports neither the file system nor child processes, nor another generator package', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(0);
    expect(violations(pkg, new Map(files.map((f) => [f, importsOf(readFileSync(f, 'utf8'))])))).toEqual([]);
  });

  it('exports no I/O from its main entry (the promtool/amtool runners are on a tools subpath only)', () => {
    const graph = reachable(join(src, 'index.ts'));
    expect(graph.size).toBeGreaterThan(1);
    expect(violations(pkg, graph)).toEqual([]);
  });
});
