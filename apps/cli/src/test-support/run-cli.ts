import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled CLI as users run it (bin shim → dist). */
export const BIN = fileURLToPath(new URL('../../bin/monspec.js', import.meta.url));
export const EMBEDDED_SPEC = fileURLToPath(new URL('../../../../packages/metrics-spec/spec', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The CLI's process id (runCliAsync only). */
  readonly pid?: number;
}

export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'monspec-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A private copy of the embedded spec to edit. */
export function copyEmbeddedSpec(): string {
  const dir = join(tempDir(), 'spec');
  cpSync(EMBEDDED_SPEC, dir, { recursive: true });
  return dir;
}

/** Like runCli, without blocking the event loop (for tests that serve HTTP to the CLI). */
export function runCliAsync(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, ...(child.pid === undefined ? {} : { pid: child.pid }) }));
  });
}
