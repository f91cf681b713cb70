import type { Diagnostic, ResolvedModel } from '@monspec/metrics-spec';
import type { BrokenLink, LintMessage } from '@monspec/docs-gen';

/**
 * The docs check `build` runs (remark-lint over spec prose that needs remark, every link and anchor
 * of the site) as diagnostics, so a spec whose prose `build` refuses does not validate either.
 * Loads docs-gen: call it only on a spec without errors.
 */
export async function docsCheckDiagnostics(model: ResolvedModel): Promise<Diagnostic[]> {
  const { generate } = await import('@monspec/docs-gen');
  try {
    await generate(model);
    return [];
  } catch (err) {
    if (!(err instanceof Error) || err.name !== 'DocsCheckError') throw err;
    const found = err as Error & { readonly lint: readonly LintMessage[]; readonly links: readonly BrokenLink[] };
    return [
      ...found.lint.map((m): Diagnostic => ({
        ruleId: `docs/${m.rule}`,
        severity: 'error',
        message: `Unexpected Markdown in spec prose at ${m.path}:${m.line ?? 1}:${m.column ?? 1} of the generated docs: ${m.message}, expected lint-clean Markdown`,
      })),
      ...found.links.map((l): Diagnostic => ({
        ruleId: 'docs/link',
        severity: 'error',
        message: `Unexpected link ${JSON.stringify(l.href)} in ${l.from} of the generated docs (${l.reason}), expected a link to a page or anchor the docs have; fix the spec prose it comes from`,
      })),
    ];
  }
}
