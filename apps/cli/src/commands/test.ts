import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResolvedModel } from '@monspec/metrics-spec';
import { buildToTempDir } from '../tools/build-in-memory.js';
import { boolOpt, stringOpt, type Command, type Io } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { ENV_OPTION, SPEC_OPTION } from '../options.js';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { compileAt, locateSpec, type LoadedSpec } from '../spec-source.js';
import { MANIFEST_PATH } from '../build/manifest.js';

type Status = 'ok' | 'failed' | 'missing-tool';

/**
 * Why the artifacts in `dir` are not what `model` generates, judged by their manifest: another
 * service's spec, another environment, or an older version of this spec. Undefined when they match.
 */
function manifestMismatch(dir: string, model: ResolvedModel, spec: LoadedSpec, out: string): string | undefined {
  const rebuild = `rebuild first: monspec build --spec ${spec.displayDir} --env ${model.environment} --out ${out}`;
  const path = join(dir, MANIFEST_PATH);
  let manifest: { service?: unknown; environment?: unknown; specHash?: unknown };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as typeof manifest;
  } catch {
    return `Unexpected ${path}: missing or not JSON, expected the manifest monspec build writes; ${rebuild}`;
  }
  if (manifest.service !== model.service.name) {
    return `Unexpected artifacts in ${dir} generated from the spec of service "${String(manifest.service)}", expected ones from ${spec.displayDir} (service "${model.service.name}"); ${rebuild}`;
  }
  if (manifest.environment !== model.environment) {
    return `Unexpected artifacts in ${dir} for environment "${String(manifest.environment)}", expected "${model.environment}"; ${rebuild}`;
  }
  if (manifest.specHash !== model.specHash) {
    return `Unexpected stale artifacts in ${dir}: generated from another version of ${spec.displayDir} (spec hash ${String(manifest.specHash).slice(0, 12)}, now ${model.specHash.slice(0, 12)}); ${rebuild}`;
  }
  return undefined;
}

/** Generates one environment into a fresh temporary directory (monspec's own, removed afterwards). */
async function buildInMemory(model: ResolvedModel, io: Io): Promise<string | undefined> {
  const built = await buildToTempDir(model);
  if ('dir' in built) return built.dir;
  for (const p of built.problems) io.err(p);
  io.err(io.errStyle.red('✗ ') + built.summary);
  return undefined;
}

async function runChecks(dir: string, model: ResolvedModel, io: Io): Promise<Status> {
  const { runToolChecks } = await import('../tools/run-tool-checks.js');
  const { runDocsChecks } = await import('../tools/run-docs-checks.js');
  const tools = runToolChecks(dir, model, io);
  if (tools === 'missing-tool') return tools;
  const docs = await runDocsChecks(dir, model, io);
  return tools === 'failed' || docs === 'failed' ? 'failed' : 'ok';
}

export const testCommand: Command = {
  name: 'test',
  summary:
    'Test a spec\'s artifacts with real tools: promtool rule checks and alert unit tests, amtool routing tests per severity, remark over the docs. Builds the spec in memory, or checks what --out holds was built from it.',
  usage: 'monspec test [--spec DIR] [--env NAME | --all-envs] [--out DIR]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    'all-envs': { type: 'boolean', help: 'Test every environment the spec declares.' },
    out: {
      type: 'string',
      help: 'Test what `monspec build --out DIR` wrote (default: build in memory); refused unless each manifest names this spec and its current hash. Without --env/--all-envs, every environment directory under DIR.',
    },
  },
  examples: ['monspec test --all-envs', 'monspec test --spec monitoring --env staging', 'monspec build --all-envs --out generated && monspec test --out generated'],
  async run(args, io) {
    const env = stringOpt(args, 'env');
    const allEnvs = boolOpt(args, 'all-envs');
    if (env !== undefined && allEnvs) throw new UsageError('Unexpected --env together with --all-envs, expected one of them');
    const outArg = stringOpt(args, 'out');
    const out = outArg === undefined ? undefined : resolve(io.cwd, outArg);
    if (out !== undefined && !existsSync(out)) throw new UsageError(`Unexpected missing output directory ${outArg}, expected one written by monspec build`);
    const spec = locateSpec(stringOpt(args, 'spec'), io);

    const first = compileAt(spec, env);
    let envs: readonly string[];
    if (env !== undefined) envs = [env];
    else if (allEnvs) envs = first.environments.length > 0 ? first.environments : [first.environment ?? 'default'];
    else if (out !== undefined) {
      envs = readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
      if (envs.length === 0) throw new UsageError(`Unexpected empty output directory ${outArg}, expected environments written by monspec build`);
    } else envs = [first.environment ?? 'default'];

    let failed = false;
    for (const e of envs) {
      const compiled = e === first.environment ? first : compileAt(spec, e);
      if (!compiled.model) {
        io.err(formatDiagnostics('text', compiled.diagnostics.filter((d) => d.severity === 'error'), spec.displayDir, io.errStyle));
        io.err(io.errStyle.red('✗ ') + `${e}: the spec at ${spec.displayDir} is invalid; run monspec validate --spec ${spec.displayDir} --env ${e}`);
        failed = true;
        continue;
      }
      let status: Status;
      if (out !== undefined) {
        const dir = join(out, e);
        if (!existsSync(dir)) throw new UsageError(`Unexpected environment ${e}: ${dir} does not exist, expected monspec build --out ${outArg} to have written it`);
        const mismatch = manifestMismatch(dir, compiled.model, spec, outArg as string);
        if (mismatch) {
          io.err(io.errStyle.red('✗ ') + `${e}: ${mismatch}`);
          failed = true;
          continue;
        }
        status = await runChecks(dir, compiled.model, io);
      } else {
        const dir = await buildInMemory(compiled.model, io);
        if (dir === undefined) {
          failed = true;
          continue;
        }
        try {
          status = await runChecks(dir, compiled.model, io);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      if (status === 'missing-tool') return EXIT.usage;
      if (status === 'failed') failed = true;
    }
    io.err(failed ? io.errStyle.red('✗ some checks failed') : io.errStyle.green('✓ all tool checks passed'));
    return failed ? EXIT.findings : EXIT.ok;
  },
};
