import { hasErrors } from '@monspec/metrics-spec';
import { z } from 'zod';
import { checkCompiled } from '../../lint/check-compiled.js';
import { DiagnosticSchema, diagnosticsJson, EnvironmentArg, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';

const input = z.strictObject({ environment: EnvironmentArg });
const output = z.object({
  valid: z.boolean(),
  environment: z.string().optional(),
  diagnostics: z.array(DiagnosticSchema),
});

/** `monspec validate --format json` for one environment: the spec checks, the dashboard lint and the docs check. */
export function validateTool(session: Session): ToolDefinition<typeof input, typeof output> {
  return {
    title: 'Validate the spec',
    description:
      'Check the spec as `monspec validate` does: YAML, JSON Schema, semantic checks, dashboard lint and docs check. Returns every diagnostic with its file, line and column ("Unexpected X, expected Y"); valid means it builds.',
    input,
    output,
    annotations: readOnly('Validate the spec'),
    async run({ environment }) {
      const checked = await checkCompiled(session.compile(session.files(), environment ?? session.options.environment));
      return {
        valid: !hasErrors(checked.diagnostics),
        ...(checked.environment === undefined ? {} : { environment: checked.environment }),
        diagnostics: diagnosticsJson(checked.diagnostics, session.spec.displayDir),
      };
    },
  };
}
