/** Running an external tool: output captured, a missing binary reported as such (not as a failure). */
import { spawnSync } from 'node:child_process';

export interface ToolRun {
  readonly ok: boolean;
  readonly missing: boolean;
  readonly output: string;
}

export function runTool(binary: string, args: readonly string[], cwd: string): ToolRun {
  const r = spawnSync(binary, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  const error = r.error as NodeJS.ErrnoException | undefined;
  if (error?.code === 'ENOENT') return { ok: false, missing: true, output: `${binary}: not found` };
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (error) return { ok: false, missing: false, output: `${output}\n${error.message}`.trim() };
  return { ok: r.status === 0, missing: false, output };
}
