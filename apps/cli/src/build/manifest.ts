import { createHash } from 'node:crypto';
import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';

/** The manifest of each environment folder (OUT/<env>/manifest.json): committed, read by reviewers. */
export const MANIFEST_PATH = 'manifest.json';
/** The manifest of the --ops-docs folder: a dotfile, so the folder reads as plain docs. */
export const OPS_MANIFEST_PATH = '.monspec-manifest.json';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Every artifact with its sha256, and the spec's hash: what `build --check` and reviewers rely on. It
 * is also the folder's deed of ownership: the next build removes only files listed here.
 */
export function buildManifest(model: ResolvedModel, artifacts: readonly Artifact[], toolVersion: string, path: string = MANIFEST_PATH): Artifact {
  const manifest = {
    generator: `monspec ${toolVersion}`,
    service: model.service.name,
    environment: model.environment,
    specHash: model.specHash,
    artifacts: artifacts.map((a) => ({ path: a.path, bytes: Buffer.byteLength(a.content), sha256: sha256(a.content) })),
  };
  return { path, role: 'manifest', deployed: false, content: JSON.stringify(manifest, null, 2) + '\n' };
}

/** A relative path that stays inside its folder: no absolute path, no `..`, no empty segment. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/**
 * The paths a previous build's manifest says monspec wrote, or why the file is not a monspec
 * manifest. A manifest from a hostile PR cannot make the writer touch anything outside its folder.
 */
export function parseManifest(text: string): { paths: string[] } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'it is not JSON' };
  }
  const m = data as { generator?: unknown; artifacts?: unknown };
  if (typeof m !== 'object' || m === null || typeof m.generator !== 'string' || !m.generator.startsWith('monspec ')) return { error: 'it has no "generator": "monspec …" field' };
  if (!Array.isArray(m.artifacts)) return { error: 'it has no "artifacts" list' };
  const paths: string[] = [];
  for (const a of m.artifacts as unknown[]) {
    const path = (a as { path?: unknown } | null)?.path;
    if (typeof path !== 'string' || !isSafeRelativePath(path)) return { error: `it lists ${JSON.stringify(path)}, which is not a relative path inside the folder` };
    paths.push(path);
  }
  return { paths };
}
