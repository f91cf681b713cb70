import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GeneratorFindings, type ResolvedModel } from '@monspec/metrics-spec';
import { TOOL_VERSION } from '../version.js';

/** A fresh temporary directory holding one environment's artifacts, or why they could not be generated. */
export type InMemoryBuild = { readonly dir: string } | { readonly problems: readonly string[]; readonly summary: string };

/**
 * Generates one environment into a fresh temporary directory (monspec's own; the caller removes it)
 * for the tools to run over, as `monspec test` does without --out.
 */
export async function buildToTempDir(model: ResolvedModel): Promise<InMemoryBuild> {
  const { generateEnvironment } = await import('../build/generate-all.js');
  let generated;
  try {
    generated = await generateEnvironment(model, TOOL_VERSION);
  } catch (err) {
    if (!(err instanceof GeneratorFindings)) throw err;
    return { problems: [err.message], summary: `${model.environment}: the generated ${err.generator} have findings (see above)` };
  }
  const lintErrors = generated.lint.filter((f) => f.severity === 'error');
  if (lintErrors.length > 0) {
    return {
      problems: lintErrors.map((f) => `${model.environment}: error ${f.message} [${f.ruleId}]`),
      summary: `${model.environment}: ${lintErrors.length} lint error(s) in the generated files; run monspec validate`,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `monspec-test-${model.environment}-`));
  for (const a of generated.artifacts) {
    const target = join(dir, ...a.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, a.content);
  }
  return { dir };
}
