import { GeneratorFindings, type Diagnostic, type ResolvedModel } from '@monspec/metrics-spec';
import { otherOutputs, sharedDocsCache } from '../generators/registry.js';

/**
 * The docs check `build` runs (remark-lint over spec prose that needs remark, every link and anchor
 * of the site) as diagnostics, so a spec whose prose `build` refuses does not validate either.
 * Loads docs-gen: call it only on a spec without errors.
 */
export async function docsCheckDiagnostics(model: ResolvedModel): Promise<readonly Diagnostic[]> {
  const { generate } = await import('@monspec/docs-gen');
  try {
    await generate(model, { artifacts: await otherOutputs(model), cache: await sharedDocsCache() });
    return [];
  } catch (err) {
    if (err instanceof GeneratorFindings) return err.diagnostics;
    throw err;
  }
}
