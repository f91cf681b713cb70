/**
 * Builds a workspace's services in `jobs` worker threads (a cold build of many services uses every
 * core); results come back in request order. With one job, or one service, no worker is started.
 */
import { Worker } from 'node:worker_threads';
import { buildService, type ServiceBuild, type ServiceBuildRequest } from './build-service.js';

export async function buildServices(requests: readonly ServiceBuildRequest[], jobs: number): Promise<ServiceBuild[]> {
  const workers = Math.min(jobs, requests.length);
  if (workers <= 1) {
    const out: ServiceBuild[] = [];
    for (const r of requests) out.push(await buildService(r));
    return out;
  }
  const results: ServiceBuild[] = new Array(requests.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((done, fail) => {
      const send = () => {
        if (next >= requests.length) return done();
        const id = next++;
        worker.postMessage({ id, request: requests[id] });
      };
      worker.on('message', (m: { id: number; result?: ServiceBuild; error?: string }) => {
        if (m.error !== undefined) return fail(new Error(`building ${requests[m.id]?.spec.displayDir} in a worker failed: ${m.error}`));
        results[m.id] = m.result as ServiceBuild;
        send();
      });
      worker.on('error', fail);
      send();
    });
  // Next to this module: dist/fleet/ unbundled, dist/bundle/ bundled (scripts/bundle.mjs names the entry so).
  const started = Array.from({ length: workers }, () => new Worker(new URL('./fleet-worker.js', import.meta.url)));
  try {
    await Promise.all(started.map(run));
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
  return results;
}
