import { UsageError } from './errors.js';
import type { Command } from './command.js';

type OptionSpec = Command['options'][string];

/** Options several commands share, documented once. */
export const SPEC_OPTION: OptionSpec = { type: 'string', help: 'Spec directory (default: ./monitoring; inside the monspec repository without one, its embedded streaming-proxy spec).' };
export const ENV_OPTION: OptionSpec = { type: 'string', help: "Environment whose overlay is applied (default: the spec's default environment)." };

/** Validates a --format value against the command's formats; the first is the default. */
export function parseFormat<F extends string>(value: string | undefined, formats: readonly [F, ...F[]]): F {
  const format = value ?? formats[0];
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`Unexpected --format ${format}, expected one of: ${formats.join(', ')}`);
  return format as F;
}

/** plan and apply: a deploy target declared in the spec. */
export const TARGET_OPTION: OptionSpec = {
  type: 'string',
  help: 'A deploy target declared under environments.<env>.targets (URLs, org/tenant, folder; credentials from the variables it names). Without it: GRAFANA_URL, MIMIR_URL, LOKI_URL, PROMETHEUS_URL and ALERTMANAGER_URL.',
};
