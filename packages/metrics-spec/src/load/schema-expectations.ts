/**
 * What a schema error says is expected, in a few words. The schema's `description` texts explain a
 * field to a reader of the schema; pasted after "expected" they read as noise ("expected A
 * Prometheus duration such as …. Defaults to 0s."), so the expectation is written here instead:
 * per `$defs` entry (from the error's schemaPath) and per inline pattern.
 */

/** By `$defs` name: the expectation of a value of that definition. */
const BY_DEF: Readonly<Record<string, (data: unknown) => string>> = {
  identifier: () => 'a snake_case or kebab-case name such as error_rate (at most 200 characters)',
  uid: () => 'a Grafana uid such as tunnel-health (lowercase letters, digits and dashes, at most 40 characters)',
  metricName: () => 'a Prometheus metric name such as http_requests_total (at most 200 characters)',
  labelName: () => 'a Prometheus label name such as status_code',
  // Names become file names (runbooks, dashboards): the length limit is part of what is expected.
  alertName: () => 'a CamelCase alert name such as HighErrorRate (at most 200 characters)',
  duration: (data) => (typeof data === 'number' && Number.isInteger(data) && data >= 0 ? `a duration such as ${data}m` : 'a duration such as 30s, 5m or 1h30m'),
  quantity: () => 'a number or a quantity such as 5%, 200ms or 256MiB',
  thresholdRef: () => 'a threshold level such as error_rate.critical',
};

/** Inline patterns (not behind a `$defs` entry). */
const BY_PATTERN: Readonly<Record<string, string>> = {
  '^https?://': 'an http:// or https:// URL',
  '^/': 'a path starting with /',
  '^[^\\s:]+:[0-9]+$': 'a host:port such as smtp.example.com:587',
  '^/[^\\s${}]+$': 'a path starting with /, without spaces, $, { or }',
  '^[a-z][a-z0-9-]*$': 'a kebab-case name such as checkout-api',
  '^[a-z0-9][a-z0-9-]*/[a-z][a-z0-9_-]*$': 'a panel reference dashboardUid/panelKey such as tunnel-health/errors',
  '^[A-Z][A-Z0-9_]*$': 'an UPPER_SNAKE_CASE environment variable name',
  '^[^@\\s]+@[^@\\s]+$': 'an email address',
  '^[a-zA-Z][a-zA-Z0-9_]*$': 'a parameter name of letters, digits and underscores, starting with a letter',
  '^\\{.*\\}$': 'a LogQL stream selector such as {app="checkout"}',
  '^https?://[^/@\\s]+(/[^\\s@]*)?$': 'an http:// or https:// URL without credentials (a token or password goes in an environment variable named by tokenEnv, userEnv or passwordEnv)',
  '^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}\\.md$': 'a Markdown file name such as CHECKOUT_MONITORING_SETUP.md',
  '^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$': 'a ruler namespace such as streaming-proxy (letters, digits, _, . and -, starting with a letter or digit)',
  '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$': 'a Kubernetes namespace such as monitoring (lowercase letters, digits and dashes, at most 63 characters)',
  "^(?!\\.{1,2}$)[A-Za-z0-9!._*'()-]{1,150}$": "a Loki tenant ID such as tunnel-team (letters, digits and !-_.*'(), at most 150 characters, not . or ..)",
};

/** The `$defs` entries with a wording above (for the test that every pattern and combinator has one). */
export const DEFS_WITH_EXPECTATION: readonly string[] = Object.keys(BY_DEF);
export const PATTERNS_WITH_EXPECTATION: readonly string[] = Object.keys(BY_PATTERN);

/** The innermost `$defs` name an error's schemaPath runs through: `#/$defs/duration/type` → duration. */
function defName(schemaPath: string): string | undefined {
  const m = /#\/\$defs\/([^/]+)\/(?:type|pattern|oneOf|anyOf|enum)$/.exec(schemaPath);
  return m?.[1];
}

/** The expectation for an error at `schemaPath` about `data`, when a wording exists. */
export function expectationFor(schemaPath: string, data: unknown, pattern?: string): string | undefined {
  const def = defName(schemaPath);
  const byDef = def !== undefined ? BY_DEF[def] : undefined;
  if (byDef) return byDef(data);
  return pattern !== undefined ? BY_PATTERN[pattern] : undefined;
}

/**
 * A oneOf/anyOf whose branches each require keys (`oneOf: [{required: [threshold]}, {required: [value]}]`)
 * expects exactly one (oneOf) or at least one (anyOf) of those keys. ajv reports such combinators
 * with a schemaPath relative to the referenced definition, so they are read from their branches.
 */
export function combinatorExpectation(keyword: 'oneOf' | 'anyOf', branches: unknown): string | undefined {
  if (!Array.isArray(branches)) return undefined;
  const keys: string[] = [];
  for (const b of branches) {
    const required = (b as { required?: unknown } | null)?.required;
    if (!Array.isArray(required) || required.length !== 1) return undefined;
    keys.push(String(required[0]));
  }
  return `${keyword === 'oneOf' ? 'exactly' : 'at least'} one of the keys ${keys.join(', ')}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** `string` → `a string`, `[string, number]` → `a string or a number`. */
export function describeType(type: string | readonly string[]): string {
  const types = typeof type === 'string' ? type.split(',') : type;
  return types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
}
