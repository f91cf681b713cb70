/**
 * The number operators both evaluators share: PromQL's binary operators (promql-eval.ts) and
 * Grafana's math expressions (grafana/evaluate.ts, which writes power as `**`). Undefined for an
 * operator that is not one of them, so each caller reports it in its own terms.
 */

/** `+ - * / % ^` (PromQL's `^` is power; `%` keeps the dividend's sign, as Go's math.Mod). */
export function arithmetic(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '^':
      return a ** b;
    default:
      return undefined;
  }
}

/** `== != > < >= <=`; NaN compares false, as in Go. */
export function comparison(op: string, a: number, b: number): boolean | undefined {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    default:
      return undefined;
  }
}
