import { createHash } from 'node:crypto';
import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';

export const MANIFEST_PATH = 'manifest.json';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Every artifact with its sha256, and the spec's hash: what `build --check` and reviewers rely on. */
export function buildManifest(model: ResolvedModel, artifacts: readonly Artifact[], toolVersion: string): Artifact {
  const manifest = {
    generator: `monspec ${toolVersion}`,
    service: model.service.name,
    environment: model.environment,
    specHash: model.specHash,
    artifacts: artifacts.map((a) => ({ path: a.path, bytes: Buffer.byteLength(a.content), sha256: sha256(a.content) })),
  };
  return { path: MANIFEST_PATH, content: JSON.stringify(manifest, null, 2) + '\n' };
}
