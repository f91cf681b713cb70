import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type ExitCode } from './errors.js';
import type { Style } from './output/style.js';

export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /** Styles for stdout and stderr (each coloured only on a TTY). */
  readonly style: Style;
  readonly errStyle: Style;
}

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Parsed = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** `monspec build [--spec DIR] ...` */
  readonly usage: string;
  /** Each option with its help text, documented where it is declared. */
  readonly options: Readonly<Record<string, { type: 'string' | 'boolean'; short?: string; help: string; multiple?: boolean; dashValue?: boolean }>>;
  readonly positionals?: { min: number; max: number };
  readonly examples: readonly string[];
  run(args: Parsed, io: Io): Promise<ExitCode>;
}

/** Parses argv for one command; unknown flags (with a did-you-mean) and wrong arity are usage errors naming the fix. */
export async function parseCommandArgs(command: Command, argv: readonly string[]): Promise<Parsed> {
  const options: Options = { help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } };
  for (const [name, o] of Object.entries(command.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  // `--from -6h`: node's parseArgs takes a value starting with "-" only as `--from=-6h`; options that
  // declare such values (dashValue) get their next argument joined on.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const next = argv[i + 1];
    if (a.startsWith('--') && command.options[a.slice(2)]?.dashValue === true && next !== undefined && next.startsWith('-')) {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0] ?? String(err);
    // "Unknown option '--wacth'": suggest the declared option it is a few edits from.
    const unknown = /^Unknown option '--([^'=]+)/.exec(message)?.[1];
    const guess = unknown === undefined ? undefined : (await import('@monspec/metrics-spec')).closestMatch(unknown, Object.keys(options));
    const hint = guess ? `did you mean --${guess}? ` : '';
    throw new UsageError(`${message.replace(/\. To specify a positional argument.*$/, '')} (${hint}monspec ${command.name} --help lists the options)`);
  }
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  if (!parsed.values.help && (parsed.positionals.length < min || parsed.positionals.length > max)) {
    throw new UsageError(`Unexpected ${parsed.positionals.length} argument(s) to monspec ${command.name}, expected usage: ${command.usage}`);
  }
  return parsed as Parsed;
}

export function helpText(command: Command): string {
  const width = Math.max(...Object.keys(command.options).map((n) => n.length + (command.options[n]?.type === 'string' ? 6 : 0)), 10);
  const lines = [`${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:'];
  for (const [name, o] of Object.entries(command.options)) {
    const flag = `--${name}${o.type === 'string' ? ' VALUE' : ''}`;
    lines.push(`  ${flag.padEnd(width + 4)}  ${o.help}`);
  }
  lines.push(`  ${'--debug'.padEnd(width + 4)}  Print stack traces of internal errors.`);
  lines.push(`  ${'-h, --help'.padEnd(width + 4)}  Show this help.`);
  lines.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}

export function stringOpt(args: Parsed, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function boolOpt(args: Parsed, name: string): boolean {
  return args.values[name] === true;
}
