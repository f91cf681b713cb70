/**
 * Which build of monspec is running: a hash of the JavaScript files beside this module (in the
 * bundle every chunk sits in one folder, dist/bundle/). A fleet entry records it, so a service folder
 * built by another build of the same version (a changed generator in a checkout of monspec) is not
 * reused as if it were this one's.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function toolBuild(): string {
  if (cached !== undefined) return cached;
  const dir = dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => /\.(m?js|ts)$/.test(n)).sort()) h.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  cached = h.digest('hex');
  return cached;
}
