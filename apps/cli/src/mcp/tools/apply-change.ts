import { z } from 'zod';
import type { ToolDefinition } from '../register.js';
import type { Session } from '../session.js';
import { writeChanges } from '../spec-change.js';
import { ToolError } from '../tool-error.js';
import { changeInput } from './preview-change.js';
import { ChangeSchema, previewChange } from './spec-change-result.js';

const output = z.object({
  written: z.array(z.string()),
  changes: z.array(ChangeSchema),
  markdown: z.string(),
});

/** Serialises writes: two apply_change calls never interleave their validation and renames. */
let queue: Promise<unknown> = Promise.resolve();

export function applyChangeTool(session: Session): ToolDefinition<typeof changeInput, typeof output> {
  return {
    title: 'Apply a spec change',
    description:
      'Only with `monspec mcp --allow-write`: validate the change exactly as preview_change does and, when the whole changed spec is valid, write the files into the spec directory (atomically, each by a rename). Refuses an invalid change (returning its diagnostics), a path outside the spec directory or not .yaml/.yml, and a symbolic link. Never deletes.',
    input: changeInput,
    output,
    annotations: { title: 'Apply a spec change', readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    run({ files, environment }) {
      const next = queue.then(async () => {
        if (!session.options.allowWrite) {
          throw new ToolError('Unexpected apply_change on a read-only server, expected `monspec mcp --allow-write` to write spec files; preview_change shows the same change without writing');
        }
        const preview = await previewChange(session, files, environment);
        if (!preview.valid || !preview.changes || preview.markdown === undefined) {
          const errors = preview.diagnostics.filter((d) => d.severity === 'error');
          throw new ToolError(
            [`Unexpected invalid change (${errors.length} error(s)), expected a change after which the spec validates; nothing was written:`, ...errors.map((d) => `${d.file ?? session.spec.displayDir}${d.line === undefined ? '' : `:${d.line}:${d.column ?? 1}`}: ${d.message} [${d.ruleId}]`)].join('\n'),
          );
        }
        writeChanges(session.spec.dir, files);
        return { written: files.map((f) => f.path), changes: preview.changes, markdown: preview.markdown };
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
