import { z } from 'zod';

/**
 * A bad tool input or a spec the tool cannot work on: the client gets `isError: true` with this
 * message ("Unexpected X, expected Y"), and the server keeps serving.
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

function describe(input: unknown): string {
  if (input === undefined) return 'missing value';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'string') return `string ${JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input)}`;
  if (typeof input === 'object') return 'object';
  return `${typeof input} ${String(input)}`;
}

/**
 * Zod's issues in monspec's wording, for the arguments of every tool and prompt: the SDK validates
 * them with zod and sends the message back, adding "at <argument>".
 */
export function useMonspecMessages(): void {
  z.config({
    customError: (iss) => {
      const input: unknown = iss.input;
      switch (iss.code) {
        case 'invalid_type':
          return `Unexpected ${describe(input)}, expected ${iss.expected}`;
        case 'unrecognized_keys':
          return `Unexpected argument(s) ${iss.keys.map((k) => JSON.stringify(k)).join(', ')}, expected only the arguments the tool's input schema declares`;
        case 'invalid_value':
          return `Unexpected ${describe(input)}, expected one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'too_small':
          return `Unexpected ${describe(input)}, expected at least ${String(iss.minimum)} ${iss.origin === 'string' ? 'character(s)' : 'item(s)'}`;
        case 'too_big':
          return `Unexpected ${iss.origin === 'string' ? `string of ${String((input as string).length)} characters` : describe(input)}, expected at most ${String(iss.maximum)} ${iss.origin === 'string' ? 'character(s)' : 'item(s)'}`;
        default:
          return undefined;
      }
    },
  });
}
