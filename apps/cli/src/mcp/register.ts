import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Diagnostic } from '@monspec/metrics-spec';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { createStyle } from '../output/style.js';
import { ToolError } from './tool-error.js';

export interface ToolDefinition<I extends z.ZodObject, O extends z.ZodObject> {
  readonly title: string;
  readonly description: string;
  readonly input: I;
  readonly output: O;
  /** Read-only tools say so; the one tool that writes is destructive (it replaces spec files). */
  readonly annotations: ToolAnnotations;
  run(args: z.infer<I>): Promise<z.infer<O>>;
}

/** Read-only, idempotent, and talks to nothing outside this machine unless `openWorld`. */
export function readOnly(title: string, openWorld = false): ToolAnnotations {
  return { title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: openWorld };
}

/**
 * Registers a tool whose result is structured content (checked by the SDK against `output`) plus the
 * same JSON as text. A ToolError is the client's mistake: `isError` with its message. Anything else
 * is a bug: `isError` with "internal error", logged on stderr (stdout is the protocol channel), with
 * its stack only under --debug, as every command does.
 */
export function registerTool<I extends z.ZodObject, O extends z.ZodObject>(server: McpServer, name: string, tool: ToolDefinition<I, O>, debug = false): void {
  server.registerTool(
    name,
    { title: tool.title, description: tool.description, inputSchema: tool.input, outputSchema: tool.output, annotations: tool.annotations },
    // The SDK types the callback from the input schema's generic; ours is the same schema.
    (async (args: z.infer<I>) => {
      try {
        const out = await tool.run(args);
        return { content: [{ type: 'text' as const, text: JSON.stringify(out, null, 2) }], structuredContent: out as Record<string, unknown> };
      } catch (err) {
        if (err instanceof ToolError) return { content: [{ type: 'text' as const, text: err.message }], isError: true };
        const message = err instanceof Error ? err.message : String(err);
        process.stderr.write(`monspec mcp: internal error in tool ${name}: ${debug && err instanceof Error && err.stack ? err.stack : `${message} (run with --debug for the stack trace)`}\n`);
        return { content: [{ type: 'text' as const, text: `internal error in tool ${name}: ${message}` }], isError: true };
      }
    }) as never,
  );
}

const located = { file: z.string().optional(), line: z.number().optional(), column: z.number().optional() };

/** A diagnostic as `monspec validate --format json` prints it: file relative to the working directory, 1-based line and column. */
export const DiagnosticSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  ...located,
  pointer: z.string().optional(),
  related: z.array(z.object({ ruleId: z.string(), message: z.string(), ...located })).optional(),
});

/** Diagnostics in the shape of `validate --format json` (one implementation: format-diagnostics.ts). */
export function diagnosticsJson(diagnostics: readonly Diagnostic[], displayDir: string): Array<z.infer<typeof DiagnosticSchema>> {
  return JSON.parse(formatDiagnostics('json', diagnostics, displayDir, createStyle({}))) as Array<z.infer<typeof DiagnosticSchema>>;
}

/** The optional environment argument every spec tool takes. */
export const EnvironmentArg = z.string().min(1).optional().describe("Environment whose overlay applies (default: the server's --env, else the spec's default environment).");

/** Grafana's time range syntax: relative (`now-6h`, `now/d`), epoch milliseconds, or an ISO date. */
export const GrafanaTime = z.string().regex(/^(now([+-]\d+[smhdwMy])*(\/[smhdwMy])?|\d{10,13}|\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?)$/, { error: (iss) => `Unexpected time ${JSON.stringify(iss.input)}, expected a Grafana time: now-6h, now, epoch milliseconds or an ISO date` });

