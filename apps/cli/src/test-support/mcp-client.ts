import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BIN } from './run-cli.js';

export interface McpSession {
  readonly client: Client;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  /** Anything the client could not read as protocol on the server's stdout. */
  readonly protocolErrors: Error[];
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult>;
  close(): Promise<void>;
}

/** Starts the compiled CLI's `monspec mcp ARGS` and connects the SDK's real client to it over stdio. */
export async function connectMcp(args: readonly string[], cwd: string): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', ...args],
    cwd,
    env: { ...(process.env as Record<string, string>), NO_COLOR: '1' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const protocolErrors: Error[] = [];
  const client = new Client({ name: 'monspec-test', version: '1.0.0' });
  client.onerror = (err) => protocolErrors.push(err);
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    protocolErrors,
    call: async (name, a) => (await client.callTool({ name, arguments: a })) as CallToolResult,
    close: () => client.close(),
  };
}

/** The text of a tool result (errors carry their message there). */
export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}
