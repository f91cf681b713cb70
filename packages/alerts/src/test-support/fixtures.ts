/** Test helpers: compile the embedded spec, write artifacts to a temp dir, find the real tools. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
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

/** Whether a tool runs here. In CI (CI=true) tools are required: tests never skip there. */
function toolAvailable(binary: string): boolean {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return !r.error;
}

export function requireTools(...binaries: string[]): { skip: boolean; reason: string } {
  const missingTools = binaries.filter((b) => !toolAvailable(b));
  if (missingTools.length === 0) return { skip: false, reason: '' };
  if (process.env['CI'] === 'true') throw new Error(`CI=true but ${missingTools.join(', ')} missing: install Debian packages prometheus and prometheus-alertmanager`);
  return { skip: true, reason: `${missingTools.join(', ')} not installed (Debian packages prometheus / prometheus-alertmanager); skipped locally, required in CI` };
}
