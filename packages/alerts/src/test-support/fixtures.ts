/** Test helpers: compile the embedded spec, write artifacts to a temp dir. (The real tools: requireTools of @monspec/test-kit.) */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';

export const ENVIRONMENTS = ['production', 'staging'] as const;

export function compile(environment: string, dir?: string): ResolvedModel {
  const r = compileSpecDir(dir, { environment });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.model || errors.length) throw new Error(`spec does not compile: ${errors.map((d) => d.message).join('; ')}`);
  return r.model;
}

export function writeArtifacts(artifacts: readonly Artifact[], dir = mkdtempSync(join(tmpdir(), 'monspec-alerts-'))): string {
  for (const a of artifacts) {
    const p = join(dir, a.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, a.content);
  }
  return dir;
}
