/**
 * The generated Grafana provisioning files hold values as Grafana's file provisioning reads them:
 * `$$` for a literal dollar, `${VAR}` and `$__file{path}` for secrets Grafana expands when it loads
 * the file (https://grafana.com/docs/grafana/latest/administration/provisioning/#using-environment-variables).
 * The HTTP API stores what it is sent verbatim, so `monspec apply` expands them itself, from its own
 * environment, at apply time. The values are never printed: callers only learn which were secrets.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';

const TOKEN = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$__file\{([^}]*)\}/g;

export interface Expanded {
  /** The value to send; undefined when a secret is not available here (plan without the variable). */
  readonly value: string | undefined;
  /** It came from an environment variable or a file: never show it. */
  readonly secret: boolean;
  /** What is missing, e.g. `environment variable SLACK_URL` (for the message). */
  readonly missing?: string;
}

/** A file-provisioning value as the API must receive it. `env` and `readFile` are the sources of secrets. */
export function expandValue(text: string, env: NodeJS.ProcessEnv, readFile: (path: string) => string | undefined = readSecretFile): Expanded {
  let secret = false;
  let missing: string | undefined;
  const value = text.replace(TOKEN, (token, name: string | undefined, path: string | undefined) => {
    if (token === '$$') return '$';
    secret = true;
    const v = name !== undefined ? env[name] : readFile(path ?? '');
    if (v === undefined || v === '') missing ??= name !== undefined ? `environment variable ${name}` : `file ${path ?? ''}`;
    // A file's trailing newline is dropped (editors add one; no token or URL ends with one).
    return (v ?? '').replace(/\r?\n$/, '');
  });
  return { value: missing ? undefined : value, secret, ...(missing ? { missing } : {}) };
}

function readSecretFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every string of a settings object expanded; throws a UsageError naming what is missing (apply must not send half a secret). */
export function expandSettings(settings: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv, what: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) {
    if (typeof v !== 'string') {
      out[k] = v;
      continue;
    }
    const e = expandValue(v, env);
    if (e.value === undefined) throw new UsageError(`${what}: settings.${k} needs the ${e.missing ?? 'secret'}, which is not set here; expected it in monspec apply's environment (Grafana's API stores the value it is sent)`);
    out[k] = e.value;
  }
  return out;
}

/** `$$` → `$` only: for labels and matchers, which hold no secrets. */
export function unescapeDollars(text: string): string {
  return text.replace(/\$\$/g, '$');
}
