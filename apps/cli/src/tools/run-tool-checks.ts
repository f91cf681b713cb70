import * as alerts from '@monspec/alerts';
import type { Io } from '../command.js';

/** One check a tool ran, as the alerts package reports it. */
export interface ToolResult {
  readonly name: string;
  readonly command: string;
  readonly ok: boolean;
  readonly output: string;
  readonly missingTool?: { readonly binary: string; readonly debianPackage: string };
}

type TestArtifacts = (dir: string) => Promise<readonly ToolResult[]>;

/** Runs promtool and amtool over one environment's artifacts and reports each check. */
export async function runToolChecks(dir: string, io: Io, env: string): Promise<'ok' | 'failed' | 'missing-tool'> {
  const testArtifacts = (alerts as Record<string, unknown>).testArtifacts as TestArtifacts | undefined;
  if (typeof testArtifacts !== 'function') {
    io.err(`monspec test: this build of @monspec/alerts has no tool checks`);
    return 'failed';
  }
  const results = await testArtifacts(dir);
  let status: 'ok' | 'failed' | 'missing-tool' = 'ok';
  for (const r of results) {
    if (r.missingTool) {
      io.err(`${io.errStyle.red('✗')} ${env}: ${r.name}: ${r.missingTool.binary} not found; install the Debian package ${r.missingTool.debianPackage} (apt-get install ${r.missingTool.debianPackage})`);
      status = 'missing-tool';
      continue;
    }
    io.err(`${r.ok ? io.errStyle.green('✓') : io.errStyle.red('✗')} ${env}: ${r.name} ${io.errStyle.dim(`(${r.command})`)}`);
    if (!r.ok) {
      io.err(r.output.trimEnd().replace(/^/gm, '    '));
      if (status === 'ok') status = 'failed';
    }
  }
  return status;
}
