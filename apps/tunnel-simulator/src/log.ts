/** Structured (JSON lines) error logs, the shape the spec's Loki rules parse with `| json | level="error"`. */
import type { Writable } from 'node:stream';

export interface ErrorLog {
  error(msg: string, fields: Readonly<Record<string, string | number>>): void;
}

export function jsonLogger(out: Writable, app: string, now: () => Date = () => new Date()): ErrorLog {
  return {
    error(msg, fields) {
      out.write(`${JSON.stringify({ ts: now().toISOString(), level: 'error', app, msg, ...fields })}\n`);
    },
  };
}
