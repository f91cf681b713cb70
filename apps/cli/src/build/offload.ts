/**
 * Runs portable generators (registry.ts: the docs) in one worker thread while this thread runs the
 * others, so a large build uses two cores. The worker gets a structured clone of the frozen model
 * and the generator's facts, and answers with the artifacts, byte for byte what `generate` returns
 * here (the build tests compare the trees). One worker serves every environment of a build; the
 * build ends it before writing (`stopWorker`), and it never keeps the process alive while idle.
 */
import { Worker } from 'node:worker_threads';
import { GeneratorFindings, type Artifact, type Diagnostic, type ResolvedModel } from '@monspec/metrics-spec';
import type { RegisteredGenerator } from '../generators/registry.js';

export interface OffloadRequest {
  readonly id: number;
  readonly generator: string;
  readonly model: ResolvedModel;
  readonly facts: unknown;
}

export type OffloadReply =
  | { readonly id: number; readonly artifacts: readonly Artifact[]; readonly ms: number }
  | { readonly id: number; readonly findings: { readonly generator: string; readonly diagnostics: readonly Diagnostic[]; readonly message: string } }
  | { readonly id: number; readonly error: string };

/**
 * Below this many dashboards and alerts a worker costs more than it saves: its start-up (loading the
 * bundle, ~0.1 s of a core) and the model's copy, against docs that take seconds only from several
 * hundred dashboards on. Measured on a shared 2-core machine (bench/NOTES.md, issue 17): at N=100
 * (300 dashboards and alerts) the worker was a loss when the other core was busy.
 */
const OFFLOAD_MIN_ITEMS = 1000;

/** Whether a build with `jobs` threads offloads for this model. */
export function worthOffloading(model: ResolvedModel, jobs: number): boolean {
  return jobs > 1 && model.dashboards.length + model.alerts.length >= OFFLOAD_MIN_ITEMS;
}

interface Pending {
  readonly resolve: (r: { artifacts: readonly Artifact[]; ms: number }) => void;
  readonly reject: (err: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
  worker = undefined;
}

function theWorker(): Worker {
  if (worker) return worker;
  // Next to this module: dist/build/ unbundled, dist/bundle/ bundled (scripts/bundle.mjs names the entry so).
  const w = new Worker(new URL('./generate-worker.js', import.meta.url));
  w.on('message', (reply: OffloadReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if ('artifacts' in reply) p.resolve({ artifacts: reply.artifacts, ms: reply.ms });
    else if ('findings' in reply) p.reject(new GeneratorFindings(reply.findings.generator, reply.findings.diagnostics, reply.findings.message));
    else p.reject(new Error(`the build's worker thread failed: ${reply.error}`));
  });
  w.on('error', (err) => failAll(err));
  w.on('exit', (code) => failAll(new Error(`the build's worker thread exited (${code})`)));
  worker = w;
  return w;
}

/**
 * Starts `generator` on `model` in the worker; resolves with its artifacts and the worker's
 * milliseconds. The caller awaits it after running the other generators.
 */
export async function offload(generator: RegisteredGenerator, model: ResolvedModel, remember: boolean): Promise<{ artifacts: readonly Artifact[]; ms: number }> {
  const portable = generator.portable;
  if (!portable) throw new Error(`Unexpected offload of ${generator.id}, expected a portable generator`);
  const facts = await portable.facts(model);
  const w = theWorker();
  const id = nextId++;
  // Referenced only while it has work: an idle worker does not keep the process alive.
  w.ref();
  const result = await new Promise<{ artifacts: readonly Artifact[]; ms: number }>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, generator: generator.id, model, facts } satisfies OffloadRequest);
  });
  // Only when asked (the ops docs reuse the docs): otherwise this thread's cache would hold a second copy.
  if (remember) await portable.adopt(model, facts, result.artifacts);
  return result;
}

/**
 * Ends the worker once a build has generated everything: its heap (a copy of the model, the docs it
 * rendered) is freed before the writer runs, instead of whenever the worker collects garbage.
 */
export async function stopWorker(): Promise<void> {
  const w = worker;
  if (!w || pending.size > 0) return;
  worker = undefined;
  w.removeAllListeners('exit');
  await w.terminate();
}
