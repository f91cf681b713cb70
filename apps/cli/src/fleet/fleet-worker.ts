/**
 * The worker-thread entry of `build --workspace` (bundled as its own entry, dist/bundle/fleet-worker.js):
 * builds the services the pool sends, one message each, and answers with the plain-data result.
 */
import { parentPort } from 'node:worker_threads';
import { buildService, type ServiceBuildRequest } from './build-service.js';

const port = parentPort;
if (port) {
  port.on('message', (message: { id: number; request: ServiceBuildRequest }) => {
    buildService(message.request).then(
      (result) => port.postMessage({ id: message.id, result }),
      // Crashes cross as text: the pool rethrows them in the main thread.
      (err: unknown) => port.postMessage({ id: message.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
}
