import { z } from 'zod';
import { EnvironmentArg, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';
import { FileChangeSchema } from '../spec-change.js';
import { previewChange, previewOutput } from './spec-change-result.js';

export const changeInput = z.strictObject({
  files: z.array(FileChangeSchema).min(1).max(64).describe('New content for one or more spec files (replaced whole; a new name adds a file; nothing is deleted).'),
  environment: EnvironmentArg.describe('Environment the diff compares (default: the spec\'s default); every environment is validated.'),
});

export function previewChangeTool(session: Session): ToolDefinition<typeof changeInput, typeof previewOutput> {
  return {
    title: 'Preview a spec change',
    description:
      'Given new content for spec files, validate the whole changed spec in memory (every environment) and return its diagnostics with file:line, plus the semantic diff `monspec diff` prints (e.g. "critical: 5 % → 3 %") as data and Markdown. Nothing is written; apply_change writes the same change.',
    input: changeInput,
    output: previewOutput,
    annotations: readOnly('Preview a spec change'),
    run: ({ files, environment }) => previewChange(session, files, environment),
  };
}
