/**
 * The worker-thread entry of a large build (bundled as its own entry, dist/bundle/generate-worker.js,
 * like fleet-worker.js): runs the portable generators the main thread sends (offload.ts), one message
 * each, on a copy of the model, and answers with plain data.
 */
import { parentPort } from 'node:worker_threads';
import { GeneratorFindings, type ResolvedModel } from '@monspec/metrics-spec';
import { GENERATORS } from '../generators/registry.js';
import type { OffloadReply, OffloadRequest } from './offload.js';

const port = parentPort;
if (port) {
  port.on('message', (message: OffloadRequest) => {
    void run(message).then((reply) => port.postMessage(reply));
  });
}

async function run({ id, generator, model, facts }: OffloadRequest): Promise<OffloadReply> {
  try {
    const portable = GENERATORS.find((g) => g.id === generator)?.portable;
    if (!portable) throw new Error(`Unexpected generator ${generator} in the build's worker thread, expected a portable one`);
    const started = performance.now();
    const artifacts = await portable.generateFrom(model as ResolvedModel, facts);
    return { id, artifacts, ms: performance.now() - started };
  } catch (err) {
    // A finding about the spec crosses as data and is thrown again as one in the main thread.
    if (err instanceof GeneratorFindings) return { id, findings: { generator: err.generator, diagnostics: err.diagnostics, message: err.message } };
    return { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}
