import { testArtifacts, type CheckResult } from '@monspec/alerts/tools';
import type { ResolvedModel } from '@monspec/metrics-spec';
import type { Io } from '../command.js';

/** Runs promtool and amtool over one environment's artifacts and prints each check. */
export function runToolChecks(dir: string, model: ResolvedModel, io: Io): 'ok' | 'failed' | 'missing-tool' {
  const results: CheckResult[] = testArtifacts(dir, { model });
  let status: 'ok' | 'failed' | 'missing-tool' = 'ok';
  for (const r of results) {
    const mark = r.status === 'ok' ? io.errStyle.green('✓') : io.errStyle.red('✗');
    io.err(`${mark} ${model.environment}: ${r.name} ${io.errStyle.dim(`(${r.command})`)}`);
    if (r.status === 'missing-tool') {
      io.err(`    ${r.output}`);
      status = 'missing-tool';
    } else if (!r.ok) {
      io.err(r.output.trimEnd().replace(/^/gm, '    '));
      if (status === 'ok') status = 'failed';
    }
  }
  return status;
}
