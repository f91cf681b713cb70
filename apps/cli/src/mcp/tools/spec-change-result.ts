import { hasErrors, sortDiagnostics } from '@monspec/metrics-spec';
import { z } from 'zod';
import { diffToMarkdown, semanticDiff } from '../../diff/semantic-diff.js';
import { checkCompiled, diagnosticKey } from '../../lint/check-compiled.js';
import { DiagnosticSchema, diagnosticsJson } from '../register.js';
import type { Session } from '../session.js';
import { checkChanges, withChanges, type FileChange } from '../spec-change.js';

export const ChangeSchema = z.object({
  subject: z.enum(['metric', 'threshold', 'recording rule', 'alert', 'slo', 'dashboard', 'panel', 'route', 'contact point']),
  name: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  details: z.array(z.string()),
});

export const previewOutput = z.object({
  valid: z.boolean(),
  environment: z.string().optional(),
  diagnostics: z.array(DiagnosticSchema),
  /** Absent when either spec is invalid (there is no model to compare). */
  changes: z.array(ChangeSchema).optional(),
  markdown: z.string().optional(),
});
export type Preview = z.infer<typeof previewOutput>;

/**
 * The change applied in memory: the whole changed spec validated as `validate --all-envs` does, and the semantic
 * diff `monspec diff` prints between the spec on disk and the changed one (in `environment`). Nothing is written.
 */
export async function previewChange(session: Session, changes: readonly FileChange[], environment: string | undefined): Promise<Preview> {
  checkChanges(session.spec.dir, changes);
  const env = environment ?? session.options.environment;
  const files = session.files();
  const base = session.compile(files, env);
  const changed = withChanges(files, changes);
  const first = session.compile(changed, env);
  // Every environment the changed spec declares must validate: an overlay may break only one.
  const checked = [];
  for (const e of first.environments.length > 0 ? first.environments : [first.environment]) checked.push(await checkCompiled(e === first.environment ? first : session.compile(changed, e)));
  const head = checked.find((c) => c.environment === first.environment) ?? (checked[0] as (typeof checked)[number]);
  const seen = new Set<string>();
  const diagnostics = checked.flatMap((c) => c.diagnostics).filter((d) => !seen.has(diagnosticKey(d)) && seen.add(diagnosticKey(d)) !== undefined);
  const valid = !hasErrors(diagnostics);
  const diff = base.model && !hasErrors(base.diagnostics) && valid && head.model ? semanticDiff(base.model, head.model) : undefined;
  return {
    valid,
    ...(head.environment === undefined ? {} : { environment: head.environment }),
    diagnostics: diagnosticsJson(sortDiagnostics(diagnostics), session.spec.displayDir),
    ...(diff && head.model ? { changes: diff.map((c) => ({ ...c, details: [...c.details] })), markdown: diffToMarkdown(diff, `monspec diff: ${head.model.service.title} (${head.environment})`) } : {}),
  };
}
