/**
 * The SLI shape monspec can generate burn-rate test scenarios for: `sum(rate(metric{a="b"}[$window]))`
 * with equality matchers only. Other SLIs need tests written in the spec (checks/slo-tests.ts).
 */
const SLI_SHAPE = /^\s*sum\s*\(\s*rate\s*\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?\s*\[\s*\$window\s*\]\s*\)\s*\)\s*$/;

export interface SimpleSli {
  readonly metric: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The metric and equality labels of a simple SLI expression, or undefined for any other shape. */
export function simpleSli(expr: string): SimpleSli | undefined {
  const m = SLI_SHAPE.exec(expr);
  if (!m) return undefined;
  const labels: Record<string, string> = {};
  const body = (m[2] ?? '{}').slice(1, -1).trim();
  if (body) {
    for (const part of body.split(',')) {
      const lm = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"([^"\\]*)"\s*$/.exec(part);
      if (!lm) return undefined;
      labels[lm[1] as string] = lm[2] as string;
    }
  }
  return { metric: m[1] as string, labels };
}
